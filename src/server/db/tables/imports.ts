import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId } from './columns.ts';
import { workspaces } from './workspaces.ts';

/**
 * One CSV import (modules/imports): the file as uploaded (kept until the run ends, so the dry run and the real run
 * read the same bytes), the column mapping, and the run's progress, written after each batch's transaction so a
 * progress bar can follow it, and the report of what was created, updated, unchanged and skipped.
 */
export const imports = pgTable(
  'imports',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** The file's text; emptied once the run is over. */
    content: text('content').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    /** previewed → running → done (or failed). */
    status: text('status').notNull().default('previewed'),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    /** The rows refused and why, as the user reads them: { row, column, message }. */
    problems: jsonb('problems').$type<{ row: number; column: string | null; message: string }[]>().notNull().default([]),
    error: text('error'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** When the run last wrote a batch (or started): a running import with none for a while stopped with its process. */
    progressAt: timestamp('progress_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('imports_workspace_created_idx').on(t.workspaceId, t.createdAt),
    foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
  ],
);

import { bigint, boolean, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns.ts';
import { workspaces } from './workspaces.ts';

/**
 * A workspace's insight settings: which milestone ends each measure (time to first engagement, live, first value,
 * value), and whether it lends its figures, anonymously, to the installation's benchmark by vendor industry.
 */
export const insightSettings = pgTable('insight_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  /** Measure → milestone kind; a measure missing here takes its default. */
  definitions: jsonb('definitions').$type<Record<string, string>>().notNull().default({}),
  benchmarkOptIn: boolean('benchmark_opt_in').notNull().default(false),
  /** The vendor's own industry, for the benchmark (null until set). */
  vendorIndustry: text('vendor_industry'),
  updatedAt: updatedAt(),
});

/**
 * Which state of a workspace's project data an insight report was built from (hand SQL in the insight_versions
 * migration, row-level since 0041_row_triggers): every statement that writes a table the reports read sets a new
 * value from a sequence, once per workspace it touches, in the same transaction as the change, so a cached report is reused only while the database still holds exactly its facts.
 * Kept apart from data_versions so that task and mail traffic does not throw away the cached account lists.
 */
export const insightVersions = pgTable('insight_versions', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  version: bigint('version', { mode: 'number' }).notNull(),
});

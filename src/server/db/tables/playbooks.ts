import { foreignKey, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, tenantId } from './columns.ts';
import { workspaces } from './workspaces.ts';

export const playbooks = pgTable(
  'playbooks',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    description: text('description'),
    /** The newest version; projects keep the version they were created from. */
    currentVersion: integer('current_version').notNull().default(1),
    builtinKey: text('builtin_key'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('playbooks_builtin_key').on(t.workspaceId, t.builtinKey),
  ],
);

/** Every saved edit of a playbook is a new, immutable version. */
export const playbookVersions = pgTable(
  'playbook_versions',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    playbookId: uuid('playbook_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('playbook_versions_version_key').on(t.workspaceId, t.playbookId, t.version),
    foreignKey({ columns: [t.workspaceId, t.playbookId], foreignColumns: [playbooks.workspaceId, playbooks.id] }),
  ],
);

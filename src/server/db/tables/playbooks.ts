import { foreignKey, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, createdAt, updatedAt } from './columns.ts';
import { workspaces } from './workspaces.ts';

export const playbooks = pgTable(
  'playbooks',
  {
    id: id(),
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
    unique('playbooks_workspace_id_id_key').on(t.workspaceId, t.id),
    uniqueIndex('playbooks_builtin_key').on(t.workspaceId, t.builtinKey),
  ],
);

/** Every saved edit of a playbook is a new, immutable version. */
export const playbookVersions = pgTable(
  'playbook_versions',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    playbookId: uuid('playbook_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    unique('playbook_versions_version_key').on(t.playbookId, t.version),
    foreignKey({ columns: [t.workspaceId, t.playbookId], foreignColumns: [playbooks.workspaceId, playbooks.id] }),
  ],
);

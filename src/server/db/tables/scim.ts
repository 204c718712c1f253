import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.ts';
import { members } from './members.ts';
import { workspaces } from './workspaces.ts';

const workspaceId = () => uuid('workspace_id').notNull().references(() => workspaces.id);
const rowId = () => uuid('id').notNull().defaultRandom();

/** The bearer tokens an identity provider provisions members with (modules/scim); only their hash is kept. */
export const scimTokens = pgTable(
  'scim_tokens',
  {
    id: rowId(),
    workspaceId: workspaceId(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // Found through token_lookups, which says the workspace.
    unique('scim_tokens_workspace_token_hash_key').on(t.workspaceId, t.tokenHash),
    foreignKey({ columns: [t.workspaceId, t.createdBy], foreignColumns: [members.workspaceId, members.id] }),
  ],
);

/** A member provisioned by SCIM: the User resource as the identity provider last sent it (canonical form). */
export const scimUsers = pgTable(
  'scim_users',
  {
    workspaceId: workspaceId(),
    memberId: uuid('member_id').notNull(),
    userName: text('user_name').notNull(),
    externalId: text('external_id'),
    resource: jsonb('resource').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.memberId] }),
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }),
    uniqueIndex('scim_users_user_name_key').on(t.workspaceId, sql`lower(${t.userName})`),
    index('scim_users_external_id_idx').on(t.workspaceId, t.externalId),
  ],
);

/** A group pushed by the identity provider; its name may map to a role (scim_role_mappings). */
export const scimGroups = pgTable(
  'scim_groups',
  {
    id: rowId(),
    workspaceId: workspaceId(),
    displayName: text('display_name').notNull(),
    externalId: text('external_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('scim_groups_display_name_key').on(t.workspaceId, sql`lower(${t.displayName})`),
  ],
);

export const scimGroupMembers = pgTable(
  'scim_group_members',
  {
    workspaceId: workspaceId(),
    groupId: uuid('group_id').notNull(),
    memberId: uuid('member_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.groupId, t.memberId] }),
    foreignKey({ columns: [t.workspaceId, t.groupId], foreignColumns: [scimGroups.workspaceId, scimGroups.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }),
    index('scim_group_members_member_idx').on(t.workspaceId, t.memberId),
  ],
);

/** Settings → Provisioning: members of a group with this name get this role. */
export const scimRoleMappings = pgTable(
  'scim_role_mappings',
  {
    workspaceId: workspaceId(),
    groupName: text('group_name').notNull(),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.groupName] })],
);

/** What the identity provider did lately (Settings shows the last sync): one row per SCIM request, pruned. */
export const scimActivity = pgTable(
  'scim_activity',
  {
    id: rowId(),
    workspaceId: workspaceId(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    status: integer('status').notNull(),
    summary: text('summary').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('scim_activity_at_idx').on(t.workspaceId, t.at)],
);

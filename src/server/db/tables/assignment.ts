import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId } from './columns.ts';
import { members } from './members.ts';
import { projects } from './projects.ts';
import { workspaces } from './workspaces.ts';

/** Who leads the onboarding team (alerts go to them) and which contacts get the portal when a project starts. */
export const assignmentSettings = pgTable(
  'assignment_settings',
  {
    workspaceId: uuid('workspace_id').primaryKey().references(() => workspaces.id),
    teamLeadId: uuid('team_lead_id'),
    /** Contact roles that get portal access when a project starts (with the welcome). */
    portalRoles: jsonb('portal_roles').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [foreignKey({ columns: [t.workspaceId, t.teamLeadId], foreignColumns: [members.workspaceId, members.id] })],
);

/** A workspace's assignment rules, tried in position order: the first that matches a project picks its member. */
export const assignmentRules = pgTable(
  'assignment_rules',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    /** The project role it fills: onboarding_manager, implementation_manager or csm. */
    role: text('role').notNull(),
    /** { segments?, products?, regions? }: every list given must contain the project's value. */
    match: jsonb('match').notNull(),
    /** round_robin | least_loaded | most_room */
    strategy: text('strategy').notNull(),
    memberIds: jsonb('member_ids').notNull(),
    /** The member round-robin gave the last project, so the next goes to the one after. */
    lastMemberId: uuid('last_member_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('assignment_rules_position_idx').on(t.workspaceId, t.position)],
);

/** Who was given each role of a project and why (or why nobody was). */
export const projectAssignments = pgTable(
  'project_assignments',
  {
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    role: text('role').notNull(),
    memberId: uuid('member_id'),
    ruleName: text('rule_name'),
    reason: text('reason').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.projectId, t.role] }),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }),
  ],
);

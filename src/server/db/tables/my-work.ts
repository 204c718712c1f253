import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';
import { members } from './members.ts';
import { projects, taskComments } from './projects.ts';

/** When a member last opened a project: "changed since I last looked" on their My work page counts from here. */
export const projectViews = pgTable(
  'project_views',
  {
    workspaceId: uuid('workspace_id').notNull(),
    memberId: uuid('member_id').notNull(),
    projectId: uuid('project_id').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.memberId, t.projectId] }),
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
  ],
);

/**
 * A My work item the member marked done (until null) or snoozed until a time. The item comes back when it has news
 * after dismissedAt (a new answer, a new decision), or when the snooze ends.
 */
export const myWorkDismissals = pgTable(
  'my_work_dismissals',
  {
    workspaceId: uuid('workspace_id').notNull(),
    memberId: uuid('member_id').notNull(),
    /** The item's key as My work gives it: "<kind>:<id>". */
    itemKey: text('item_key').notNull(),
    until: timestamp('until', { withTimezone: true }),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.memberId, t.itemKey] }),
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }).onDelete('cascade'),
  ],
);

/** A member named with "@Name" in a task comment (by a colleague or a customer). */
export const commentMentions = pgTable(
  'comment_mentions',
  {
    workspaceId: uuid('workspace_id').notNull(),
    commentId: uuid('comment_id').notNull(),
    memberId: uuid('member_id').notNull(),
    projectId: uuid('project_id').notNull(),
    taskId: uuid('task_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.memberId, t.commentId] }),
    index('comment_mentions_member_idx').on(t.workspaceId, t.memberId, t.createdAt),
    foreignKey({ columns: [t.workspaceId, t.commentId], foreignColumns: [taskComments.workspaceId, taskComments.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }).onDelete('cascade'),
  ],
);

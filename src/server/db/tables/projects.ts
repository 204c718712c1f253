import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, tenantId } from './columns.ts';
import { accounts } from './accounts.ts';
import { contacts } from './contacts.ts';
import { members } from './members.ts';
import { organizations } from './organizations.ts';
import { playbooks } from './playbooks.ts';

export const projects = pgTable(
  'projects',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    organizationId: uuid('organization_id'),
    product: text('product'),
    name: text('name').notNull(),
    /** The playbook it follows; null for a project started blank (a copy keeps its source's playbook). */
    playbookId: uuid('playbook_id'),
    playbookVersion: integer('playbook_version'),
    stages: jsonb('stages').notNull(),
    day0: date('day0', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('active'),
    /** Why the project is paused or closed (null while active). */
    statusReason: text('status_reason'),
    /** A closed project's outcome: complete or cancelled. */
    closedOutcome: text('closed_outcome'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    onboardingManagerId: uuid('onboarding_manager_id'),
    health: text('health').notNull().default('on_track'),
    baselineEnd: date('baseline_end', { mode: 'string' }),
    projectedEnd: date('projected_end', { mode: 'string' }),
    /** Stage and "finished" as core's progress rules said at the last re-plan (null/false before the first). */
    currentStage: text('current_stage'),
    finished: boolean('finished').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('projects_account_idx').on(t.workspaceId, t.accountId),
    index('projects_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    // My work: the active projects a member manages.
    index('projects_manager_idx').on(t.workspaceId, t.onboardingManagerId).where(sql`${t.status} = 'active'`),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
    foreignKey({ columns: [t.workspaceId, t.playbookId], foreignColumns: [playbooks.workspaceId, playbooks.id] }),
    foreignKey({
      columns: [t.workspaceId, t.organizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
    foreignKey({ columns: [t.workspaceId, t.onboardingManagerId], foreignColumns: [members.workspaceId, members.id] }),
  ],
);

export const projectTasks = pgTable(
  'project_tasks',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    stage: text('stage').notNull(),
    ownerSide: text('owner_side').notNull(),
    ownerRole: text('owner_role').notNull(),
    assigneeMemberId: uuid('assignee_member_id'),
    assigneeContactId: uuid('assignee_contact_id'),
    durationDays: integer('duration_days').notNull(),
    /** Hours of work it takes its owner (from the playbook, or set on the project); null: the default for its kind (core/capacity). */
    effortHours: real('effort_hours'),
    startOffsetDays: integer('start_offset_days'),
    milestoneKind: text('milestone_kind'),
    deliverable: boolean('deliverable').notNull().default(false),
    needsApproval: boolean('needs_approval').notNull().default(false),
    customerVisible: boolean('customer_visible').notNull().default(true),
    checklist: jsonb('checklist').notNull().default(sql`'[]'::jsonb`),
    /** Fields the customer fills in for this task (text, choice, date, number, yes/no, file); null = no form. */
    form: jsonb('form'),
    /** The answers, by field key, with who gave them and when. */
    formAnswers: jsonb('form_answers'),
    formAnsweredBy: text('form_answered_by'),
    formAnsweredAt: timestamp('form_answered_at', { withTimezone: true }),
    status: text('status').notNull().default('not_started'),
    stuckReason: text('stuck_reason'),
    actualStart: date('actual_start', { mode: 'string' }),
    actualFinish: date('actual_finish', { mode: 'string' }),
    pinnedStart: date('pinned_start', { mode: 'string' }),
    baselineStart: date('baseline_start', { mode: 'string' }),
    baselineFinish: date('baseline_finish', { mode: 'string' }),
    projectedStart: date('projected_start', { mode: 'string' }),
    projectedFinish: date('projected_finish', { mode: 'string' }),
    slackDays: integer('slack_days').notNull().default(0),
    critical: boolean('critical').notNull().default(false),
    health: text('health').notNull().default('on_track'),
    startReason: text('start_reason'),
    drivenBy: uuid('driven_by'),
    /**
     * What the day −60…+60 report counts the task as — milestone, deliverable, meeting (by its title) or task — kept
     * by PostgreSQL from the row itself, so that the report reads it from an index instead of matching the titles of
     * a hundred thousand tasks each time.
     */
    activityKind: text('activity_kind')
      .notNull()
      .generatedAlwaysAs(
        sql`case when milestone_kind is not null then 'milestone' when deliverable then 'deliverable'
          when title ~* '(meeting|call|workshop|training|business review|value review|kickoff)' then 'meeting' else 'task' end`,
      ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('project_tasks_key').on(t.workspaceId, t.projectId, t.key),
    // A project's tasks in plan order. The insight_cold migration's hand SQL adds INCLUDE (stage, activity_kind, status,
    // baseline_finish, actual_finish) — drizzle cannot say INCLUDE — so that the day −60…+60 report reads the tasks
    // of thousands of projects from this index alone.
    index('project_tasks_project_idx').on(t.workspaceId, t.projectId, t.position),
    index('project_tasks_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    // Insight reports read the milestones of a whole portfolio (time to live, to value, slip by month): only
    // milestone rows; the same hand SQL adds INCLUDE (id, status, actual_finish, baseline_finish, projected_finish),
    // so that they are read from the index alone.
    // Revenue at risk counts projects with a stuck task: few rows, found without reading every task.
    // My work: a member's open tasks by due date, and the forms customers answered.
    index('project_tasks_assignee_open_idx')
      .on(t.workspaceId, t.assigneeMemberId, t.projectedFinish)
      .where(sql`${t.assigneeMemberId} is not null and ${t.status} not in ('done', 'skipped')`),
    index('project_tasks_answered_idx').on(t.workspaceId, t.projectId, t.formAnsweredAt).where(sql`${t.formAnsweredAt} is not null`),
    index('project_tasks_stuck_idx').on(t.workspaceId, t.projectId).where(sql`${t.status} = 'stuck'`),
    index('project_tasks_milestone_idx').on(t.workspaceId, t.milestoneKind, t.projectId, t.position).where(sql`${t.milestoneKind} is not null`),
    // A customer who leaves: their open tasks, found (and re-assigned) without reading every task of the workspace.
    index('project_tasks_assignee_contact_idx').on(t.workspaceId, t.assigneeContactId).where(sql`${t.assigneeContactId} is not null`),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.workspaceId, t.assigneeMemberId], foreignColumns: [members.workspaceId, members.id] }),
    foreignKey({ columns: [t.workspaceId, t.assigneeContactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
  ],
);

export const projectDependencies = pgTable(
  'project_dependencies',
  {
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    predecessorId: uuid('predecessor_id').notNull(),
    successorId: uuid('successor_id').notNull(),
    lagDays: integer('lag_days').notNull().default(0),
  },
  (t) => [
    unique('project_dependencies_key').on(t.workspaceId, t.successorId, t.predecessorId),
    index('project_dependencies_project_idx').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.predecessorId], foreignColumns: [projectTasks.workspaceId, projectTasks.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.workspaceId, t.successorId], foreignColumns: [projectTasks.workspaceId, projectTasks.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** The project's history: who changed what, from what, to what, and why. */
export const projectEvents = pgTable(
  'project_events',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    taskId: uuid('task_id'),
    actorName: text('actor_name').notNull(),
    actorMemberId: uuid('actor_member_id'),
    /** Set when a customer contact did it, in the portal. */
    actorContactId: uuid('actor_contact_id'),
    kind: text('kind').notNull(),
    field: text('field'),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    reason: text('reason'),
    /**
     * A re-plan's moved dates, one entry per task whose projected finish moved: [taskId, from, to][]. One line per
     * re-plan rather than one per task (a slip at the head of a long chain moves a thousand); the history answers
     * them one per task.
     */
    moves: jsonb('moves').$type<[string, string, string][]>(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('project_events_project_idx').on(t.workspaceId, t.projectId, t.createdAt),
    // A contact's page: what they did in the portal, newest first.
    index('project_events_contact_idx').on(t.workspaceId, t.actorContactId, t.createdAt).where(sql`${t.actorContactId} is not null`),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** The log of days a milestone moved at each re-plan, owed to the side whose task caused it: history, not the figures (see milestone_slips). */
export const delayEvents = pgTable(
  'delay_events',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    milestoneTaskId: uuid('milestone_task_id').notNull(),
    causeTaskId: uuid('cause_task_id').notNull(),
    side: text('side').notNull(),
    days: integer('days').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('delay_events_project_idx').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete(
      'cascade',
    ),
  ],
);


/**
 * The slip each milestone owes, as the project stands: business days late against its baseline, per task that
 * causes them (and so per side). Replaced whole on every re-plan; the numbers shown and reported are read here.
 */
export const milestoneSlips = pgTable(
  'milestone_slips',
  {
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    milestoneTaskId: uuid('milestone_task_id').notNull(),
    causeTaskId: uuid('cause_task_id').notNull(),
    side: text('side').notNull(),
    days: integer('days').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.milestoneTaskId, t.causeTaskId] }),
    index('milestone_slips_project_idx').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.workspaceId, t.milestoneTaskId], foreignColumns: [projectTasks.workspaceId, projectTasks.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.workspaceId, t.causeTaskId], foreignColumns: [projectTasks.workspaceId, projectTasks.id] }).onDelete(
      'cascade',
    ),
  ],
);
export const taskComments = pgTable(
  'task_comments',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    taskId: uuid('task_id').notNull(),
    authorMemberId: uuid('author_member_id'),
    authorContactId: uuid('author_contact_id'),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    /** A vendor-only note: never shown in the customer portal. */
    internal: boolean('internal').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('task_comments_task_idx').on(t.workspaceId, t.taskId),
    // My work: the customer's replies on a member's projects, newest first.
    index('task_comments_customer_idx').on(t.workspaceId, t.projectId, t.createdAt).where(sql`${t.authorContactId} is not null`),
    // The portal: a project's comments the customer may see, oldest first (without it, every portal page read all
    // of the workspace's comments: 1.5 ms at 7,600 comments, growing with them).
    index('task_comments_shared_idx').on(t.workspaceId, t.projectId, t.createdAt).where(sql`not ${t.internal}`),
    foreignKey({ columns: [t.workspaceId, t.taskId], foreignColumns: [projectTasks.workspaceId, projectTasks.id] }).onDelete(
      'cascade',
    ),
  ],
);

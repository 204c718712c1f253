import { HISTORY_CATEGORIES } from '../core/history/categories.ts';
import { z } from 'zod';
import { MILESTONE_KINDS } from '../core/playbooks/definition.ts';
import { FORM_FIELD_TYPES } from '../core/portal/forms.ts';
import { Segment } from './accounts.ts';
import { csv, IsoDate } from './common.ts';
import { TaskOwner } from './playbooks.ts';

export const TASK_STATUSES = ['not_started', 'in_progress', 'stuck', 'done', 'skipped'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;
export const Health = z.enum(['on_track', 'at_risk', 'late']);
export type Health = z.infer<typeof Health>;
export const ProjectStatus = z.enum(['active', 'paused', 'closed']);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

/** A field of the form the customer fills in on a task (defined by the vendor). */
export const FormField = z.object({
  key: z.string().min(1).max(60),
  label: z.string().min(1).max(200),
  type: z.enum(FORM_FIELD_TYPES),
  required: z.boolean().default(false),
  options: z.array(z.string().min(1).max(200)).max(50).optional(),
  help: z.string().max(500).optional(),
});
export type FormField = z.infer<typeof FormField>;
export const FormAnswer = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type FormAnswer = z.infer<typeof FormAnswer>;

export const TaskFile = z.object({ id: z.uuid(), fileName: z.string(), size: z.number().int(), uploadedBy: z.string(), at: z.iso.datetime() });
export type TaskFile = z.infer<typeof TaskFile>;

export const Assignee = z.object({ kind: z.enum(['member', 'contact']), id: z.uuid(), name: z.string() });
export type Assignee = z.infer<typeof Assignee>;

export const ProjectTask = z.object({
  id: z.uuid(),
  key: z.string(),
  position: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  stage: z.string(),
  owner: TaskOwner,
  assignee: Assignee.nullable(),
  durationDays: z.number().int(),
  /** Hours of work for its owner: as estimated, or the default for its kind (effortEstimated false). */
  effortHours: z.number(),
  effortEstimated: z.boolean(),
  startOffsetDays: z.number().int().nullable(),
  milestoneKind: z.enum(MILESTONE_KINDS).nullable(),
  deliverable: z.boolean(),
  needsApproval: z.boolean(),
  customerVisible: z.boolean(),
  checklist: z.array(z.object({ text: z.string(), done: z.boolean() })),
  status: TaskStatus,
  stuckReason: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualFinish: z.string().nullable(),
  pinnedStart: z.string().nullable(),
  baselineStart: z.string().nullable(),
  baselineFinish: z.string().nullable(),
  projectedStart: z.string().nullable(),
  projectedFinish: z.string().nullable(),
  slackDays: z.number().int(),
  critical: z.boolean(),
  health: Health,
  /** The form the customer fills in on this task, null when it has none. */
  form: z.array(FormField).nullable(),
  formAnswers: z.record(z.string(), FormAnswer).nullable(),
  formAnsweredBy: z.string().nullable(),
  formAnsweredAt: z.iso.datetime().nullable(),
  files: z.array(TaskFile),
});
export type ProjectTask = z.infer<typeof ProjectTask>;

/** Business days of slip owed to each side, as the project stands (go-live's, or the last milestone's). */
export const DelayTotals = z.object({ customer: z.number().int(), vendor: z.number().int() });

/**
 * What a re-plan moved, compact enough for a slip of a thousand tasks: tasks are named by their position in the plan
 * (ProjectTask.position), in runs [first position, count]; each list holds one value per moved task, in run order.
 * Dates are calendar days after day0; length is calendar days from start to finish; flags is 2 × the index of the
 * task's health in (on_track, at_risk, late), + 1 when it is on the critical path. See src/core/schedule/moves.ts.
 */
export const TaskMoves = z.object({
  day0: z.string(),
  runs: z.array(z.tuple([z.number().int(), z.number().int()])),
  start: z.array(z.number().int()),
  length: z.array(z.number().int()),
  slack: z.array(z.number().int()),
  flags: z.array(z.number().int()),
});
export type TaskMoves = z.infer<typeof TaskMoves>;

/** What a task change did: the task, every task whose projection moved, the delays it caused, the project's health. */
export const TaskChange = z.object({
  task: ProjectTask,
  /** Every task whose projection changed: update them on screen at once. */
  moved: TaskMoves,
  delays: z.array(
    z.object({
      milestoneId: z.uuid(),
      fromDate: z.string(),
      toDate: z.string(),
      days: z.number().int(),
      causeTaskId: z.uuid(),
      side: z.enum(['customer', 'vendor']),
    }),
  ),
  project: z.object({ health: Health, projectedEnd: z.string() }),
  /** The project's slip owed by side after the change: the figure to show (the delays above are the log). */
  delayDays: DelayTotals,
});
export type TaskChange = z.infer<typeof TaskChange>;

export const Dependency = z.object({ predecessorId: z.uuid(), successorId: z.uuid(), lagDays: z.number().int() });
export type Dependency = z.infer<typeof Dependency>;

export const Milestone = z.object({
  taskId: z.uuid(),
  kind: z.enum(MILESTONE_KINDS),
  title: z.string(),
  baseline: z.string().nullable(),
  projected: z.string().nullable(),
  actual: z.string().nullable(),
  health: Health,
  /** Calendar days from day 0 to the actual date, or to the projected one while it is not reached. */
  daysFromDay0: z.number().int().nullable(),
});
export type Milestone = z.infer<typeof Milestone>;

export const ProjectSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  accountId: z.uuid(),
  accountName: z.string(),
  segment: Segment,
  product: z.string().nullable(),
  day0: z.string(),
  status: ProjectStatus,
  /** Why it is paused or closed, as the person who did it wrote it (null while active). */
  statusReason: z.string().nullable(),
  /** How a closed project ended. */
  closedOutcome: z.enum(['complete', 'cancelled']).nullable(),
  health: Health,
  stage: z.string().nullable(),
  stageName: z.string().nullable(),
  onboardingManager: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  baselineGoLive: z.string().nullable(),
  projectedGoLive: z.string().nullable(),
  baselineEnd: z.string().nullable(),
  projectedEnd: z.string().nullable(),
  delayDays: DelayTotals,
  tasksDone: z.number().int(),
  tasksTotal: z.number().int(),
  /** The sales hand-off: null when there is none; anything but complete shows "hand-off incomplete". */
  handoff: z.enum(['open', 'questions', 'complete']).nullable(),
  /** Flagged "stalled, waiting on customer" by the escalation ladder since this day; null when not stalled. */
  stalledSince: z.string().nullable(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const Project = ProjectSummary.extend({
  organizationId: z.uuid().nullable(),
  /** The playbook it follows (a copy keeps its source's); null for a project started blank. */
  playbook: z.object({ id: z.uuid(), name: z.string(), version: z.number().int(), latestVersion: z.number().int() }).nullable(),
  stages: z.array(z.object({ key: z.string(), name: z.string() })),
  today: z.string(),
  milestones: z.array(Milestone),
  criticalPath: z.array(z.uuid()),
  tasks: z.array(ProjectTask),
  dependencies: z.array(Dependency),
});
export type Project = z.infer<typeof Project>;

export const PROJECT_SOURCES = ['playbook', 'blank', 'project'] as const;

export const ProjectInput = z
  .object({
    accountId: z.uuid({ message: 'must be an account id' }),
    /**
     * What the plan starts from: a playbook (the default), nothing but a go-live milestone to build on ("blank"),
     * or another project of the workspace ("project": its tasks, links, milestones, owner roles and durations;
     * not its progress, comments or sign-offs), laid out again from this project's day 0.
     */
    source: z.enum(PROJECT_SOURCES).default('playbook'),
    /** With source "playbook"; omitted: the best match of the selection rules. */
    playbookId: z.uuid({ message: 'must be a playbook id' }).optional(),
    /** With source "project": the project to copy. */
    sourceProjectId: z.uuid({ message: 'must be a project id' }).optional(),
    organizationId: z.uuid({ message: 'must be an organization id' }).nullable().optional(),
    product: z.string().trim().min(1).max(80).nullable().optional(),
    name: z.string().trim().min(1).max(200).optional(),
    /** Day 0 of this project; omitted: the account's contract signed date. */
    day0: IsoDate.optional(),
  })
  .superRefine((input, issue) => {
    if (input.source === 'project' && !input.sourceProjectId) {
      issue.addIssue({ code: 'custom', path: ['sourceProjectId'], message: 'choose the project to copy' });
    }
    if (input.source !== 'project' && input.sourceProjectId) {
      issue.addIssue({ code: 'custom', path: ['sourceProjectId'], message: 'only with source "project"' });
    }
    if (input.source !== 'playbook' && input.playbookId) {
      issue.addIssue({ code: 'custom', path: ['playbookId'], message: 'only with source "playbook"' });
    }
  });
export type ProjectInput = z.infer<typeof ProjectInput>;

export const ProjectPatch = z
  .object({
    name: z.string().trim().min(1, { message: 'is required' }).max(200),
    /** A new day 0: work not started moves with it (and its baseline); work started or done keeps its dates. */
    day0: IsoDate,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one of name, day0' });
export type ProjectPatch = z.infer<typeof ProjectPatch>;

export const ProjectListQuery = z.object({
  /** A member's projects, or "none": the projects nobody was assigned to manage. */
  owner: z.union([z.uuid(), z.literal('none')], { message: 'must be a member id, or "none" for projects nobody manages' }).optional(),
  segment: csv(Segment),
  health: csv(Health),
  status: z.enum(['active', 'paused', 'closed', 'all']).default('active'),
  accountId: z.uuid().optional(),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;

export const TaskPatch = z
  .object({
    status: TaskStatus,
    stuckReason: z.string().trim().min(1, { message: 'say what the task is stuck on' }).max(500).nullable(),
    actualStart: IsoDate.nullable(),
    actualFinish: IsoDate.nullable(),
    /** A date set by hand: the task starts then, and what follows it moves. null removes the pin. */
    pinnedStart: IsoDate.nullable(),
    assignee: z.object({ kind: z.enum(['member', 'contact']), id: z.uuid() }).nullable(),
    durationDays: z.number().int().min(0).max(1000),
    /** Hours of work for its owner; null goes back to the default for its kind. */
    effortHours: z.number().min(0, { message: 'must be 0 or more hours' }).max(1000, { message: 'must be at most 1000 hours' }).nullable(),
    title: z.string().trim().min(1).max(200),
    description: z.string().max(20_000).nullable(),
    checklist: z.array(z.object({ text: z.string().trim().min(1).max(300), done: z.boolean() })).max(50),
    customerVisible: z.boolean(),
    /** Replaces the task's finish-to-start predecessors (re-linking). */
    dependsOn: z.array(z.object({ taskId: z.uuid({ message: 'must be a task id' }), lagDays: z.number().int().min(-100).max(1000).default(0) })).max(50),
    /** Why the change was made, for the history. */
    reason: z.string().trim().max(500),
  })
  .partial()
  .refine((patch) => Object.keys(patch).some((key) => key !== 'reason'), { message: 'send at least one field to change' });
export type TaskPatch = z.infer<typeof TaskPatch>;

/** One change to many tasks of a project (the plan's bulk edit): all of them change, or none does. */
export const BulkTaskUpdate = z
  .object({
    taskIds: z
      .array(z.uuid({ message: 'must be a task id' }))
      .min(1, { message: 'select at least one task' })
      .max(200, { message: 'change at most 200 tasks at once' })
      .refine((ids) => new Set(ids).size === ids.length, { message: 'lists a task twice' }),
    set: z
      .object({
        status: TaskStatus,
        assignee: z.object({ kind: z.enum(['member', 'contact']), id: z.uuid() }).nullable(),
        /** Moves each task's start by this many business days (a date set by hand); what follows them moves too. */
        shiftDays: z.number().int().min(-250).max(250).refine((days) => days !== 0, { message: 'move by at least one day' }),
      })
      .partial()
      .strict()
      .refine((set) => Object.keys(set).length > 0, { message: 'say what to change: status, assignee or dates' }),
    reason: z.string().trim().max(500).optional(),
  })
  .strict();
export type BulkTaskUpdate = z.infer<typeof BulkTaskUpdate>;

export const NewTask = z.object({
  title: z.string().trim().min(1, { message: 'is required' }).max(200),
  stage: z.string().min(1),
  owner: TaskOwner,
  durationDays: z.number().int().min(0).max(1000),
  effortHours: z.number().min(0, { message: 'must be 0 or more hours' }).max(1000, { message: 'must be at most 1000 hours' }).nullable().optional(),
  startOffsetDays: z.number().int().min(-365).max(3650).nullable().optional(),
  dependsOn: z.array(z.object({ taskId: z.uuid(), lagDays: z.number().int().min(-100).max(1000).default(0) })).max(50).default([]),
  milestoneKind: z.enum(MILESTONE_KINDS).nullable().optional(),
  customerVisible: z.boolean().default(true),
  description: z.string().max(20_000).optional(),
});
export type NewTask = z.infer<typeof NewTask>;

export const ProjectEvent = z.object({
  id: z.uuid(),
  taskId: z.uuid().nullable(),
  taskTitle: z.string().nullable(),
  actorName: z.string(),
  kind: z.string(),
  field: z.string().nullable(),
  fromValue: z.string().nullable(),
  toValue: z.string().nullable(),
  reason: z.string().nullable(),
  /** What kind of change it is, as the history's filter names it. */
  category: z.enum(HISTORY_CATEGORIES),
  /** Lines of one re-plan (the engine's date moves caused by one change) share it; null for every other line. */
  groupId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ProjectEvent = z.infer<typeof ProjectEvent>;

/** Narrowing a project's history: by kind of change, by who made it, by task. */
export const HistoryQuery = z
  .object({
    category: z.enum(HISTORY_CATEGORIES).optional(),
    actor: z.string().min(1).max(200).optional(),
    taskId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict();

export const DelayEventOut = z.object({
  id: z.uuid(),
  milestoneTaskId: z.uuid(),
  milestoneTitle: z.string(),
  causeTaskId: z.uuid(),
  causeTaskTitle: z.string(),
  side: z.enum(['customer', 'vendor']),
  days: z.number().int(),
  fromDate: z.string(),
  toDate: z.string(),
  createdAt: z.iso.datetime(),
});
export type DelayEventOut = z.infer<typeof DelayEventOut>;

export const Comment = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  authorName: z.string(),
  body: z.string(),
  /** A vendor-only note, never shown in the customer portal. */
  internal: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Comment = z.infer<typeof Comment>;
export const CommentInput = z.object({
  body: z.string().trim().min(1, { message: 'is required' }).max(10_000),
  internal: z.boolean().default(false),
});

/** A task added to a running project: the task, its links, what its arrival moved (see TaskMoves), the project's health. */
export const TaskAdded = z.object({
  task: ProjectTask,
  dependencies: z.array(Dependency),
  moved: TaskMoves,
  delays: TaskChange.shape.delays,
  project: TaskChange.shape.project,
  delayDays: DelayTotals,
});
export type TaskAdded = z.infer<typeof TaskAdded>;

/** A task of a bulk change: an id of the project's tasks, or the `ref` of a task added in the same request. */
const BulkTaskRef = z.string().trim().min(1).max(60);

/** Many changes to a plan in one request, one transaction and one re-plan: tasks added, links added, a new order. */
export const BulkTaskChange = z
  .object({
    add: z
      .array(
        NewTask.omit({ dependsOn: true }).extend({
          /** A name for this task within the request, so links and the order can point at it. */
          ref: BulkTaskRef.optional(),
        }),
      )
      .max(1000)
      .default([]),
    /** Finish-to-start links, between existing tasks (ids) or added ones (refs). */
    link: z
      .array(z.object({ from: BulkTaskRef, to: BulkTaskRef, lagDays: z.number().int().min(-100).max(1000).default(0) }))
      .max(5000)
      .default([]),
    /** Tasks in the order wanted: they take the positions they held between them, in this order. */
    order: z.array(BulkTaskRef).max(5000).default([]),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((change) => change.add.length + change.link.length + change.order.length > 0, { message: 'send something to add, link or order' });
export type BulkTaskChange = z.infer<typeof BulkTaskChange>;

export const BulkTaskResult = z.object({
  /** The tasks added, with the ref each was given. */
  added: z.array(z.object({ ref: z.string().nullable(), task: ProjectTask })),
  dependencies: z.array(Dependency),
  /** Every task whose position changed, with its new position (applied before `moved`). */
  positions: z.array(z.object({ id: z.uuid(), position: z.number().int() })),
  moved: TaskMoves,
  delays: TaskChange.shape.delays,
  project: TaskChange.shape.project,
});
export type BulkTaskResult = z.infer<typeof BulkTaskResult>;

/** Pausing stops the cadence and the escalation ladder until the project resumes; the reason is shown on it. */
export const PauseInput = z.object({ reason: z.string().trim().min(1, { message: 'say why the project is paused' }).max(500) });
export const CloseInput = z.object({
  outcome: z.enum(['complete', 'cancelled'], { message: 'must be "complete" or "cancelled"' }),
  reason: z.string().trim().min(1, { message: 'say why the project is closed' }).max(500),
});
export const ResumeInput = z.object({ note: z.string().trim().max(500).optional() });

/** Open work whose owner was removed or deactivated (SCIM active=false): it needs a new owner. */
export const WorkNeedingOwner = z.object({
  projects: z.array(
    z.object({ projectId: z.uuid(), projectName: z.string(), accountName: z.string(), formerOwnerId: z.uuid(), formerOwnerName: z.string() }),
  ),
  tasks: z.array(
    z.object({
      taskId: z.uuid(),
      title: z.string(),
      due: z.iso.date().nullable(),
      projectId: z.uuid(),
      projectName: z.string(),
      formerOwnerId: z.uuid(),
      formerOwnerName: z.string(),
    }),
  ),
});
export type WorkNeedingOwner = z.infer<typeof WorkNeedingOwner>;

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Every table carries workspace_id; child rows reference their parent through (workspace_id, id)
// so a row can never point into another workspace.

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const workspaces = pgTable('workspaces', {
  id: id(),
  name: text('name').notNull(),
  timezone: text('timezone').notNull().default('UTC'),
  /** ISO weekdays that are working days (Monday = 1). */
  workingWeekdays: integer('working_weekdays').array().notNull().default(sql`'{1,2,3,4,5}'::int[]`),
  holidays: date('holidays', { mode: 'string' }).array().notNull().default(sql`'{}'::date[]`),
  /** The sales hand-off answers this workspace cannot start without. */
  handoffRequiredFields: text('handoff_required_fields')
    .array()
    .notNull()
    .default(sql`'{why_they_bought,definition_of_success,stakeholders,risks}'::text[]`),
  createdAt: createdAt(),
});

export const members = pgTable(
  'members',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    unique('members_workspace_id_id_key').on(t.workspaceId, t.id),
    // One sign-in identity per email address among current members.
    uniqueIndex('members_email_active_key').on(sql`lower(${t.email})`).where(sql`${t.removedAt} is null`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    memberId: uuid('member_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userAgent: text('user_agent'),
  },
  (t) => [
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }),
    index('sessions_member_idx').on(t.memberId),
  ],
);

export const invites = pgTable(
  'invites',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ columns: [t.workspaceId, t.invitedBy], foreignColumns: [members.workspaceId, members.id] }),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ columns: [t.workspaceId, t.createdBy], foreignColumns: [members.workspaceId, members.id] }),
  ],
);

// Failed sign-ins, kept in the database so every app process sees the same count.
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: id(),
    key: text('key').notNull(),
    failedAt: timestamp('failed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_failures_key_idx').on(t.key, t.failedAt)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    domain: text('domain'),
    industry: text('industry').notNull(),
    segment: text('segment').notNull(),
    touchModel: text('touch_model').notNull(),
    complexity: text('complexity').notNull(),
    contractValue: bigint('contract_value', { mode: 'number' }).notNull().default(0),
    currency: text('currency').notNull().default('USD'),
    contractSignedOn: date('contract_signed_on', { mode: 'string' }),
    renewalOn: date('renewal_on', { mode: 'string' }),
    products: text('products').array().notNull().default(sql`'{}'::text[]`),
    timezone: text('timezone').notNull().default('UTC'),
    laerStage: text('laer_stage').notNull().default('land'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    unique('accounts_workspace_id_id_key').on(t.workspaceId, t.id),
    index('accounts_workspace_name_idx').on(t.workspaceId, sql`lower(${t.name})`, t.id),
    index('accounts_workspace_signed_idx').on(t.workspaceId, t.contractSignedOn),
  ],
);

// Kept exact by triggers on accounts (migration 0004_accounts_speed): the unfiltered list's total.
export const accountCounts = pgTable('account_counts', {
  workspaceId: uuid('workspace_id').primaryKey().references(() => workspaces.id, { onDelete: 'cascade' }),
  active: integer('active').notNull().default(0),
  archived: integer('archived').notNull().default(0),
});

export const accountOwners = pgTable(
  'account_owners',
  {
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    role: text('role').notNull(),
    memberId: uuid('member_id').notNull(),
  },
  (t) => [
    unique('account_owners_account_role_key').on(t.accountId, t.role),
    index('account_owners_member_idx').on(t.workspaceId, t.memberId),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.workspaceId, t.memberId], foreignColumns: [members.workspaceId, members.id] }),
  ],
);

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    startedOn: date('started_on', { mode: 'string' }),
    createdAt: createdAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    unique('organizations_workspace_id_id_key').on(t.workspaceId, t.id),
    index('organizations_account_idx').on(t.workspaceId, t.accountId),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    organizationId: uuid('organization_id'),
    name: text('name').notNull(),
    email: text('email').notNull(),
    title: text('title'),
    role: text('role').notNull(),
    timezone: text('timezone'),
    joinedOn: date('joined_on', { mode: 'string' }),
    leftOn: date('left_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('contacts_workspace_id_id_key').on(t.workspaceId, t.id),
    uniqueIndex('contacts_account_email_key').on(t.accountId, sql`lower(${t.email})`),
    index('contacts_account_idx').on(t.workspaceId, t.accountId),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }),
    foreignKey({
      columns: [t.workspaceId, t.organizationId],
      foreignColumns: [organizations.workspaceId, organizations.id],
    }),
  ],
);

export const outbox = pgTable(
  'mail_outbox',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    dedupeKey: text('dedupe_key').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    messageId: text('message_id').notNull(),
    state: text('state').notNull().default('scheduled'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sendAfter: timestamp('send_after', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
    // Cadences and automated mail (see "Cadences and mail" at the end of this file).
    /** transactional (invitations…), automated (cadences, reminders: capped, unsubscribable) or test. */
    kind: text('kind').notNull().default('transactional'),
    /** email, or portal (an in-portal message: never leaves through SMTP). */
    channel: text('channel').notNull().default('email'),
    fromName: text('from_name'),
    replyTo: text('reply_to'),
    unsubscribeUrl: text('unsubscribe_url'),
    projectId: uuid('project_id'),
    contactId: uuid('contact_id'),
    cadenceId: uuid('cadence_id'),
    stepId: text('step_id'),
    stepName: text('step_name'),
    /** 0 for a one-off step; the week number of a weekly one. */
    occurrence: integer('occurrence').notNull().default(0),
    priority: text('priority'),
    /** When the step was due; send_after is when it may go (later when the frequency cap holds it). */
    dueAt: timestamp('due_at', { withTimezone: true }),
    recipientTimezone: text('recipient_timezone'),
    /** The task whose completion makes this message moot (its goal met): checked again just before sending. */
    goalTaskId: uuid('goal_task_id'),
    /** Why the message is in its state: a skip, a cap decision, a retry. */
    reason: text('reason'),
    /** A sending process holds the row until then; past it, another may take it over. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    /** Deliveries taken over from a process that died mid-send: the message may have arrived twice (same Message-ID). */
    interruptedAttempts: integer('interrupted_attempts').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (t) => [
    unique('mail_outbox_dedupe_key').on(t.workspaceId, t.dedupeKey),
    index('mail_outbox_due_idx').on(t.state, t.sendAfter),
    // One message per (cadence step, contact, project) (and per week for a weekly step), whatever runs twice.
    uniqueIndex('mail_outbox_cadence_step_key')
      .on(t.workspaceId, t.projectId, t.stepId, t.contactId, t.occurrence)
      .where(sql`${t.stepId} is not null`),
    index('mail_outbox_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('mail_outbox_contact_idx').on(t.workspaceId, t.contactId),
    index('mail_outbox_recipient_idx').on(t.workspaceId, sql`lower(${t.toAddress})`, t.sendAfter),
  ],
);

// ---- Playbooks and projects ----

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
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
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

export const projects = pgTable(
  'projects',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    organizationId: uuid('organization_id'),
    product: text('product'),
    name: text('name').notNull(),
    playbookId: uuid('playbook_id').notNull(),
    playbookVersion: integer('playbook_version').notNull(),
    stages: jsonb('stages').notNull(),
    day0: date('day0', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('active'),
    onboardingManagerId: uuid('onboarding_manager_id'),
    health: text('health').notNull().default('on_track'),
    baselineEnd: date('baseline_end', { mode: 'string' }),
    projectedEnd: date('projected_end', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('projects_workspace_id_id_key').on(t.workspaceId, t.id),
    index('projects_account_idx').on(t.workspaceId, t.accountId),
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
    id: id(),
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
    startOffsetDays: integer('start_offset_days'),
    milestoneKind: text('milestone_kind'),
    deliverable: boolean('deliverable').notNull().default(false),
    needsApproval: boolean('needs_approval').notNull().default(false),
    customerVisible: boolean('customer_visible').notNull().default(true),
    checklist: jsonb('checklist').notNull().default(sql`'[]'::jsonb`),
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
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('project_tasks_workspace_id_id_key').on(t.workspaceId, t.id),
    unique('project_tasks_key').on(t.projectId, t.key),
    index('project_tasks_project_idx').on(t.workspaceId, t.projectId, t.position),
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
    unique('project_dependencies_key').on(t.successorId, t.predecessorId),
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
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    taskId: uuid('task_id'),
    actorName: text('actor_name').notNull(),
    actorMemberId: uuid('actor_member_id'),
    kind: text('kind').notNull(),
    field: text('field'),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('project_events_project_idx').on(t.workspaceId, t.projectId, t.createdAt),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** Days a milestone moved, owed to the side whose task caused it. */
export const delayEvents = pgTable(
  'delay_events',
  {
    id: id(),
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
    index('delay_events_project_idx').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete(
      'cascade',
    ),
  ],
);

export const taskComments = pgTable(
  'task_comments',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    taskId: uuid('task_id').notNull(),
    authorMemberId: uuid('author_member_id'),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('task_comments_task_idx').on(t.workspaceId, t.taskId),
    foreignKey({ columns: [t.workspaceId, t.taskId], foreignColumns: [projectTasks.workspaceId, projectTasks.id] }).onDelete(
      'cascade',
    ),
  ],
);

// ---- Closed-won intake and sales hand-off ----

/** Per workspace: the secrets that sign webhooks from the CRM. */
export const intakeSettings = pgTable('intake_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  webhookSecret: text('webhook_secret').notNull(),
  hubspotClientSecret: text('hubspot_client_secret'),
  salesforceOrganizationId: text('salesforce_organization_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every won deal received, once per CRM deal id: the row is the dedupe key and the record of what happened. */
export const intakeDeliveries = pgTable(
  'intake_deliveries',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    source: text('source').notNull(),
    dealId: text('deal_id').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull(),
    error: text('error'),
    accountId: uuid('account_id'),
    projectId: uuid('project_id'),
    attempts: integer('attempts').notNull().default(1),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    unique('intake_deliveries_deal_key').on(t.workspaceId, t.dealId),
    index('intake_deliveries_received_idx').on(t.workspaceId, t.receivedAt),
  ],
);

/** What sales knew at signature, handed to the onboarding team. */
export const handoffs = pgTable(
  'handoffs',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    repMemberId: uuid('rep_member_id'),
    answers: jsonb('answers').notNull().default(sql`'{}'::jsonb`),
    status: text('status').notNull().default('open'),
    createdAt: createdAt(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    unique('handoffs_project_key').on(t.projectId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
  ],
);

/** What the onboarding manager asks the rep about the hand-off, and the rep's answer. */
export const handoffQuestions = pgTable(
  'handoff_questions',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    field: text('field'),
    text: text('text').notNull(),
    askedBy: uuid('asked_by'),
    askedByName: text('asked_by_name').notNull(),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
    answer: text('answer'),
    answeredByName: text('answered_by_name'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('handoff_questions_project_idx').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
  ],
);

// ---- Cadences and mail ----

/** A communication cadence: steps (trigger, timing, sender, content) kept as one JSON document. */
export const cadences = pgTable(
  'cadences',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    description: text('description'),
    touchModels: text('touch_models').array().notNull().default(sql`'{}'::text[]`),
    products: text('products').array().notNull().default(sql`'{}'::text[]`),
    steps: jsonb('steps').notNull(),
    builtinKey: text('builtin_key'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    unique('cadences_workspace_id_id_key').on(t.workspaceId, t.id),
    uniqueIndex('cadences_builtin_key').on(t.workspaceId, t.builtinKey),
  ],
);

/** The cadence a project follows, and when the planner must look at it next. */
export const projectCadences = pgTable(
  'project_cadences',
  {
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    cadenceId: uuid('cadence_id').notNull(),
    attachedAt: timestamp('attached_at', { withTimezone: true }).notNull(),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  },
  (t) => [
    unique('project_cadences_project_key').on(t.workspaceId, t.projectId),
    index('project_cadences_due_idx').on(t.nextRunAt),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.cadenceId], foreignColumns: [cadences.workspaceId, cadences.id] }),
  ],
);

/** Project events that cadence steps wait for (milestone reached, task completed, contact added). */
export const cadenceEvents = pgTable(
  'cadence_events',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    kind: text('kind').notNull(),
    taskKey: text('task_key'),
    milestone: text('milestone'),
    contactId: uuid('contact_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('cadence_events_project_idx').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
  ],
);

/** Per workspace: the frequency cap on automated mail to one person. */
export const mailSettings = pgTable('mail_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  capPerDay: integer('cap_per_day').notNull().default(1),
  capPerWeek: integer('cap_per_week').notNull().default(3),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Per contact: the token of their unsubscribe link, and whether they used it. */
export const contactMailPreferences = pgTable(
  'contact_mail_preferences',
  {
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    unsubscribeToken: text('unsubscribe_token').notNull().unique(),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
  },
  (t) => [
    unique('contact_mail_preferences_contact_key').on(t.workspaceId, t.contactId),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
  ],
);

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Every table carries workspace_id; child rows reference their parent through (workspace_id, id)
// so a row can never point into another workspace.

/** Binary data: a Buffer in Node, bytea in PostgreSQL. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

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

// Which state of a workspace's data an answer was built from (migration 0006_data_versions). Statement triggers
// on every table an account page reads (accounts, account_owners, contacts, members) set a new value, taken from a
// sequence so it is never reused, in the same transaction as the change: while the version read now is the one a
// cached answer was built at, that answer is still exactly what the database holds.
export const dataVersions = pgTable('data_versions', {
  workspaceId: uuid('workspace_id').primaryKey().references(() => workspaces.id, { onDelete: 'cascade' }),
  version: bigint('version', { mode: 'number' }).notNull(),
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
    /** Set when a customer contact did it, in the portal. */
    actorContactId: uuid('actor_contact_id'),
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
    authorContactId: uuid('author_contact_id'),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    /** A vendor-only note: never shown in the customer portal. */
    internal: boolean('internal').notNull().default(false),
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

// ---- The customer portal ----

/** A contact's access to one project's portal, and the long-lived invitation that leads to it. */
export const portalAccess = pgTable(
  'portal_access',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    /** The invitation only leads to a page that sends a fresh sign-in link: it never signs anyone in. */
    inviteTokenHash: text('invite_token_hash').notNull().unique(),
    invitedByName: text('invited_by_name').notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
    inviteExpiresAt: timestamp('invite_expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastVisitAt: timestamp('last_visit_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('portal_access_workspace_id_id_key').on(t.workspaceId, t.id),
    unique('portal_access_project_contact_key').on(t.projectId, t.contactId),
    index('portal_access_contact_idx').on(t.workspaceId, t.contactId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
  ],
);

/** A one-time sign-in link (15 minutes) with its 6-digit code; spent by the first POST that presents either. */
export const portalLinks = pgTable(
  'portal_links',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    projectId: uuid('project_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    codeHash: text('code_hash').notNull(),
    codeAttempts: integer('code_attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    spentAt: timestamp('spent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('portal_links_contact_idx').on(t.workspaceId, t.contactId, t.createdAt),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
  ],
);

export const portalSessions = pgTable(
  'portal_sessions',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** A member looking at the portal as this contact: read-only, and not counted as the contact's visit. */
    previewMemberId: uuid('preview_member_id'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('portal_sessions_contact_idx').on(t.workspaceId, t.contactId),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
  ],
);

/** Per workspace: how the portal looks and what customers may do in it. */
export const portalSettings = pgTable('portal_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  brandColor: text('brand_color').notNull().default('#2563eb'),
  logo: bytea('logo'),
  logoType: text('logo_type'),
  welcomeMessage: text('welcome_message'),
  allowColleagueInvites: boolean('allow_colleague_invites').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A file attached to a task (by the customer in the portal or by the vendor); the bytes live under the data directory. */
export const taskFiles = pgTable(
  'task_files',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    taskId: uuid('task_id').notNull(),
    /** The form field it answers, when it was uploaded through a task's form. */
    fieldKey: text('field_key'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedByContactId: uuid('uploaded_by_contact_id'),
    uploadedByMemberId: uuid('uploaded_by_member_id'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('task_files_workspace_id_id_key').on(t.workspaceId, t.id),
    index('task_files_task_idx').on(t.workspaceId, t.taskId),
    foreignKey({ columns: [t.workspaceId, t.taskId], foreignColumns: [projectTasks.workspaceId, projectTasks.id] }).onDelete('cascade'),
  ],
);

/** A customer's sign-off (or rejection) of a deliverable: who, when, and what they said. */
export const taskApprovals = pgTable(
  'task_approvals',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    taskId: uuid('task_id').notNull(),
    contactId: uuid('contact_id'),
    signedName: text('signed_name').notNull(),
    decision: text('decision').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [
    index('task_approvals_task_idx').on(t.workspaceId, t.taskId, t.createdAt),
    foreignKey({ columns: [t.workspaceId, t.taskId], foreignColumns: [projectTasks.workspaceId, projectTasks.id] }).onDelete('cascade'),
  ],
);

/** CSAT per milestone: a contact's 1–5 rating once the milestone is reached (one per contact; they may change it). */
export const milestoneRatings = pgTable(
  'milestone_ratings',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    taskId: uuid('task_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    score: integer('score').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('milestone_ratings_key').on(t.taskId, t.contactId),
    index('milestone_ratings_project_idx').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.taskId], foreignColumns: [projectTasks.workspaceId, projectTasks.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
  ],
);

// ---- Mutual success plan and outcome scorecard ----

/**
 * One per project, co-created with the customer: goals, the executive sponsor (a contact of the account),
 * the agreed communication cadence, and the dates value was proven (kept here too, for playbooks without
 * a first_value / value_achieved milestone task).
 */
export const successPlans = pgTable(
  'success_plans',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    goals: text('goals').array().notNull().default(sql`'{}'::text[]`),
    executiveSponsorContactId: uuid('executive_sponsor_contact_id'),
    /** [{ who, meetsWhom, frequency, channel }]: who meets whom, how often, how. */
    communicationCadence: jsonb('communication_cadence').notNull().default(sql`'[]'::jsonb`),
    firstValueOn: date('first_value_on', { mode: 'string' }),
    valueAchievedOn: date('value_achieved_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('success_plans_project_key').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.executiveSponsorContactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
  ],
);

/** A business outcome the customer wants; verified when the customer confirms it (with the evidence at that moment). */
export const successOutcomes = pgTable(
  'success_outcomes',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    statement: text('statement').notNull(),
    position: integer('position').notNull().default(0),
    verificationRequestedAt: timestamp('verification_requested_at', { withTimezone: true }),
    verificationRequestedBy: text('verification_requested_by'),
    verificationRequestNote: text('verification_request_note'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedOn: date('verified_on', { mode: 'string' }),
    verifiedByContactId: uuid('verified_by_contact_id'),
    verifiedByName: text('verified_by_name'),
    verificationComment: text('verification_comment'),
    verificationEvidence: text('verification_evidence'),
    /** Each metric's latest actual when the customer confirmed: what they saw. */
    verificationSnapshot: jsonb('verification_snapshot'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('success_outcomes_workspace_id_id_key').on(t.workspaceId, t.id),
    index('success_outcomes_project_idx').on(t.workspaceId, t.projectId, t.position),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.verifiedByContactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
  ],
);

/** A measurable success metric of an outcome: from baseline to target by a date, owned by someone. */
export const successMetrics = pgTable(
  'success_metrics',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    outcomeId: uuid('outcome_id').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    direction: text('direction').notNull(),
    baseline: doublePrecision('baseline').notNull(),
    target: doublePrecision('target').notNull(),
    targetDate: date('target_date', { mode: 'string' }).notNull(),
    ownerMemberId: uuid('owner_member_id'),
    ownerContactId: uuid('owner_contact_id'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('success_metrics_workspace_id_id_key').on(t.workspaceId, t.id),
    index('success_metrics_outcome_idx').on(t.workspaceId, t.outcomeId, t.position),
    index('success_metrics_project_idx').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.outcomeId], foreignColumns: [successOutcomes.workspaceId, successOutcomes.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.ownerMemberId], foreignColumns: [members.workspaceId, members.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerContactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
  ],
);

/** A measured value of a metric on a date, recorded by either side. */
export const metricActuals = pgTable(
  'metric_actuals',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    metricId: uuid('metric_id').notNull(),
    value: doublePrecision('value').notNull(),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedBySide: text('recorded_by_side').notNull(),
    recordedByMemberId: uuid('recorded_by_member_id'),
    recordedByContactId: uuid('recorded_by_contact_id'),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('metric_actuals_workspace_id_id_key').on(t.workspaceId, t.id),
    index('metric_actuals_metric_idx').on(t.workspaceId, t.metricId, t.measuredOn),
    foreignKey({ columns: [t.workspaceId, t.metricId], foreignColumns: [successMetrics.workspaceId, successMetrics.id] }).onDelete('cascade'),
  ],
);

// ---- Reminders and escalation for customer silence ----

/** Per workspace: the escalation ladder (steps as one JSON list). No row: the default ladder, on. */
export const escalationSettings = pgTable('escalation_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  enabled: boolean('enabled').notNull().default(true),
  steps: jsonb('steps').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An episode of customer silence on a project: from its first overdue customer task to the day none is
 * overdue. Ladder steps fire once per episode; stalled_since is the project's "stalled, waiting on customer" flag.
 */
export const escalationEpisodes = pgTable(
  'escalation_episodes',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    stalledSince: date('stalled_since', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('escalation_episodes_workspace_id_id_key').on(t.workspaceId, t.id),
    // One open episode per project, however many processes look at it at once.
    uniqueIndex('escalation_episodes_open_key').on(t.workspaceId, t.projectId).where(sql`${t.endedOn} is null`),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
  ],
);

/** What reminders and escalation already did, once per key: a task's reminder for a due date, a ladder step in an episode. */
export const escalationActions = pgTable(
  'escalation_actions',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    episodeId: uuid('episode_id'),
    /** The task a reminder was about (no foreign key: the record outlives a removed task). */
    taskId: uuid('task_id'),
    /** due_soon:<task>:<due date>, overdue:<task>:<due date>, or step:<episode>:<days>:<action>. */
    key: text('key').notNull(),
    firedOn: date('fired_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('escalation_actions_key').on(t.workspaceId, t.projectId, t.key),
    index('escalation_actions_episode_idx').on(t.workspaceId, t.episodeId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.episodeId], foreignColumns: [escalationEpisodes.workspaceId, escalationEpisodes.id] }).onDelete(
      'cascade',
    ),
  ],
);

// ---- Readiness assessment ----

/** Per workspace: the score thresholds of the verdicts, and whether a project waits in Mobilization until ready. */
export const readinessSettings = pgTable('readiness_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  readyThreshold: integer('ready_threshold').notNull().default(70),
  atRiskThreshold: integer('at_risk_threshold').notNull().default(50),
  gateOn: boolean('gate_on').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A readiness questionnaire: the workspace's own, or the built-in one (builtin_key). */
export const readinessQuestionnaires = pgTable(
  'readiness_questionnaires',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    name: text('name').notNull(),
    description: text('description'),
    /** The newest version; an assessment keeps the version it was answered with. */
    currentVersion: integer('current_version').notNull().default(1),
    builtinKey: text('builtin_key'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    unique('readiness_questionnaires_workspace_id_id_key').on(t.workspaceId, t.id),
    uniqueIndex('readiness_questionnaires_builtin_key').on(t.workspaceId, t.builtinKey),
  ],
);

/** Every saved edit of a questionnaire is a new, immutable version. */
export const readinessQuestionnaireVersions = pgTable(
  'readiness_questionnaire_versions',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    questionnaireId: uuid('questionnaire_id').notNull(),
    version: integer('version').notNull(),
    questions: jsonb('questions').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    unique('readiness_questionnaire_versions_workspace_id_id_key').on(t.workspaceId, t.id),
    unique('readiness_questionnaire_versions_version_key').on(t.questionnaireId, t.version),
    foreignKey({
      columns: [t.workspaceId, t.questionnaireId],
      foreignColumns: [readinessQuestionnaires.workspaceId, readinessQuestionnaires.id],
    }),
  ],
);

/** One readiness assessment of a project: its answers (each with who and when), then its scores once submitted. */
export const readinessAssessments = pgTable(
  'readiness_assessments',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    questionnaireId: uuid('questionnaire_id').notNull(),
    questionnaireVersionId: uuid('questionnaire_version_id').notNull(),
    /** draft, sent (to a customer contact, through the portal) or submitted. */
    state: text('state').notNull().default('draft'),
    /** { [question key]: { value, by: { side, id, name }, at } } */
    answers: jsonb('answers').notNull().default(sql`'{}'::jsonb`),
    startedByName: text('started_by_name').notNull(),
    sentToContactId: uuid('sent_to_contact_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentByName: text('sent_by_name'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedByName: text('submitted_by_name'),
    overall: integer('overall'),
    verdict: text('verdict'),
    /** The scores at submission: areas, weakest answers, and the thresholds they were judged by. */
    score: jsonb('score'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('readiness_assessments_workspace_id_id_key').on(t.workspaceId, t.id),
    index('readiness_assessments_project_idx').on(t.workspaceId, t.projectId, t.createdAt),
    // One assessment under way per project at a time.
    uniqueIndex('readiness_assessments_open_key').on(t.projectId).where(sql`${t.state} <> 'submitted'`),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.questionnaireVersionId],
      foreignColumns: [readinessQuestionnaireVersions.workspaceId, readinessQuestionnaireVersions.id],
    }),
    foreignKey({ columns: [t.workspaceId, t.sentToContactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
  ],
);

/** A manager let the project leave Mobilization although readiness does not pass: who, when and why. */
export const readinessGateOverrides = pgTable(
  'readiness_gate_overrides',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    reason: text('reason').notNull(),
    byMemberId: uuid('by_member_id'),
    byName: text('by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('readiness_gate_overrides_project_key').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
  ],
);

/** A risk flag on a project (e.g. the customer is not ready): visible until resolved, by a person or by what clears it. */
export const projectRisks = pgTable(
  'project_risks',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    raisedByName: text('raised_by_name').notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedByName: text('resolved_by_name'),
    resolution: text('resolution'),
  },
  (t) => [
    index('project_risks_project_idx').on(t.workspaceId, t.projectId),
    // One open risk of a kind per project: raising it again updates its reason.
    uniqueIndex('project_risks_open_key').on(t.projectId, t.kind).where(sql`${t.resolvedAt} is null`),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
  ],
);

/**
 * One row per run of a recurring job and period (src/server/jobs/runner.ts): the key lets one process of many
 * claim a period; the lease, renewed while the run lasts, lets another take the period over when the claimer
 * dies mid-run. Not a tenant table: a job's run covers every workspace.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    /** The start of the period, aligned to the clock: floor(now / every) × every. */
    periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
    claimedBy: text('claimed_by').notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }).notNull(),
    /** 1, plus one per takeover from a claimer whose lease ran out. */
    attempts: integer('attempts').notNull().default(1),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [primaryKey({ name: 'job_runs_pkey', columns: [t.job, t.periodStart] })],
);

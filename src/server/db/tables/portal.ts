import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, updatedAt, tenantId } from './columns.ts';
import { contacts } from './contacts.ts';
import { projectTasks, projects } from './projects.ts';
import { workspaces } from './workspaces.ts';

/** A contact's access to one project's portal, and the long-lived invitation that leads to it. */
export const portalAccess = pgTable(
  'portal_access',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    /** The invitation only leads to a page that sends a fresh sign-in link: it never signs anyone in. */
    inviteTokenHash: text('invite_token_hash').notNull(),
    invitedByName: text('invited_by_name').notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
    inviteExpiresAt: timestamp('invite_expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastVisitAt: timestamp('last_visit_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // Found through token_lookups, which says the workspace; so are portal_links and portal_sessions.
    unique('portal_access_workspace_invite_token_hash_key').on(t.workspaceId, t.inviteTokenHash),
    unique('portal_access_project_contact_key').on(t.workspaceId, t.projectId, t.contactId),
    index('portal_access_contact_idx').on(t.workspaceId, t.contactId),
    foreignKey({ columns: [t.workspaceId, t.projectId], foreignColumns: [projects.workspaceId, projects.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
  ],
);

/** A one-time sign-in link (15 minutes) with its 6-digit code; spent by the first POST that presents either. */
export const portalLinks = pgTable(
  'portal_links',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    projectId: uuid('project_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    codeAttempts: integer('code_attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    spentAt: timestamp('spent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('portal_links_workspace_token_hash_key').on(t.workspaceId, t.tokenHash),
    index('portal_links_contact_idx').on(t.workspaceId, t.contactId, t.createdAt),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
  ],
);

export const portalSessions = pgTable(
  'portal_sessions',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** A member looking at the portal as this contact: read-only, and not counted as the contact's visit. */
    previewMemberId: uuid('preview_member_id'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('portal_sessions_workspace_token_hash_key').on(t.workspaceId, t.tokenHash),
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
  updatedAt: updatedAt(),
});

/** A file attached to a task (by the customer in the portal or by the vendor); the bytes live under the data directory. */
export const taskFiles = pgTable(
  'task_files',
  {
    id: tenantId(),
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
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('task_files_task_idx').on(t.workspaceId, t.taskId),
    foreignKey({ columns: [t.workspaceId, t.taskId], foreignColumns: [projectTasks.workspaceId, projectTasks.id] }).onDelete('cascade'),
  ],
);

/** A customer's sign-off (or rejection) of a deliverable: who, when, and what they said. */
export const taskApprovals = pgTable(
  'task_approvals',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    taskId: uuid('task_id').notNull(),
    contactId: uuid('contact_id'),
    signedName: text('signed_name').notNull(),
    /** Who signed, as the portal knew them: their address on record and the network address the sign-off came from. */
    signerEmail: text('signer_email'),
    signerIp: text('signer_ip'),
    decision: text('decision').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('task_approvals_task_idx').on(t.workspaceId, t.taskId, t.createdAt),
    // My work: the customers' sign-off decisions on a member's projects, newest first.
    index('task_approvals_project_idx').on(t.workspaceId, t.projectId, t.createdAt),
    foreignKey({ columns: [t.workspaceId, t.taskId], foreignColumns: [projectTasks.workspaceId, projectTasks.id] }).onDelete('cascade'),
  ],
);

/**
 * The vendor saying a deliverable is ready for the customer's sign-off. The customer is asked to sign off only a
 * deliverable whose work is done or that was submitted (and not rejected since).
 */
export const signOffRequests = pgTable(
  'sign_off_requests',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    taskId: uuid('task_id').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('sign_off_requests_task_idx').on(t.workspaceId, t.taskId, t.createdAt),
    foreignKey({ columns: [t.workspaceId, t.taskId], foreignColumns: [projectTasks.workspaceId, projectTasks.id] }).onDelete('cascade'),
  ],
);

/** CSAT per milestone: a contact's 1–5 rating once the milestone is reached (one per contact; they may change it). */
export const milestoneRatings = pgTable(
  'milestone_ratings',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    projectId: uuid('project_id').notNull(),
    taskId: uuid('task_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    score: integer('score').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('milestone_ratings_key').on(t.workspaceId, t.taskId, t.contactId),
    index('milestone_ratings_project_idx').on(t.workspaceId, t.projectId),
    foreignKey({ columns: [t.workspaceId, t.taskId], foreignColumns: [projectTasks.workspaceId, projectTasks.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
  ],
);

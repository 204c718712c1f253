// The academy (issue 15): courses and lessons, SCORM packages, learning paths (versioned), enrolment rules,
// enrolments, progress, xAPI statements, certificates, feedback, webinars and releases. Every table carries
// workspace_id, in its unique keys, and children point at their parent through (workspace_id, id).
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, tenantId } from './columns.ts';
import { contacts } from './contacts.ts';
import { workspaces } from './workspaces.ts';

const ws = () => uuid('workspace_id').notNull();
const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/** A video or file uploaded for a lesson, and every file of a SCORM package: bytes in the file store, named by id. */
export const academyFiles = pgTable(
  'academy_files',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const academyCourses = pgTable(
  'academy_courses',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    product: text('product'),
    modules: textArray('modules'),
    estimatedMinutes: integer('estimated_minutes'),
    source: text('source').notNull().default('authored'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const academyLessons = pgTable(
  'academy_lessons',
  {
    id: tenantId(),
    workspaceId: ws(),
    courseId: uuid('course_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    /** The lesson's content as the contract's LessonContent (a scorm lesson: { kind, packageId }). */
    content: jsonb('content').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('academy_lessons_course_idx').on(t.workspaceId, t.courseId, t.position),
    foreignKey({ columns: [t.workspaceId, t.courseId], foreignColumns: [academyCourses.workspaceId, academyCourses.id] }).onDelete('cascade'),
  ],
);

/** An imported SCORM package: its version and launch file; its files are listed in academy_scorm_files. */
export const academyScormPackages = pgTable(
  'academy_scorm_packages',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    version: text('version').notNull(),
    launchHref: text('launch_href').notNull(),
    title: text('title').notNull(),
    fileCount: integer('file_count').notNull(),
    totalSize: bigint('total_size', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const academyScormFiles = pgTable(
  'academy_scorm_files',
  {
    workspaceId: ws(),
    packageId: uuid('package_id').notNull(),
    /** The entry's path inside the package (normalised, never with .. or a leading /). */
    path: text('path').notNull(),
    fileId: uuid('file_id').notNull(),
    contentType: text('content_type').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.packageId, t.path] }),
    foreignKey({ columns: [t.workspaceId, t.packageId], foreignColumns: [academyScormPackages.workspaceId, academyScormPackages.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.fileId], foreignColumns: [academyFiles.workspaceId, academyFiles.id] }),
  ],
);

export const academyPaths = pgTable(
  'academy_paths',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    /** The newest version; enrolments keep the version they started on. */
    currentVersion: integer('current_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** Every saved edit of a path is a new, immutable version. */
export const academyPathVersions = pgTable(
  'academy_path_versions',
  {
    workspaceId: ws(),
    pathId: uuid('path_id').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    audience: jsonb('audience').notNull(),
    /** [{ courseId, kind: core | elective }] in order. */
    courses: jsonb('courses').notNull(),
    electivesRequired: integer('electives_required').notNull(),
    minimumScore: integer('minimum_score'),
    certificate: jsonb('certificate'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.pathId, t.version] }),
    foreignKey({ columns: [t.workspaceId, t.pathId], foreignColumns: [academyPaths.workspaceId, academyPaths.id] }).onDelete('cascade'),
  ],
);

/** Enrols the contacts who match (every non-empty facet) when the trigger fires; arrays so matching is one SQL join. */
export const academyRules = pgTable(
  'academy_rules',
  {
    id: tenantId(),
    workspaceId: ws(),
    name: text('name').notNull(),
    pathId: uuid('path_id').notNull(),
    trigger: text('trigger').notNull(),
    milestoneKind: text('milestone_kind'),
    releaseProduct: text('release_product'),
    active: boolean('active').notNull().default(true),
    roles: textArray('roles'),
    segments: textArray('segments'),
    products: textArray('products'),
    modules: textArray('modules'),
    organizationIds: uuid('organization_ids').array().notNull().default(sql`'{}'::uuid[]`),
    stages: textArray('stages'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.pathId], foreignColumns: [academyPaths.workspaceId, academyPaths.id] }),
  ],
);

/**
 * One contact on one path. Kept narrow for the set-based rule evaluation, which writes hundreds of thousands of
 * rows at once (issue 15's bench): the key is (workspace_id, id) alone; one index answers both "has this contact
 * ever been on this path" (the rules' anti-join) and "this contact's enrolments" (an account's go through its
 * contacts); counts per rule or per path are grouped scans. No column is a foreign key: account_id is a
 * copy of the contact's account taken in the same statement, and path_id always comes from a rule or path row
 * that exists (paths are archived, never deleted), so checking either again for every row only cost time.
 * Nor is contact_id (a check per row was a quarter of a full re-evaluation): rules read contacts in the same
 * statement, and deleting a contact deletes their enrolments (the academy's reaction to contact.deleting).
 */
export const academyEnrolments = pgTable(
  'academy_enrolments',
  {
    id: uuid('id').notNull().defaultRandom(),
    workspaceId: ws(),
    contactId: uuid('contact_id').notNull(),
    accountId: uuid('account_id').notNull(),
    pathId: uuid('path_id').notNull(),
    pathVersion: integer('path_version').notNull(),
    status: text('status').notNull().default('active'),
    /** The rule that made it (null: by hand, by enrolledByName). */
    ruleId: uuid('rule_id'),
    enrolledByName: text('enrolled_by_name').notNull(),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
    lastNudgedAt: timestamp('last_nudged_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'academy_enrolments_pkey', columns: [t.workspaceId, t.id] }),
    // One running enrolment per contact and path; withdrawn and completed ones stay as history.
    uniqueIndex('academy_enrolments_active_key').on(t.workspaceId, t.contactId, t.pathId).where(sql`status = 'active'`),
    index('academy_enrolments_contact_idx').on(t.workspaceId, t.contactId, t.pathId),
  ],
);

/** Where one contact is in one lesson (shared by every path that holds the course). */
export const academyLessonProgress = pgTable(
  'academy_lesson_progress',
  {
    workspaceId: ws(),
    contactId: uuid('contact_id').notNull(),
    lessonId: uuid('lesson_id').notNull(),
    status: text('status').notNull(),
    score: integer('score'),
    attempts: integer('attempts').notNull().default(0),
    location: text('location'),
    suspendData: text('suspend_data'),
    sessionSeconds: integer('session_seconds').notNull().default(0),
    /** The SCORM CMI as last committed (flattened), to resume. */
    cmi: jsonb('cmi'),
    updatedAt: updatedAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.contactId, t.lessonId] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.lessonId], foreignColumns: [academyLessons.workspaceId, academyLessons.id] }).onDelete('cascade'),
  ],
);

/** Every learning event as an xAPI statement (actor, verb, object, result, timestamp), kept for export. */
export const academyStatements = pgTable(
  'academy_statements',
  {
    id: tenantId(),
    workspaceId: ws(),
    contactId: uuid('contact_id').notNull(),
    courseId: uuid('course_id'),
    verb: text('verb').notNull(),
    statement: jsonb('statement').notNull(),
    timestamp: timestamp('timestamp', { withTimezone: true }).notNull(),
    stored: timestamp('stored', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('academy_statements_stored_idx').on(t.workspaceId, t.stored),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
  ],
);

export const academyCertificates = pgTable(
  'academy_certificates',
  {
    id: tenantId(),
    workspaceId: ws(),
    contactId: uuid('contact_id').notNull(),
    accountId: uuid('account_id').notNull(),
    pathId: uuid('path_id').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    title: text('title').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('academy_certificates_enrolment_key').on(t.workspaceId, t.enrolmentId),
    index('academy_certificates_account_idx').on(t.workspaceId, t.accountId),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.enrolmentId], foreignColumns: [academyEnrolments.workspaceId, academyEnrolments.id] }),
  ],
);

export const academyFeedback = pgTable(
  'academy_feedback',
  {
    workspaceId: ws(),
    contactId: uuid('contact_id').notNull(),
    courseId: uuid('course_id').notNull(),
    rating: integer('rating').notNull(),
    comment: text('comment').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.contactId, t.courseId] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.courseId], foreignColumns: [academyCourses.workspaceId, academyCourses.id] }).onDelete('cascade'),
  ],
);

export const academyWebinars = pgTable(
  'academy_webinars',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    joinUrl: text('join_url').notNull(),
    capacity: integer('capacity'),
    recordingUrl: text('recording_url'),
    releaseId: uuid('release_id'),
    audience: jsonb('audience').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

export const academyRegistrations = pgTable(
  'academy_webinar_registrations',
  {
    workspaceId: ws(),
    webinarId: uuid('webinar_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    via: text('via').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    attended: boolean('attended').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.webinarId, t.contactId] }),
    foreignKey({ columns: [t.workspaceId, t.webinarId], foreignColumns: [academyWebinars.workspaceId, academyWebinars.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
  ],
);

export const academyReleases = pgTable(
  'academy_releases',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id),
    product: text('product').notNull(),
    name: text('name').notNull(),
    modules: textArray('modules'),
    notes: text('notes').notNull(),
    courseId: uuid('course_id'),
    webinarId: uuid('webinar_id'),
    /** The one-course path made to enrol the release's users in its delta course. */
    pathId: uuid('path_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    audienceCount: integer('audience_count'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

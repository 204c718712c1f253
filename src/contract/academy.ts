import { z } from 'zod';
import {
  CERTIFICATE_STATUSES,
  ENROLMENT_STATUSES,
  LESSON_STATUSES,
  PATH_COURSE_KINDS,
  RULE_TRIGGERS,
  SCORM_VERSIONS,
  XAPI_VERBS,
} from '../core/academy/words.ts';
import { CONTACT_ROLES, LAER_STAGES, SEGMENTS } from '../core/people.ts';
import { MILESTONE_KINDS } from '../core/playbooks/definition.ts';
import { patchOf } from './common.ts';

/*
 * The academy: courses of lessons, learning paths of courses, enrolments of contacts in paths (by hand or by rules),
 * progress and xAPI statements, certificates, webinars and releases.
 *
 * Shape in a paragraph:
 * - A Course is an ordered list of Lessons. A lesson's `content` is a union on `kind`: markdown, video (a link or an
 *   uploaded file, plus transcript), file (uploaded), embed (an https page), quiz (questions, pass mark, attempts) or
 *   scorm (a package imported from a zip: POST /academy/courses/scorm makes a course with one scorm lesson).
 * - A LearningPath is versioned like a playbook: PUT saves a new version; an enrolment keeps the version it started
 *   on. It lists courses in order, each core or elective; it is complete when every core course is complete and
 *   `electivesRequired` electives are, and (if `minimumScore` is set) the average quiz/SCORM score reaches it.
 *   Passing a path with a `certificate` issues a Certificate valid for `validForMonths`.
 * - An Enrolment ties one contact to one path version; `source` says who made it: a member by hand or a rule.
 *   Withdrawn enrolments (the contact left, or staff withdrew it) stay as history.
 * - An EnrolmentRule enrols contacts who match its `audience` (all listed facets must match; an empty list matches
 *   anyone) when its `trigger` fires; trigger `matching` means now and for every future contact who fits.
 * - Staff routes are under /api/v1/academy/…; the learner's under /api/portal/v1/academy/… (portal cookie).
 *   SCORM files are served to the enrolled contact from /portal/academy/scorm/:lessonId/<path inside the package>.
 *
 * Routes (staff, /api/v1):
 *   GET/POST /academy/courses, GET/PATCH /academy/courses/:id, POST /academy/courses/:id/archive,
 *   POST /academy/courses/scorm (multipart "file": a SCORM 1.2/2004 zip → a course),
 *   POST /academy/courses/:id/lessons, PATCH/DELETE /academy/courses/:id/lessons/:lessonId,
 *   PUT /academy/courses/:id/lesson-order, POST /academy/files (multipart "file": a video or file for a lesson),
 *   GET /academy/courses/:id/preview-lessons/:lessonId (staff preview of one lesson as the learner sees it),
 *   GET /academy/courses/:id/feedback,
 *   GET/POST /academy/paths, GET/PUT /academy/paths/:id (?version=), POST /academy/paths/:id/archive,
 *   GET/POST /academy/rules, PATCH/DELETE /academy/rules/:id (a change re-evaluates at once; answer says how many enrolled),
 *   GET /academy/enrolments (?accountId&contactId&pathId&courseId&status), POST /academy/enrolments (by hand),
 *   POST /academy/enrolments/:id/withdraw, GET /academy/stuck (?days=), POST /academy/enrolments/:id/nudge,
 *   GET /academy/reports/rates, GET /academy/xapi/statements (?since&contactId&courseId: an xAPI statement array),
 *   GET /academy/certificates (?accountId&status), GET /accounts/:id/academy (trained/active users, certified super-users),
 *   GET/POST /academy/webinars, GET/PATCH /academy/webinars/:id, POST /academy/webinars/:id/invitations,
 *   POST /academy/webinars/:id/attendance, POST /academy/webinars/:id/recording,
 *   GET/POST /academy/releases, GET /academy/releases/:id, POST /academy/releases/:id/publish.
 * Routes (portal, /api/portal/v1):
 *   GET /academy (your learning), GET /academy/courses/:id, POST /academy/lessons/:lessonId/progress,
 *   POST /academy/lessons/:lessonId/quiz-attempts, GET /academy/lessons/:lessonId/scorm (launch data for scorm-again),
 *   POST /academy/lessons/:lessonId/scorm/commit (scorm-again LMSCommitUrl, dataCommitFormat 'flattened'),
 *   POST /academy/courses/:id/feedback, GET /academy/certificates,
 *   GET /academy/webinars, POST/DELETE /academy/webinars/:id/registration, GET /academy/files/:fileId (a lesson file, download).
 * Public: POST /api/v1/academy/webinar-registrations { token } (the link in an invitation email).
 */

const uuid = z.uuid({ message: 'must be an id (a UUID)' });
const Text = (max: number) => z.string().trim().min(1, { message: 'is required' }).max(max);
const HttpsUrl = z
  .url({ message: 'must be a web address starting with https://' })
  .max(2000)
  .refine((url) => url.startsWith('https://'), { message: 'must be a web address starting with https://' });
const Percent = z.number().int().min(0, { message: 'must be between 0 and 100' }).max(100, { message: 'must be between 0 and 100' });
const Facet = z.string().trim().min(1).max(80);

export const CourseParams = z.object({ id: uuid });
export const LessonParams = z.object({ id: uuid, lessonId: uuid });
export const PortalLessonParams = z.object({ lessonId: uuid });

// ---- Lessons -----------------------------------------------------------------------------------------------------

export const QuizOption = z.object({ text: Text(500), correct: z.boolean() });
export const QuizQuestion = z
  .object({
    prompt: Text(2000),
    /** single: exactly one option is correct; multiple: every correct option and no other must be chosen. */
    choice: z.enum(['single', 'multiple']),
    options: z.array(QuizOption).min(2, { message: 'needs at least two options' }).max(12),
  })
  .refine((q) => q.options.some((o) => o.correct), { message: 'has no correct answer: mark at least one option correct', path: ['options'] })
  .refine((q) => q.choice === 'multiple' || q.options.filter((o) => o.correct).length === 1, {
    message: 'is single choice, so exactly one option must be correct',
    path: ['options'],
  });
export type QuizQuestion = z.infer<typeof QuizQuestion>;

export const LessonContent = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('markdown'), body: z.string().max(100_000) }),
  z
    .strictObject({
      kind: z.literal('video'),
      /** A link to the video (https), or the id of a file uploaded with POST /academy/files: one of the two. */
      url: HttpsUrl.nullable().default(null),
      fileId: uuid.nullable().default(null),
      transcript: z.string().max(200_000).default(''),
    })
    .refine((v) => (v.url === null) !== (v.fileId === null), { message: 'give either a link (url) or an uploaded file (fileId)', path: ['url'] }),
  z.strictObject({ kind: z.literal('file'), fileId: uuid }),
  z.strictObject({ kind: z.literal('embed'), url: HttpsUrl, height: z.number().int().min(200).max(2000).default(600) }),
  z.strictObject({
    kind: z.literal('quiz'),
    questions: z.array(QuizQuestion).min(1, { message: 'a quiz needs at least one question' }).max(100),
    passMark: Percent.default(80),
    /** null: as many attempts as the learner wants. */
    maxAttempts: z.number().int().min(1).max(20).nullable().default(3),
  }),
]);
export type LessonContent = z.infer<typeof LessonContent>;

export const LessonInput = z.strictObject({ title: Text(200), content: LessonContent });
export type LessonInput = z.infer<typeof LessonInput>;
export const LessonPatch = z
  .strictObject({ title: Text(200), content: LessonContent })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'send at least one field to change' });
export type LessonPatch = z.infer<typeof LessonPatch>;
export const LessonOrderInput = z.strictObject({ lessonIds: z.array(uuid).min(1).max(200) });

/** What the staff side sees of a lesson (quiz answers included). The learner's view hides which options are correct. */
export const ScormContent = z.object({ kind: z.literal('scorm'), version: z.enum(SCORM_VERSIONS), launchHref: z.string(), fileCount: z.number().int() });
export const LessonContentView = z.union([
  z.object({ kind: z.literal('markdown'), body: z.string() }),
  z.object({ kind: z.literal('video'), url: z.string().nullable(), fileId: z.string().nullable(), transcript: z.string() }),
  z.object({ kind: z.literal('file'), fileId: z.string(), fileName: z.string().nullable() }),
  z.object({ kind: z.literal('embed'), url: z.string(), height: z.number().int() }),
  z.object({
    kind: z.literal('quiz'),
    questions: z.array(z.object({ prompt: z.string(), choice: z.enum(['single', 'multiple']), options: z.array(z.object({ text: z.string(), correct: z.boolean().optional() })) })),
    passMark: z.number().int(),
    maxAttempts: z.number().int().nullable(),
  }),
  ScormContent,
]);
export type LessonContentView = z.infer<typeof LessonContentView>;

export const Lesson = z.object({ id: uuid, courseId: uuid, position: z.number().int(), title: z.string(), content: LessonContentView });
export type Lesson = z.infer<typeof Lesson>;

// ---- Courses -----------------------------------------------------------------------------------------------------

const CourseFields = z.object({
  title: Text(200),
  summary: z.string().trim().max(2000).default(''),
  /** Product and modules the course teaches (free words, as on accounts and contacts). */
  product: Facet.nullable().default(null),
  modules: z.array(Facet).max(50).default([]),
  estimatedMinutes: z.number().int().min(1).max(10_000).nullable().default(null),
});
export const CourseInput = CourseFields.strict();
export type CourseInput = z.infer<typeof CourseInput>;
export const CoursePatch = patchOf(CourseFields).refine((p) => Object.keys(p).length > 0, { message: 'send at least one field to change' });
export type CoursePatch = z.infer<typeof CoursePatch>;

export const CourseSummary = z.object({
  id: uuid,
  title: z.string(),
  summary: z.string(),
  product: z.string().nullable(),
  modules: z.array(z.string()),
  estimatedMinutes: z.number().int().nullable(),
  lessonCount: z.number().int(),
  /** 'scorm' when imported from a package. */
  source: z.enum(['authored', 'scorm']),
  archived: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type CourseSummary = z.infer<typeof CourseSummary>;
export const Course = CourseSummary.extend({ lessons: z.array(Lesson) });
export type Course = z.infer<typeof Course>;
export const CourseListQuery = z.object({ archived: z.enum(['include', 'exclude']).default('exclude') });

/** An uploaded lesson file (video, PDF…): checked by content, stored, served as a download only. */
export const AcademyFile = z.object({ id: uuid, fileName: z.string(), contentType: z.string(), size: z.number().int() });
export type AcademyFile = z.infer<typeof AcademyFile>;

export const CourseFeedbackInput = z.strictObject({ rating: z.number().int().min(1, { message: 'must be 1 to 5' }).max(5, { message: 'must be 1 to 5' }), comment: z.string().trim().max(4000).default('') });
export type CourseFeedbackInput = z.infer<typeof CourseFeedbackInput>;
export const CourseFeedback = z.object({
  averageRating: z.number().nullable(),
  count: z.number().int(),
  entries: z.array(z.object({ contactName: z.string(), accountName: z.string(), rating: z.number().int(), comment: z.string(), at: z.iso.datetime() })),
});
export type CourseFeedback = z.infer<typeof CourseFeedback>;

// ---- Learning paths ----------------------------------------------------------------------------------------------

/** Who a path (or a rule) is for: every listed facet must match; an empty list matches anyone. */
export const Audience = z.strictObject({
  roles: z.array(z.enum(CONTACT_ROLES)).max(10).default([]),
  segments: z.array(z.enum(SEGMENTS)).max(5).default([]),
  /** Account products (accounts.products). */
  products: z.array(Facet).max(50).default([]),
  /** Modules the contact uses (contacts.modules). */
  modules: z.array(Facet).max(100).default([]),
  organizationIds: z.array(uuid).max(100).default([]),
  /** The account's maturity (LAER) stage. */
  stages: z.array(z.enum(LAER_STAGES)).max(4).default([]),
});
export type Audience = z.infer<typeof Audience>;

export const PathCourse = z.strictObject({ courseId: uuid, kind: z.enum(PATH_COURSE_KINDS) });
export const PathCertificate = z.strictObject({
  title: Text(200),
  /** null: never expires. */
  validForMonths: z.number().int().min(1).max(120).nullable().default(24),
});

export const PathInput = z
  .strictObject({
    title: Text(200),
    description: z.string().trim().max(4000).default(''),
    audience: Audience.default({ roles: [], segments: [], products: [], modules: [], organizationIds: [], stages: [] }),
    courses: z.array(PathCourse).min(1, { message: 'a path needs at least one course' }).max(50),
    electivesRequired: z.number().int().min(0).max(50).default(0),
    /** Average score (0–100) over the path's scored lessons needed to complete it; null: no minimum. */
    minimumScore: Percent.nullable().default(null),
    certificate: PathCertificate.nullable().default(null),
  })
  .refine((p) => p.courses.some((c) => c.kind === 'core'), { message: 'the core is empty: mark at least one course core', path: ['courses'] })
  .refine((p) => new Set(p.courses.map((c) => c.courseId)).size === p.courses.length, { message: 'lists the same course twice', path: ['courses'] })
  .refine((p) => p.electivesRequired <= p.courses.filter((c) => c.kind === 'elective').length, {
    message: 'asks for more electives than the path has',
    path: ['electivesRequired'],
  });
export type PathInput = z.infer<typeof PathInput>;

export const PathSummary = z.object({
  id: uuid,
  title: z.string(),
  description: z.string(),
  version: z.number().int(),
  audience: Audience,
  courseCount: z.number().int(),
  certificateTitle: z.string().nullable(),
  activeEnrolments: z.number().int(),
  archived: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type PathSummary = z.infer<typeof PathSummary>;
export const LearningPath = PathSummary.extend({
  courses: z.array(z.object({ courseId: uuid, kind: z.enum(PATH_COURSE_KINDS), title: z.string(), lessonCount: z.number().int() })),
  electivesRequired: z.number().int(),
  minimumScore: z.number().int().nullable(),
  certificate: z.object({ title: z.string(), validForMonths: z.number().int().nullable() }).nullable(),
});
export type LearningPath = z.infer<typeof LearningPath>;
export const PathVersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

// ---- Enrolment rules ---------------------------------------------------------------------------------------------

const RuleFields = z.object({
  name: Text(200),
  pathId: uuid,
  audience: Audience,
  trigger: z.enum(RULE_TRIGGERS),
  /** With trigger milestone_reached: which milestone (null: any). */
  milestoneKind: z.enum(MILESTONE_KINDS).nullable().default(null),
  /** With trigger release_published: only releases of this product (null: any). */
  releaseProduct: Facet.nullable().default(null),
  active: z.boolean().default(true),
});
export const RuleInput = RuleFields.strict();
export type RuleInput = z.infer<typeof RuleInput>;
export const RulePatch = patchOf(RuleFields).refine((p) => Object.keys(p).length > 0, { message: 'send at least one field to change' });
export type RulePatch = z.infer<typeof RulePatch>;
export const EnrolmentRule = z.object({
  id: uuid,
  name: z.string(),
  pathId: uuid,
  pathTitle: z.string(),
  audience: Audience,
  trigger: z.enum(RULE_TRIGGERS),
  milestoneKind: z.string().nullable(),
  releaseProduct: z.string().nullable(),
  active: z.boolean(),
  enrolledCount: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type EnrolmentRule = z.infer<typeof EnrolmentRule>;
/** A rule saved: how many contacts its (re-)evaluation enrolled just now. */
export const RuleSaved = EnrolmentRule.extend({
  newlyEnrolled: z.number().int(),
  /** Running enrolments the rule made that it no longer matches, withdrawn (no progress yet; kept as history). */
  withdrawn: z.number().int(),
  /** Enrolments it no longer matches that stay, because the learner has started. */
  keptWithProgress: z.number().int(),
});
export const RulesReevaluated = z.object({ newlyEnrolled: z.number().int() });
export type RuleSaved = z.infer<typeof RuleSaved>;

// ---- Enrolments and progress -------------------------------------------------------------------------------------

export const ManualEnrolmentInput = z
  .strictObject({
    pathId: uuid,
    /** One contact, several, or every current contact of an account: give contactIds, or accountId. */
    contactIds: z.array(uuid).min(1).max(1000).optional(),
    accountId: uuid.optional(),
  })
  .refine((e) => (e.contactIds === undefined) !== (e.accountId === undefined), { message: 'give either contactIds or accountId', path: ['contactIds'] });
export type ManualEnrolmentInput = z.infer<typeof ManualEnrolmentInput>;

export const EnrolmentSource = z.union([
  z.object({ kind: z.literal('manual'), byName: z.string() }),
  z.object({ kind: z.literal('rule'), ruleId: uuid, ruleName: z.string() }),
]);
export const Progress = z.object({
  completedCourses: z.number().int(),
  totalCourses: z.number().int(),
  percent: Percent,
  /** Average score over scored lessons so far, null if none. */
  score: z.number().int().nullable(),
  lastActivityAt: z.iso.datetime().nullable(),
});
export type Progress = z.infer<typeof Progress>;
export const Enrolment = z.object({
  id: uuid,
  contactId: uuid,
  contactName: z.string(),
  accountId: uuid,
  accountName: z.string(),
  pathId: uuid,
  pathTitle: z.string(),
  pathVersion: z.number().int(),
  status: z.enum(ENROLMENT_STATUSES),
  source: EnrolmentSource,
  enrolledAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
  withdrawnReason: z.string().nullable(),
  progress: Progress,
});
export type Enrolment = z.infer<typeof Enrolment>;
export const EnrolmentQuery = z.object({
  accountId: uuid.optional(),
  contactId: uuid.optional(),
  pathId: uuid.optional(),
  courseId: uuid.optional(),
  status: z.enum(ENROLMENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const EnrolmentPage = z.object({ total: z.number().int(), items: z.array(Enrolment) });
export const ManualEnrolmentResult = z.object({ enrolled: z.number().int(), alreadyEnrolled: z.number().int() });
export const WithdrawInput = z.strictObject({ reason: z.string().trim().max(500).default('') });
export const StuckQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(14) });
export const StuckLearner = z.object({ enrolmentId: uuid, contactId: uuid, contactName: z.string(), email: z.string(), accountName: z.string(), pathTitle: z.string(), enrolledAt: z.iso.datetime(), daysSinceActivity: z.number().int(), lastNudgedAt: z.iso.datetime().nullable() });
export const NudgeResult = z.object({ queued: z.boolean(), reason: z.string().nullable() });

export const Rates = z.object({
  courses: z.array(z.object({ courseId: uuid, title: z.string(), learners: z.number().int(), completed: z.number().int(), completionRate: z.number(), quizAttempts: z.number().int(), quizPassRate: z.number().nullable(), averageRating: z.number().nullable() })),
  paths: z.array(z.object({ pathId: uuid, title: z.string(), enrolled: z.number().int(), completed: z.number().int(), completionRate: z.number() })),
});
export type Rates = z.infer<typeof Rates>;

// ---- Learner actions (portal) ------------------------------------------------------------------------------------

/** A learner marks a markdown/video/file/embed lesson done, or saves where they are (a video's position). */
export const LessonProgressInput = z.strictObject({ status: z.enum(['in_progress', 'completed']), location: z.string().max(1000).optional() });
export const QuizAttemptInput = z.strictObject({
  /** For each question in order, the indexes of the options chosen. */
  answers: z.array(z.array(z.number().int().min(0).max(11)).max(12)).max(100),
});
export const QuizResult = z.object({ score: Percent, passed: z.boolean(), attemptsUsed: z.number().int(), attemptsLeft: z.number().int().nullable(), correct: z.array(z.boolean()) });
export type QuizResult = z.infer<typeof QuizResult>;
export const LessonProgress = z.object({ lessonId: uuid, status: z.enum(LESSON_STATUSES), score: z.number().int().nullable(), attempts: z.number().int(), location: z.string().nullable(), updatedAt: z.iso.datetime().nullable() });
export type LessonProgress = z.infer<typeof LessonProgress>;

/**
 * What scorm-again needs to start (or resume) a SCO: the API version, the launch URL (same origin), the commit URL,
 * and the CMI saved so far, flattened ("cmi.core.lesson_location": "…") for loadFromFlattenedJSON.
 */
export const ScormLaunch = z.object({
  version: z.enum(SCORM_VERSIONS),
  launchUrl: z.string(),
  commitUrl: z.string(),
  cmi: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ScormLaunch = z.infer<typeof ScormLaunch>;
/** The course editor's preview of a SCORM lesson: played as the learner sees it, nothing recorded. */
export const ScormPreview = z.object({ version: z.enum(SCORM_VERSIONS), launchUrl: z.string() });
export type ScormPreview = z.infer<typeof ScormPreview>;
/** scorm-again's commit in the flattened format: every key is a CMI element ("cmi.core.lesson_status", "cmi.completion_status"…). */
export const ScormCommit = z
  .record(
    z.string().max(255).regex(/^(cmi|adl)\.[A-Za-z0-9_.]+$/, { message: 'must be a CMI element name like cmi.core.lesson_status' }),
    // scorm-again also sends a list still empty as {} or [] ("cmi.objectives": {}): taken, and read as nothing.
    z.union([z.string().max(64_000), z.number(), z.boolean(), z.null(), z.strictObject({}), z.array(z.never()).max(0)]),
  )
  .refine((r) => Object.keys(r).length <= 2000, { message: 'has too many CMI elements (2,000 at most)' });
export type ScormCommit = z.infer<typeof ScormCommit>;
/** The answer scorm-again reads: result true, errorCode 0; plus what Landfall recorded. */
export const ScormCommitResult = z.object({ result: z.literal(true), errorCode: z.literal(0), status: z.enum(LESSON_STATUSES), score: z.number().int().nullable() });

export const PortalLesson = z.object({ id: uuid, title: z.string(), position: z.number().int(), content: LessonContentView, progress: LessonProgress });
export const PortalCourse = z.object({ id: uuid, title: z.string(), summary: z.string(), estimatedMinutes: z.number().int().nullable(), lessons: z.array(PortalLesson), completed: z.boolean(), resumeLessonId: uuid.nullable(), feedbackGiven: z.boolean() });
export type PortalCourse = z.infer<typeof PortalCourse>;

export const Certificate = z.object({
  id: uuid,
  contactId: uuid,
  contactName: z.string(),
  accountId: uuid,
  title: z.string(),
  pathId: uuid,
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  status: z.enum(CERTIFICATE_STATUSES),
  /** When it may be renewed (by completing the path again) with the new expiry running on from this one's. */
  renewableFrom: z.string().nullable(),
});
export type Certificate = z.infer<typeof Certificate>;
export const CertificateQuery = z.object({ accountId: uuid.optional(), status: z.enum(CERTIFICATE_STATUSES).optional() });

export const Webinar = z.object({
  id: uuid,
  title: z.string(),
  description: z.string(),
  startsAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  /** Only shown to registered contacts in the portal; always to staff. */
  joinUrl: z.string().nullable(),
  capacity: z.number().int().nullable(),
  registered: z.number().int(),
  attended: z.number().int(),
  recordingUrl: z.string().nullable(),
  releaseId: uuid.nullable(),
  audience: Audience,
});
export type Webinar = z.infer<typeof Webinar>;

export const YourLearning = z.object({
  contactName: z.string(),
  /** Assigned paths first (active, then completed), each with progress and where to resume. */
  paths: z.array(
    z.object({
      enrolmentId: uuid,
      pathId: uuid,
      title: z.string(),
      description: z.string(),
      status: z.enum(ENROLMENT_STATUSES),
      progress: Progress,
      resume: z.object({ courseId: uuid, lessonId: uuid, courseTitle: z.string(), lessonTitle: z.string() }).nullable(),
      courses: z.array(z.object({ courseId: uuid, title: z.string(), kind: z.enum(PATH_COURSE_KINDS), completed: z.boolean(), lessonCount: z.number().int(), lessonsDone: z.number().int() })),
    }),
  ),
  certificates: z.array(Certificate),
  webinars: z.array(Webinar.extend({ youRegistered: z.boolean() })),
});
export type YourLearning = z.infer<typeof YourLearning>;

// ---- Webinars ----------------------------------------------------------------------------------------------------

const WebinarFields = z.object({
  title: Text(200),
  description: z.string().trim().max(4000).default(''),
  startsAt: z.iso.datetime({ offset: true, message: 'must be a date and time with its offset, like 2026-05-01T15:00:00Z' }),
  durationMinutes: z.number().int().min(5).max(600).default(60),
  joinUrl: HttpsUrl,
  capacity: z.number().int().min(1).max(100_000).nullable().default(null),
  audience: Audience.default({ roles: [], segments: [], products: [], modules: [], organizationIds: [], stages: [] }),
});
export const WebinarInput = WebinarFields.strict();
export type WebinarInput = z.infer<typeof WebinarInput>;
export const WebinarPatch = patchOf(WebinarFields).refine((p) => Object.keys(p).length > 0, { message: 'send at least one field to change' });
export type WebinarPatch = z.infer<typeof WebinarPatch>;
export const WebinarListQuery = z.object({ when: z.enum(['upcoming', 'past', 'all']).default('all') });
export const Registration = z.object({ contactId: uuid, contactName: z.string(), accountName: z.string(), email: z.string(), registeredAt: z.iso.datetime(), via: z.enum(['portal', 'email', 'staff']), attended: z.boolean() });
export const WebinarDetail = Webinar.extend({ registrations: z.array(Registration) });
export type WebinarDetail = z.infer<typeof WebinarDetail>;
/** Invite contacts (their registration link and an ICS file by email): these contacts, or everyone the audience matches. */
export const WebinarInvitationInput = z.strictObject({ contactIds: z.array(uuid).min(1).max(5000).optional(), toAudience: z.boolean().default(false) });
export const WebinarAttendanceInput = z.strictObject({ attendedContactIds: z.array(uuid).max(100_000) });
export const WebinarRecordingInput = z.strictObject({ recordingUrl: HttpsUrl });
export const QueuedMail = z.object({ queued: z.number().int(), skipped: z.number().int() });
export const EmailRegistrationInput = z.strictObject({ token: z.string().min(20, { message: 'is not a whole link: copy it again from the email' }).max(1000) });
export const RegistrationResult = z.object({ webinarTitle: z.string(), startsAt: z.iso.datetime(), registered: z.boolean(), full: z.boolean() });

// ---- Releases ----------------------------------------------------------------------------------------------------

export const ReleaseInput = z.strictObject({
  product: Facet,
  name: Text(200),
  /** The modules the release changes: only contacts who use one of them hear of it (empty: every user of the product). */
  modules: z.array(Facet).max(100).default([]),
  notes: z.string().trim().max(20_000).default(''),
  /** A delta course to enrol them in (through a one-course path made for it), and/or a webinar to invite them to. */
  courseId: uuid.nullable().default(null),
  webinarId: uuid.nullable().default(null),
});
export type ReleaseInput = z.infer<typeof ReleaseInput>;
export const Release = z.object({
  id: uuid,
  product: z.string(),
  name: z.string(),
  modules: z.array(z.string()),
  notes: z.string(),
  courseId: uuid.nullable(),
  webinarId: uuid.nullable(),
  publishedAt: z.iso.datetime().nullable(),
  /** How many contacts it went to (null until published). */
  audienceCount: z.number().int().nullable(),
});
export type Release = z.infer<typeof Release>;

// ---- Account figures and xAPI ------------------------------------------------------------------------------------

export const AccountLearning = z.object({
  accountId: uuid,
  /** Contacts with at least one completed course / current contacts with any learning activity in the last 90 days. */
  trainedUsers: z.number().int(),
  activeLearners: z.number().int(),
  currentContacts: z.number().int(),
  certifiedSuperUsers: z.array(Certificate),
  /** The account's learners enrolled 14 days or more with no progress in that time. */
  stuck: z.array(StuckLearner),
});
export type AccountLearning = z.infer<typeof AccountLearning>;

export const XapiQuery = z.object({ since: z.iso.datetime({ offset: true }).optional(), contactId: uuid.optional(), courseId: uuid.optional(), limit: z.coerce.number().int().min(1).max(10_000).default(1000) });
/** An xAPI 1.0.3 statement as stored (actor mbox, ADL verb, activity object, result, timestamp). */
export const XapiStatement = z.object({
  id: uuid,
  actor: z.object({ objectType: z.literal('Agent'), name: z.string(), mbox: z.string() }),
  verb: z.object({ id: z.string(), display: z.record(z.string(), z.string()) }),
  object: z.object({ objectType: z.literal('Activity'), id: z.string(), definition: z.object({ name: z.record(z.string(), z.string()), type: z.string() }) }),
  result: z
    .object({
      score: z.object({ scaled: z.number(), raw: z.number().optional(), min: z.number().optional(), max: z.number().optional() }).optional(),
      success: z.boolean().optional(),
      completion: z.boolean().optional(),
      duration: z.string().optional(),
    })
    .optional(),
  timestamp: z.iso.datetime(),
  stored: z.iso.datetime(),
});
export type XapiStatement = z.infer<typeof XapiStatement>;
export const XapiVerb = z.enum(XAPI_VERBS);

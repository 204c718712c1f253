// The academy's vocabulary (courses, paths, enrolments, webinars), shared by server, web and the contract.

export const LESSON_KINDS = ['markdown', 'video', 'file', 'embed', 'quiz', 'scorm'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

export const SCORM_VERSIONS = ['1.2', '2004'] as const;
export type ScormVersion = (typeof SCORM_VERSIONS)[number];

/** How far a learner is in one lesson; a quiz or SCORM lesson may end passed or failed. */
export const LESSON_STATUSES = ['not_started', 'in_progress', 'completed', 'passed', 'failed'] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

export const ENROLMENT_STATUSES = ['active', 'completed', 'withdrawn'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/**
 * When a rule enrols: `matching` applies to every current and future contact who fits (re-evaluated when the rule,
 * a contact's role or account changes); the others enrol the contacts who fit when that event happens.
 */
export const RULE_TRIGGERS = ['matching', 'contact_joined', 'role_changed', 'release_published', 'milestone_reached'] as const;
export type RuleTrigger = (typeof RULE_TRIGGERS)[number];

export const PATH_COURSE_KINDS = ['core', 'elective'] as const;
export type PathCourseKind = (typeof PATH_COURSE_KINDS)[number];

export const CERTIFICATE_STATUSES = ['valid', 'expiring', 'expired'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** The ADL verbs Landfall writes (https://adlnet.gov/expapi/verbs/<verb>). */
export const XAPI_VERBS = ['registered', 'launched', 'initialized', 'progressed', 'completed', 'passed', 'failed', 'attempted', 'terminated', 'attended'] as const;
export type XapiVerb = (typeof XAPI_VERBS)[number];

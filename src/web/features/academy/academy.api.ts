import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AcademyFile,
  AccountLearning,
  Course,
  CourseFeedback,
  CourseInput,
  CoursePatch,
  CourseSummary,
  Enrolment,
  EnrolmentPage,
  EnrolmentRule,
  LearningPath,
  Lesson,
  LessonInput,
  LessonPatch,
  ManualEnrolmentInput,
  ManualEnrolmentResult,
  NudgeResult,
  PathInput,
  PathSummary,
  QueuedMail,
  Rates,
  Release,
  ReleaseInput,
  RuleInput,
  RulePatch,
  RuleSaved,
  StuckLearner,
  Webinar,
  WebinarDetail,
  WebinarInput,
  WebinarPatch,
} from '../../../contract/academy.ts';
import { api, type Query } from '../../app/api.ts';
import { useSession } from '../../app/session.tsx';

// The education team's side of the academy: every call the staff pages make, under /api/v1/academy.

export type { Course, CourseSummary, Enrolment, EnrolmentRule, LearningPath, Lesson, PathSummary, Rates, Release, Webinar, WebinarDetail };
export type Stuck = z.infer<typeof StuckLearner>;

export const academyKeys = {
  all: ['academy'] as const,
  courses: ['academy', 'courses'] as const,
  course: (id: string) => ['academy', 'courses', id] as const,
  paths: ['academy', 'paths'] as const,
  path: (id: string) => ['academy', 'paths', id] as const,
  rules: ['academy', 'rules'] as const,
  enrolments: (query: Query) => ['academy', 'enrolments', query] as const,
  stuck: (days: number) => ['academy', 'stuck', days] as const,
  rates: ['academy', 'rates'] as const,
  webinars: ['academy', 'webinars'] as const,
  webinar: (id: string) => ['academy', 'webinars', id] as const,
  releases: ['academy', 'releases'] as const,
};

/** A write that refreshes what it may have changed (the whole academy by default: enrolments follow rules and paths). */
function useWrite<I, O>(run: (input: I) => Promise<O>, key: QueryKey = academyKeys.all) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
}

// ---- Courses and lessons ----
export const useCourses = (archived: 'include' | 'exclude' = 'exclude') =>
  useQuery({ queryKey: [...academyKeys.courses, archived], queryFn: () => api.get<CourseSummary[]>('/academy/courses', { archived }) });
export const useCourse = (id: string) => useQuery({ queryKey: academyKeys.course(id), queryFn: () => api.get<Course>(`/academy/courses/${id}`) });
export const useCreateCourse = () => useWrite((input: z.input<typeof CourseInput>) => api.post<Course>('/academy/courses', input), academyKeys.courses);
export const useUpdateCourse = (id: string) => useWrite((patch: z.input<typeof CoursePatch>) => api.patch<Course>(`/academy/courses/${id}`, patch), academyKeys.courses);
export const useArchiveCourse = (id: string) => useWrite(() => api.post<Course>(`/academy/courses/${id}/archive`), academyKeys.courses);
export const useAddLesson = (courseId: string) =>
  useWrite((input: z.input<typeof LessonInput>) => api.post<Lesson>(`/academy/courses/${courseId}/lessons`, input), academyKeys.courses);
export const useUpdateLesson = (courseId: string) =>
  useWrite(({ lessonId, patch }: { lessonId: string; patch: z.input<typeof LessonPatch> }) => api.patch<Lesson>(`/academy/courses/${courseId}/lessons/${lessonId}`, patch), academyKeys.courses);
export const useDeleteLesson = (courseId: string) => useWrite((lessonId: string) => api.delete(`/academy/courses/${courseId}/lessons/${lessonId}`), academyKeys.courses);
export const useReorderLessons = (courseId: string) =>
  useWrite((lessonIds: string[]) => api.put<Course>(`/academy/courses/${courseId}/lesson-order`, { lessonIds }), academyKeys.courses);
export const useCourseFeedback = (id: string) => useQuery({ queryKey: [...academyKeys.course(id), 'feedback'], queryFn: () => api.get<CourseFeedback>(`/academy/courses/${id}/feedback`) });
export const useScormPreview = (courseId: string, lessonId: string) =>
  useQuery({ queryKey: [...academyKeys.course(courseId), 'scorm-preview', lessonId], queryFn: () => api.get<{ version: '1.2' | '2004'; launchUrl: string }>(`/academy/courses/${courseId}/lessons/${lessonId}/scorm-preview`) });

/**
 * An upload with its progress (fetch cannot report upload progress, XMLHttpRequest can): a SCORM zip becomes a
 * course, a video or file becomes an AcademyFile for a lesson. Errors come back as the server's problem detail.
 */
export function uploadWithProgress<T>(path: string, file: File, csrf: string, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new Error((body as { detail?: string } | undefined)?.detail ?? `The upload failed (${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error('The upload did not reach Landfall. Check your connection and try again.'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export const useImportScorm = () => {
  const queryClient = useQueryClient();
  const { csrfToken } = useSession();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (fraction: number) => void }) => uploadWithProgress<Course>('/academy/courses/scorm', file, csrfToken, onProgress),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: academyKeys.courses }),
  });
};
export const useUploadLessonFile = () => {
  const { csrfToken } = useSession();
  return (file: File, onProgress: (fraction: number) => void) => uploadWithProgress<AcademyFile>('/academy/files', file, csrfToken, onProgress);
};

// ---- Paths ----
export const usePaths = () => useQuery({ queryKey: academyKeys.paths, queryFn: () => api.get<PathSummary[]>('/academy/paths') });
export const usePath = (id: string, version?: number) =>
  useQuery({ queryKey: [...academyKeys.path(id), version ?? 'latest'], queryFn: () => api.get<LearningPath>(`/academy/paths/${id}`, { version }) });
export const useCreatePath = () => useWrite((input: z.input<typeof PathInput>) => api.post<LearningPath>('/academy/paths', input));
export const useSavePath = (id: string) => useWrite((input: z.input<typeof PathInput>) => api.put<LearningPath>(`/academy/paths/${id}`, input));
export const useArchivePath = (id: string) => useWrite(() => api.post<LearningPath>(`/academy/paths/${id}/archive`));

// ---- Rules ----
export const useRules = () => useQuery({ queryKey: academyKeys.rules, queryFn: () => api.get<EnrolmentRule[]>('/academy/rules') });
export const useCreateRule = () => useWrite((input: z.input<typeof RuleInput>) => api.post<RuleSaved>('/academy/rules', input));
export const useUpdateRule = () => useWrite(({ id, patch }: { id: string; patch: z.input<typeof RulePatch> }) => api.patch<RuleSaved>(`/academy/rules/${id}`, patch));
export const useDeleteRule = () => useWrite((id: string) => api.delete(`/academy/rules/${id}`));

// ---- Enrolments, stuck learners, rates ----
export const useEnrolments = (query: Query) =>
  useQuery({ queryKey: academyKeys.enrolments(query), queryFn: () => api.get<z.infer<typeof EnrolmentPage>>('/academy/enrolments', query), placeholderData: (previous) => previous });
export const useEnrol = () => useWrite((input: z.input<typeof ManualEnrolmentInput>) => api.post<z.infer<typeof ManualEnrolmentResult>>('/academy/enrolments', input));
export const useWithdraw = () => useWrite(({ id, reason }: { id: string; reason: string }) => api.post<Enrolment>(`/academy/enrolments/${id}/withdraw`, { reason }));
export const useStuck = (days: number) => useQuery({ queryKey: academyKeys.stuck(days), queryFn: () => api.get<Stuck[]>('/academy/stuck', { days }) });
export const useNudge = () => useWrite((enrolmentId: string) => api.post<z.infer<typeof NudgeResult>>(`/academy/enrolments/${enrolmentId}/nudge`), ['academy', 'stuck']);
export const useRates = () => useQuery({ queryKey: academyKeys.rates, queryFn: () => api.get<Rates>('/academy/reports/rates') });

// ---- Webinars and releases ----
export const useWebinars = () => useQuery({ queryKey: academyKeys.webinars, queryFn: () => api.get<Webinar[]>('/academy/webinars', { when: 'all' }) });
export const useWebinar = (id: string) => useQuery({ queryKey: academyKeys.webinar(id), queryFn: () => api.get<WebinarDetail>(`/academy/webinars/${id}`) });
export const useCreateWebinar = () => useWrite((input: z.input<typeof WebinarInput>) => api.post<Webinar>('/academy/webinars', input), academyKeys.webinars);
export const useUpdateWebinar = (id: string) => useWrite((patch: z.input<typeof WebinarPatch>) => api.patch<Webinar>(`/academy/webinars/${id}`, patch), academyKeys.webinars);
export const useInvite = (id: string) =>
  useWrite((input: { contactIds?: string[]; toAudience?: boolean }) => api.post<z.infer<typeof QueuedMail>>(`/academy/webinars/${id}/invitations`, input), academyKeys.webinars);
export const useAttachRecording = (id: string) =>
  useWrite((recordingUrl: string) => api.post<z.infer<typeof QueuedMail>>(`/academy/webinars/${id}/recording`, { recordingUrl }), academyKeys.webinars);
export const useAttendance = (id: string) =>
  useWrite((attendedContactIds: string[]) => api.post<unknown>(`/academy/webinars/${id}/attendance`, { attendedContactIds }), academyKeys.webinars);
export const useReleases = () => useQuery({ queryKey: academyKeys.releases, queryFn: () => api.get<Release[]>('/academy/releases') });
export const useCreateRelease = () => useWrite((input: z.input<typeof ReleaseInput>) => api.post<Release>('/academy/releases', input), academyKeys.releases);
export const usePublishRelease = () => useWrite((id: string) => api.post<Release>(`/academy/releases/${id}/publish`), academyKeys.all);

// ---- Choices for pickers: accounts and their contacts ----
export const useAccountChoices = () =>
  useQuery({ queryKey: ['academy', 'account-choices'], queryFn: async () => (await api.get<{ items: { id: string; name: string }[] }>('/accounts', { limit: 200 })).items, staleTime: 60_000 });

// ---- An account's learning (the account page) ----
export type AccountLearningFigures = z.infer<typeof AccountLearning>;
export const useAccountLearning = (accountId: string) =>
  useQuery({ queryKey: ['academy', 'account', accountId], queryFn: () => api.get<AccountLearningFigures>(`/accounts/${accountId}/academy`) });
/** An account's current contacts, to enrol some of them by hand. */
export const useAccountContacts = (accountId: string) =>
  useQuery({ queryKey: ['academy', 'account-contacts', accountId], enabled: accountId !== '', queryFn: () => api.get<{ id: string; name: string; email: string }[]>(`/accounts/${accountId}/contacts`) });

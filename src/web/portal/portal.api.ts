import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Approval,
  ApprovalInput,
  Branding,
  CodeInput,
  ColleagueInput,
  ColleagueInvited,
  CommentInput,
  CommentOut,
  FormAnswersInput,
  FormAnswersSaved,
  Invitation,
  LinkSent,
  Message,
  PortalMe,
  PortalProject,
  PortalTask,
  RatingInput,
  RatingOut,
  SignedIn,
  SignInLinkInfo,
  StatusInput,
  UploadedFile,
} from '../../contract/portal.ts';
import type { FormAnswer, FormField } from '../../contract/projects.ts';
import type { AnswersInput, AnswerValue, Assessment, AssessmentSummary, ReadinessQuestion } from '../../contract/readiness.ts';
import type { ActualInput, SuccessMetric, SuccessOutcome, SuccessPlan, VerificationInput } from '../../contract/success-plans.ts';
import { send } from '../app/api.ts';

// The customer portal's own client: its own cookie, its own CSRF token (from /me), its own base path.

let portalCsrf: string | undefined;
const base = '/api/portal/v1';

/** The portal's client (its cookie and CSRF token); the academy's calls use it too. */
export const portal = {
  get: <T>(path: string) => send<T>('GET', `${base}${path}`, undefined, portalCsrf),
  post: <T>(path: string, body?: unknown) => send<T>('POST', `${base}${path}`, body, portalCsrf),
  put: <T>(path: string, body: unknown) => send<T>('PUT', `${base}${path}`, body, portalCsrf),
  patch: <T>(path: string, body: unknown) => send<T>('PATCH', `${base}${path}`, body, portalCsrf),
  delete: <T>(path: string) => send<T>('DELETE', `${base}${path}`, undefined, portalCsrf),
};

/** The portal's CSRF token, for requests made outside `portal` (scorm-again's commits). */
export const portalCsrfToken = () => portalCsrf;

export type { Branding, FormAnswer, FormField, Invitation, PortalMe, PortalProject, PortalTask, ReadinessQuestion };
export type PortalMilestone = PortalProject['milestones'][number];

export const portalKeys = {
  me: ['portal', 'me'] as const,
  project: (id: string) => ['portal', 'project', id] as const,
};

/** Who is signed in to the portal, or null when nobody is (a 401 is an answer here, not an error). */
export async function fetchPortalMe(): Promise<PortalMe | null> {
  try {
    const me = await portal.get<PortalMe>('/me');
    portalCsrf = me.csrfToken;
    return me;
  } catch (error) {
    if ((error as { status?: number }).status === 401) return null;
    throw error;
  }
}

export const usePortalMe = () => useQuery({ queryKey: portalKeys.me, queryFn: fetchPortalMe, staleTime: 60_000 });

export const usePortalProject = (id: string) =>
  useQuery({ queryKey: portalKeys.project(id), queryFn: () => portal.get<PortalProject>(`/projects/${id}`), refetchOnWindowFocus: true });

export const fetchInvitation = (token: string) => portal.get<Invitation>(`/invitations/${encodeURIComponent(token)}`);
export const fetchSignInLink = (token: string) => portal.get<SignInLinkInfo>(`/sign-in/links/${encodeURIComponent(token)}`);
export const sendInvitationLink = (token: string) => portal.post<LinkSent>(`/invitations/${encodeURIComponent(token)}/link`);
export const sendEmailLink = (email: string) => portal.post<Message>('/sign-in/email', { email });
export const signInWithCode = (input: z.input<typeof CodeInput>) => portal.post<SignedIn>('/sign-in/code', input);
export const signOutOfPortal = () => portal.post<void>('/sign-out');

/** Every change to a project refreshes the project (the plan may have moved). */
function useProjectMutation<I, O>(projectId: string, run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.project(projectId) }),
  });
}

export const useTaskStatus = (projectId: string, taskId: string) =>
  useProjectMutation(projectId, (input: z.input<typeof StatusInput>) =>
    portal.post<void>(`/projects/${projectId}/tasks/${taskId}/status`, input),
  );

export const useSaveForm = (projectId: string, taskId: string) =>
  useProjectMutation(projectId, (answers: z.input<typeof FormAnswersInput>['answers']) =>
    portal.put<FormAnswersSaved>(`/projects/${projectId}/tasks/${taskId}/form`, { answers }),
  );

export const useUpload = (projectId: string, taskId: string) =>
  useProjectMutation(projectId, ({ file, fieldKey }: { file: File; fieldKey?: string | undefined }) => {
    const body = new FormData();
    body.append('file', file);
    const query = fieldKey ? `?fieldKey=${encodeURIComponent(fieldKey)}` : '';
    return portal.post<UploadedFile>(`/projects/${projectId}/tasks/${taskId}/files${query}`, body);
  });

export const useApproval = (projectId: string, taskId: string) =>
  useProjectMutation(projectId, (input: z.input<typeof ApprovalInput>) =>
    portal.post<Approval>(`/projects/${projectId}/tasks/${taskId}/approval`, input),
  );

export const useComment = (projectId: string, taskId: string) =>
  useProjectMutation(projectId, (body: z.input<typeof CommentInput>['body']) => portal.post<CommentOut>(`/projects/${projectId}/tasks/${taskId}/comments`, { body }));

export const useRating = (projectId: string, taskId: string) =>
  useProjectMutation(projectId, (input: z.input<typeof RatingInput>) => portal.put<RatingOut>(`/projects/${projectId}/milestones/${taskId}/rating`, input));

export const useInviteColleague = (projectId: string) =>
  useProjectMutation(projectId, (input: z.input<typeof ColleagueInput>) => portal.post<ColleagueInvited>(`/projects/${projectId}/colleagues`, input));

// ---- Readiness and the success plan, from the customer's side ----

// The customer's view of readiness and the plan is the same answer the staff app gets; the portal's names for it:
export type ReadinessAnswer = AnswerValue;
export type PortalMetric = SuccessMetric;
export type PortalOutcome = SuccessOutcome;
export type PortalSuccessPlan = SuccessPlan;

export const usePortalAssessments = (projectId: string) =>
  useQuery({ queryKey: ['portal', 'readiness', projectId], queryFn: () => portal.get<AssessmentSummary[]>(`/projects/${projectId}/readiness`) });
export const usePortalAssessment = (projectId: string, id: string) =>
  useQuery({ queryKey: ['portal', 'assessment', id], queryFn: () => portal.get<Assessment>(`/projects/${projectId}/readiness/${id}`) });

export function useAssessmentActions(projectId: string, id: string) {
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['portal', 'assessment', id] }), queryClient.invalidateQueries({ queryKey: ['portal', 'readiness', projectId] })]);
  return {
    save: useMutation({ mutationFn: (answers: z.input<typeof AnswersInput>['answers']) => portal.patch<Assessment>(`/projects/${projectId}/readiness/${id}/answers`, { answers }), onSuccess: refresh }),
    submit: useMutation({ mutationFn: () => portal.post<Assessment>(`/projects/${projectId}/readiness/${id}/submit`), onSuccess: refresh }),
  };
}

export const usePortalSuccessPlan = (projectId: string) =>
  useQuery({ queryKey: ['portal', 'success-plan', projectId], queryFn: () => portal.get<SuccessPlan>(`/projects/${projectId}/success-plan`) });

export function useSuccessPlanActions(projectId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['portal', 'success-plan', projectId] }),
      queryClient.invalidateQueries({ queryKey: portalKeys.project(projectId) }),
    ]);
  return {
    actual: useMutation({
      mutationFn: (input: { metricId: string } & z.input<typeof ActualInput>) =>
        portal.post<SuccessPlan>(`/projects/${projectId}/success-metrics/${input.metricId}/actuals`, { value: input.value, measuredOn: input.measuredOn, ...(input.note ? { note: input.note } : {}) }),
      onSuccess: refresh,
    }),
    confirm: useMutation({
      mutationFn: (input: { outcomeId: string } & z.input<typeof VerificationInput>) =>
        portal.post<SuccessPlan>(`/projects/${projectId}/success-outcomes/${input.outcomeId}/verify`, { comment: input.comment, ...(input.evidence ? { evidence: input.evidence } : {}) }),
      onSuccess: refresh,
    }),
  };
}

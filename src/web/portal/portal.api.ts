import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { send } from '../app/api.ts';

// The customer portal's own client: its own cookie, its own CSRF token (from /me), its own base path.

let portalCsrf: string | undefined;
const base = '/api/portal/v1';

const portal = {
  get: <T>(path: string) => send<T>('GET', `${base}${path}`, undefined, portalCsrf),
  post: <T>(path: string, body?: unknown) => send<T>('POST', `${base}${path}`, body, portalCsrf),
  put: <T>(path: string, body: unknown) => send<T>('PUT', `${base}${path}`, body, portalCsrf),
  patch: <T>(path: string, body: unknown) => send<T>('PATCH', `${base}${path}`, body, portalCsrf),
};

export interface Branding {
  workspaceName: string;
  brandColor: string;
  logoUrl: string | null;
  welcomeMessage: string | null;
}

export interface PortalMe {
  contact: { id: string; name: string; email: string };
  preview: boolean;
  branding: Branding;
  projects: { id: string; name: string }[];
  csrfToken: string;
}

export type FormFieldType = 'text' | 'choice' | 'date' | 'number' | 'yes_no' | 'file';
export interface FormField {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options?: string[];
  help?: string;
}
export type FormAnswer = string | number | boolean | null;

export interface PortalFile {
  id: string;
  fileName: string;
  size: number;
  fieldKey: string | null;
  uploadedBy: string;
  at: string;
  url: string;
}

export interface PortalTask {
  id: string;
  title: string;
  description: string | null;
  stage: string;
  side: 'vendor' | 'customer';
  ownerName: string;
  mine: boolean;
  status: 'not_started' | 'in_progress' | 'stuck' | 'done' | 'skipped';
  stuckReason: string | null;
  plannedFinish: string | null;
  projectedStart: string | null;
  projectedFinish: string | null;
  actualFinish: string | null;
  late: boolean;
  milestoneKind: string | null;
  deliverable: boolean;
  needsApproval: boolean;
  approval: { decision: 'approved' | 'rejected'; signedName: string; comment: string | null; at: string } | null;
  form: { fields: FormField[]; answers: Record<string, FormAnswer>; answeredBy: string | null; answeredAt: string | null } | null;
  files: PortalFile[];
  comments: { id: string; authorName: string; fromCustomer: boolean; body: string; at: string }[];
}

export interface PortalMilestone {
  taskId: string;
  kind: string;
  title: string;
  planned: string | null;
  projected: string | null;
  reachedOn: string | null;
  myRating: { score: number; comment: string | null } | null;
}

export interface PortalProject {
  id: string;
  name: string;
  accountName: string;
  today: string;
  day0: string;
  health: 'on_track' | 'at_risk' | 'late';
  projectedGoLive: string | null;
  onboardingManager: string | null;
  branding: Branding;
  allowColleagueInvites: boolean;
  preview: boolean;
  stages: { key: string; name: string; taskIds: string[] }[];
  yourTaskIds: string[];
  teamTaskIds: string[];
  tasks: PortalTask[];
  milestones: PortalMilestone[];
  people: { id: string; name: string }[];
}

export interface Invitation {
  workspaceName: string;
  projectName: string;
  contactName: string;
  email: string;
  invitedBy: string;
  branding: Branding;
}

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
export const fetchSignInLink = (token: string) => portal.get<{ branding: Branding }>(`/sign-in/links/${encodeURIComponent(token)}`);
export const sendInvitationLink = (token: string) => portal.post<{ sentTo: string }>(`/invitations/${encodeURIComponent(token)}/link`);
export const sendEmailLink = (email: string) => portal.post<{ message: string }>('/sign-in/email', { email });
export const signInWithCode = (input: { code: string; inviteToken?: string; email?: string }) =>
  portal.post<{ redirectTo: string }>('/sign-in/code', input);
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
  useProjectMutation(projectId, (input: { status: 'done' | 'stuck' | 'in_progress'; reason?: string }) =>
    portal.post<void>(`/projects/${projectId}/tasks/${taskId}/status`, input),
  );

export const useSaveForm = (projectId: string, taskId: string) =>
  useProjectMutation(projectId, (answers: Record<string, FormAnswer>) => portal.put(`/projects/${projectId}/tasks/${taskId}/form`, { answers }));

export const useUpload = (projectId: string, taskId: string) =>
  useProjectMutation(projectId, ({ file, fieldKey }: { file: File; fieldKey?: string | undefined }) => {
    const body = new FormData();
    body.append('file', file);
    const query = fieldKey ? `?fieldKey=${encodeURIComponent(fieldKey)}` : '';
    return portal.post(`/projects/${projectId}/tasks/${taskId}/files${query}`, body);
  });

export const useApproval = (projectId: string, taskId: string) =>
  useProjectMutation(projectId, (input: { decision: 'approved' | 'rejected'; signedName: string; comment?: string }) =>
    portal.post(`/projects/${projectId}/tasks/${taskId}/approval`, input),
  );

export const useComment = (projectId: string, taskId: string) =>
  useProjectMutation(projectId, (body: string) => portal.post<{ mentioned: string[] }>(`/projects/${projectId}/tasks/${taskId}/comments`, { body }));

export const useRating = (projectId: string, taskId: string) =>
  useProjectMutation(projectId, (input: { score: number; comment?: string }) => portal.put(`/projects/${projectId}/milestones/${taskId}/rating`, input));

export const useInviteColleague = (projectId: string) =>
  useProjectMutation(projectId, (input: { name: string; email: string; title?: string }) => portal.post(`/projects/${projectId}/colleagues`, input));

// ---- Readiness and the success plan, from the customer's side ----

export type ReadinessQuestion =
  | { key: string; area: string; text: string; type: 'yes_no' | 'scale' | 'text' }
  | { key: string; area: string; text: string; type: 'single_choice' | 'multiple_choice'; choices: { label: string }[] };
export type ReadinessAnswer = boolean | number | string | string[] | null;
export interface PortalAssessment {
  id: string;
  projectId: string;
  questionnaire: { name: string };
  state: 'draft' | 'sent' | 'submitted';
  questions: ReadinessQuestion[];
  answers: Record<string, { value: ReadinessAnswer; by: { name: string }; at: string }>;
  submittedAt: string | null;
  submittedByName: string | null;
  sentByName: string | null;
}
export interface AssessmentSummary {
  id: string;
  questionnaireName: string;
  state: 'draft' | 'sent' | 'submitted';
  submittedAt: string | null;
}

export interface PortalMetric {
  id: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  targetDate: string;
  actuals: { id: string; value: number; measuredOn: string; recordedBy: { side: string; name: string } }[];
  standing: { latest: { value: number; measuredOn: string } | null; progressPercent: number | null; status: string };
}
export interface PortalOutcome {
  id: string;
  statement: string;
  verificationRequest: { at: string; byName: string; note: string | null } | null;
  verification: { byName: string; at: string; comment: string | null; evidence: string | null } | null;
  metrics: PortalMetric[];
}
export interface PortalSuccessPlan {
  goals: string[];
  executiveSponsor: { name: string } | null;
  communicationCadence: { who: string; meetsWhom: string; frequency: string; channel: string }[];
  outcomes: PortalOutcome[];
  value: { verifiedOutcomes: number; totalOutcomes: number; firstValueOn: string | null; valueAchievedOn: string | null };
}

export const usePortalAssessments = (projectId: string) =>
  useQuery({ queryKey: ['portal', 'readiness', projectId], queryFn: () => portal.get<AssessmentSummary[]>(`/projects/${projectId}/readiness`) });
export const usePortalAssessment = (projectId: string, id: string) =>
  useQuery({ queryKey: ['portal', 'assessment', id], queryFn: () => portal.get<PortalAssessment>(`/projects/${projectId}/readiness/${id}`) });

export function useAssessmentActions(projectId: string, id: string) {
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['portal', 'assessment', id] }), queryClient.invalidateQueries({ queryKey: ['portal', 'readiness', projectId] })]);
  return {
    save: useMutation({ mutationFn: (answers: Record<string, ReadinessAnswer>) => portal.patch<PortalAssessment>(`/projects/${projectId}/readiness/${id}/answers`, { answers }), onSuccess: refresh }),
    submit: useMutation({ mutationFn: () => portal.post<PortalAssessment>(`/projects/${projectId}/readiness/${id}/submit`), onSuccess: refresh }),
  };
}

export const usePortalSuccessPlan = (projectId: string) =>
  useQuery({ queryKey: ['portal', 'success-plan', projectId], queryFn: () => portal.get<PortalSuccessPlan>(`/projects/${projectId}/success-plan`) });

export function useSuccessPlanActions(projectId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['portal', 'success-plan', projectId] }),
      queryClient.invalidateQueries({ queryKey: portalKeys.project(projectId) }),
    ]);
  return {
    actual: useMutation({
      mutationFn: (input: { metricId: string; value: number; measuredOn: string; note?: string }) =>
        portal.post(`/projects/${projectId}/success-metrics/${input.metricId}/actuals`, { value: input.value, measuredOn: input.measuredOn, ...(input.note ? { note: input.note } : {}) }),
      onSuccess: refresh,
    }),
    confirm: useMutation({
      mutationFn: (input: { outcomeId: string; comment: string; evidence?: string }) =>
        portal.post(`/projects/${projectId}/success-outcomes/${input.outcomeId}/verify`, { comment: input.comment, ...(input.evidence ? { evidence: input.evidence } : {}) }),
      onSuccess: refresh,
    }),
  };
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AnswerValue,
  Assessment,
  ProjectReadiness,
  Questionnaire,
  QuestionnaireInput,
  QuestionnaireSummary,
  ReadinessArea,
  ReadinessQuestion,
  ReadinessScore,
  ReadinessSettings,
  Verdict,
} from '../../../contract/readiness.ts';
import { api } from '../../app/api.ts';
import { projectKeys } from '../projects/projects.api.ts';

export type {
  AnswerValue,
  Assessment,
  ProjectReadiness,
  Questionnaire,
  QuestionnaireInput,
  QuestionnaireSummary,
  ReadinessArea,
  ReadinessQuestion,
  ReadinessScore,
  ReadinessSettings,
  Verdict,
};

export const readinessKeys = {
  project: (projectId: string) => ['readiness', 'project', projectId] as const,
  questionnaires: ['readiness', 'questionnaires'] as const,
  questionnaire: (id: string) => ['readiness', 'questionnaires', id] as const,
  settings: ['readiness', 'settings'] as const,
};

export const useProjectReadiness = (projectId: string) =>
  useQuery({ queryKey: readinessKeys.project(projectId), queryFn: () => api.get<ProjectReadiness>(`/projects/${projectId}/readiness`) });

/** Every readiness change shows in the project's readiness, its history, and (a risk) in the project. */
function useProjectReadinessWrite<V, R>(projectId: string, write: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: readinessKeys.project(projectId) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.history(projectId) });
      void queryClient.invalidateQueries({ queryKey: readinessKeys.questionnaires });
    },
  });
}

export const useStartAssessment = (projectId: string) =>
  useProjectReadinessWrite(projectId, (questionnaireId: string | undefined) =>
    api.post<Assessment>(`/projects/${projectId}/readiness/assessments`, questionnaireId ? { questionnaireId } : {}),
  );
export const useSaveAnswers = (projectId: string, assessmentId: string) =>
  useProjectReadinessWrite(projectId, (answers: Record<string, AnswerValue>) =>
    api.patch<Assessment>(`/readiness-assessments/${assessmentId}/answers`, { answers }),
  );
export const useSubmitAssessment = (projectId: string, assessmentId: string) =>
  useProjectReadinessWrite(projectId, () => api.post<Assessment>(`/readiness-assessments/${assessmentId}/submit`));
export const useSendAssessment = (projectId: string, assessmentId: string) =>
  useProjectReadinessWrite(projectId, (contactId: string) => api.post<Assessment>(`/readiness-assessments/${assessmentId}/send`, { contactId }));
export const useDiscardAssessment = (projectId: string, assessmentId: string) =>
  useProjectReadinessWrite(projectId, () => api.delete(`/readiness-assessments/${assessmentId}`));
export const useOverrideGate = (projectId: string) =>
  useProjectReadinessWrite(projectId, (reason: string) => api.post<ProjectReadiness>(`/projects/${projectId}/readiness/override`, { reason }));
export const useResolveRisk = (projectId: string) =>
  useProjectReadinessWrite(projectId, ({ riskId, reason }: { riskId: string; reason: string }) =>
    api.post<ProjectReadiness>(`/project-risks/${riskId}/resolve`, { reason }),
  );

export const useQuestionnaires = (includeArchived = false) =>
  useQuery({
    queryKey: [...readinessKeys.questionnaires, includeArchived ? 'all' : 'active'],
    queryFn: () => api.get<QuestionnaireSummary[]>('/readiness/questionnaires', { archived: includeArchived ? 'include' : 'exclude' }),
  });
export const useQuestionnaire = (id: string | undefined) =>
  useQuery({ queryKey: readinessKeys.questionnaire(id ?? ''), queryFn: () => api.get<Questionnaire>(`/readiness/questionnaires/${id}`), enabled: Boolean(id) });

function useQuestionnaireWrite<V>(write: (variables: V) => Promise<Questionnaire>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (questionnaire) => {
      queryClient.setQueryData(readinessKeys.questionnaire(questionnaire.id), questionnaire);
      void queryClient.invalidateQueries({ queryKey: readinessKeys.questionnaires, exact: false });
    },
  });
}

export const useCreateQuestionnaire = () =>
  useQuestionnaireWrite((input: z.input<typeof QuestionnaireInput>) => api.post<Questionnaire>('/readiness/questionnaires', input));
export const useUpdateQuestionnaire = (id: string) =>
  useQuestionnaireWrite((input: z.input<typeof QuestionnaireInput>) => api.put<Questionnaire>(`/readiness/questionnaires/${id}`, input));
export const useArchiveQuestionnaire = (id: string) =>
  useQuestionnaireWrite((archived: boolean) => api.post<Questionnaire>(`/readiness/questionnaires/${id}/archive`, { archived }));

export const useReadinessSettings = () =>
  useQuery({ queryKey: readinessKeys.settings, queryFn: () => api.get<ReadinessSettings>('/readiness/settings') });
export function useUpdateReadinessSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: ReadinessSettings) => api.put<ReadinessSettings>('/readiness/settings', settings),
    onSuccess: (settings) => {
      queryClient.setQueryData(readinessKeys.settings, settings);
      void queryClient.invalidateQueries({ queryKey: ['readiness', 'project'] });
    },
  });
}

export const VERDICT_LABELS: Record<Verdict, string> = { ready: 'Ready', at_risk: 'At risk', not_ready: 'Not ready' };
export const VERDICT_TONES = { ready: 'green', at_risk: 'amber', not_ready: 'red' } as const;
export const AREA_LABELS: Record<ReadinessArea, string> = { people: 'People', processes: 'Processes', technology: 'Technology' };

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HandoffAnswers, HandoffField } from '../../../core/handoff/quality.ts';
import { api } from '../../app/api.ts';

export interface Handoff {
  projectId: string;
  status: 'open' | 'questions' | 'complete';
  rep: { id: string; name: string } | null;
  answers: HandoffAnswers;
  requiredFields: HandoffField[];
  quality: {
    complete: boolean;
    score: number;
    flags: { field: HandoffField; problem: 'missing' | 'thin'; required: boolean; message: string }[];
  };
  questions: {
    id: string;
    field: HandoffField | null;
    text: string;
    askedByName: string;
    askedAt: string;
    answer: string | null;
    answeredByName: string | null;
    answeredAt: string | null;
  }[];
  submittedAt: string | null;
}

const key = (projectId: string) => ['handoff', projectId] as const;

export const useHandoff = (projectId: string) => useQuery({ queryKey: key(projectId), queryFn: () => api.get<Handoff>(`/projects/${projectId}/handoff`) });

function useHandoffMutation<V>(projectId: string, send: (variables: V) => Promise<Handoff>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (handoff) => {
      queryClient.setQueryData(key(projectId), handoff);
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}

export const useSaveHandoff = (projectId: string) =>
  useHandoffMutation(projectId, (answers: HandoffAnswers) => api.put<Handoff>(`/projects/${projectId}/handoff`, answers));
export const useSubmitHandoff = (projectId: string) =>
  useHandoffMutation(projectId, () => api.post<Handoff>(`/projects/${projectId}/handoff/submit`));
export const useAskQuestion = (projectId: string) =>
  useHandoffMutation(projectId, (question: { text: string; field: HandoffField | null }) =>
    api.post<Handoff>(`/projects/${projectId}/handoff/questions`, question),
  );
export const useAnswerQuestion = (projectId: string) =>
  useHandoffMutation(projectId, ({ questionId, answer }: { questionId: string; answer: string }) =>
    api.post<Handoff>(`/handoff-questions/${questionId}/answer`, { answer }),
  );

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Handoff, HandoffAnswers, QuestionInput } from '../../../contract/handoffs.ts';
import { api } from '../../app/api.ts';

export type { Handoff };

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
  useHandoffMutation(projectId, (answers: z.input<typeof HandoffAnswers>) => api.put<Handoff>(`/projects/${projectId}/handoff`, answers));
export const useSubmitHandoff = (projectId: string) =>
  useHandoffMutation(projectId, () => api.post<Handoff>(`/projects/${projectId}/handoff/submit`));
export const useAskQuestion = (projectId: string) =>
  useHandoffMutation(projectId, (question: z.input<typeof QuestionInput>) =>
    api.post<Handoff>(`/projects/${projectId}/handoff/questions`, question),
  );
export const useAnswerQuestion = (projectId: string) =>
  useHandoffMutation(projectId, ({ questionId, answer }: { questionId: string; answer: string }) =>
    api.post<Handoff>(`/handoff-questions/${questionId}/answer`, { answer }),
  );

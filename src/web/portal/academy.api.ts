import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PortalCourse, QuizResult, ScormLaunch, YourLearning } from '../../contract/academy.ts';
import { portal } from './portal.api.ts';

// The learner's side of the academy, under /api/portal/v1/academy (the portal's cookie and CSRF token).

export type { PortalCourse, QuizResult, ScormLaunch, YourLearning };
export type PortalLessonView = PortalCourse['lessons'][number];

export const learningKeys = {
  all: ['portal', 'academy'] as const,
  learning: ['portal', 'academy', 'learning'] as const,
  course: (id: string) => ['portal', 'academy', 'course', id] as const,
};

export const useYourLearning = () => useQuery({ queryKey: learningKeys.learning, queryFn: () => portal.get<YourLearning>('/academy') });
export const usePortalCourse = (id: string) => useQuery({ queryKey: learningKeys.course(id), queryFn: () => portal.get<PortalCourse>(`/academy/courses/${id}`) });
export const lessonFileUrl = (fileId: string) => `/api/portal/v1/academy/files/${fileId}`;
export const fetchScormLaunch = (lessonId: string) => portal.get<ScormLaunch>(`/academy/lessons/${lessonId}/scorm`);

/** Every learner action may move progress, the path, a certificate: refresh the academy's answers after it. */
function useLearnerWrite<I, O>(run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: learningKeys.all }) });
}

export const useLessonProgress = () =>
  useLearnerWrite(({ lessonId, status, location }: { lessonId: string; status: 'in_progress' | 'completed'; location?: string }) =>
    portal.post<unknown>(`/academy/lessons/${lessonId}/progress`, location === undefined ? { status } : { status, location }),
  );
export const useQuizAttempt = () => {
  const queryClient = useQueryClient();
  // The result stays on screen; the course and the path refresh behind it.
  return useMutation({
    mutationFn: ({ lessonId, answers }: { lessonId: string; answers: number[][] }) => portal.post<QuizResult>(`/academy/lessons/${lessonId}/quiz-attempts`, { answers }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: learningKeys.all }),
  });
};
export const useCourseFeedback = (courseId: string) =>
  useLearnerWrite((input: { rating: number; comment: string }) => portal.post<{ saved: boolean }>(`/academy/courses/${courseId}/feedback`, input));
export const useWebinarRegistration = () =>
  useLearnerWrite(({ webinarId, register }: { webinarId: string; register: boolean }) =>
    register ? portal.post<{ registered: boolean }>(`/academy/webinars/${webinarId}/registration`) : portal.delete<{ registered: boolean }>(`/academy/webinars/${webinarId}/registration`),
  );

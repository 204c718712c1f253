import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PlaybookProposal } from '../../../contract/playbooks.ts';
import type {
  Comment,
  CommentInput,
  DelayEventOut,
  FormField,
  Health,
  Milestone,
  NewTask,
  Project,
  ProjectEvent,
  ProjectInput,
  ProjectPatch,
  ProjectSummary,
  ProjectTask,
  TaskAdded,
  TaskChange,
  TaskPatch,
  TaskStatus,
} from '../../../contract/projects.ts';
import { decodeMoves } from '../../../core/schedule/moves.ts';
import { api, request } from '../../app/api.ts';
import { projectKeys, projectQuery, type ProjectListParams } from './project.query.ts';

export type { DelayEventOut, FormField, Health, Milestone, Project, ProjectEvent, ProjectSummary, ProjectTask, TaskChange, TaskPatch, TaskStatus };

export { prefetchProject, projectKeys, type ProjectListParams } from './project.query.ts';

export const useProjects = (query: ProjectListParams) =>
  useQuery({
    queryKey: projectKeys.list(query),
    queryFn: () => api.get<ProjectSummary[]>('/projects', { ...query }),
    placeholderData: keepPreviousData,
  });

export const useProject = (id: string) => useQuery({ ...projectQuery(id), enabled: Boolean(id) });

export const useProjectHistory = (id: string) =>
  useQuery({ queryKey: projectKeys.history(id), queryFn: () => api.get<ProjectEvent[]>(`/projects/${id}/history`) });

export const useProjectDelays = (id: string) =>
  useQuery({ queryKey: projectKeys.delays(id), queryFn: () => api.get<DelayEventOut[]>(`/projects/${id}/delays`) });

export const usePlaybookProposals = (accountId: string) =>
  useQuery({
    queryKey: projectKeys.proposals(accountId),
    queryFn: () => api.get<PlaybookProposal[]>('/playbooks/proposals', { accountId }),
  });

export const useTaskComments = (taskId: string) =>
  useQuery({ queryKey: projectKeys.comments(taskId), queryFn: () => api.get<Comment[]>(`/tasks/${taskId}/comments`) });

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof ProjectInput>) =>
      api.post<Project>('/projects', input),
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.detail(project.id), project);
      void queryClient.invalidateQueries({ queryKey: projectKeys.lists });
    },
  });
}

/** Renames a project or gives it a new day 0; the answer is the whole re-planned project. */
export function useUpdateProject(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: z.input<typeof ProjectPatch>) => api.patch<Project>(`/projects/${projectId}`, patch),
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.detail(project.id), project);
      void queryClient.invalidateQueries({ queryKey: projectKeys.lists });
      void queryClient.invalidateQueries({ queryKey: projectKeys.history(project.id) });
    },
  });
}

/**
 * Puts a task change on screen at once: the task itself, every task whose projection moved, the
 * milestones and the critical path they imply, and the project's health and end.
 */
export function applyTaskChange(project: Project, change: TaskChange): Project {
  const moved = new Map(decodeMoves(change.moved).map((entry) => [entry.position, entry]));
  const tasks = project.tasks.map((task) => {
    const base = task.id === change.task.id ? change.task : task;
    const update = moved.get(task.position);
    if (!update) return base;
    return {
      ...base,
      projectedStart: update.projectedStart,
      projectedFinish: update.projectedFinish,
      slackDays: update.slackDays,
      critical: update.critical,
      health: update.health as Health,
    };
  });
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const milestones = project.milestones.map((milestone) => {
    const task = byId.get(milestone.taskId);
    if (!task) return milestone;
    return { ...milestone, projected: task.projectedFinish, actual: task.status === 'done' ? task.actualFinish : null, health: task.health };
  });
  const goLive = milestones.find((milestone) => milestone.kind === 'go_live');
  return {
    ...project,
    tasks,
    milestones,
    // The slip as the server computed it from the project as it stands, never summed here from deltas.
    delayDays: change.delayDays,
    criticalPath: project.criticalPath.filter((id) => byId.get(id)?.critical).concat(
      tasks.filter((task) => task.critical && !project.criticalPath.includes(task.id)).map((task) => task.id),
    ),
    projectedGoLive: goLive?.projected ?? project.projectedGoLive,
    health: change.project.health,
    projectedEnd: change.project.projectedEnd,
    tasksDone: tasks.filter((task) => task.status === 'done' || task.status === 'skipped').length,
  };
}

/** How many tasks a change moved, besides the task changed. */
export function movedCount(change: TaskChange): number {
  const total = change.moved.runs.reduce((sum, [, count]) => sum + count, 0);
  const self = change.moved.runs.some(([first, count]) => change.task.position >= first && change.task.position < first + count);
  return total - (self ? 1 : 0);
}

/**
 * After a task change the answer has put on screen: the plan is patched in the cache and only marked stale (no
 * refetch of a thousand tasks); the history, delays and lists it changed are fetched again.
 */
function refreshAround(queryClient: QueryClient, projectId: string) {
  void queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId), refetchType: 'none' });
  void queryClient.invalidateQueries({ queryKey: projectKeys.history(projectId) });
  void queryClient.invalidateQueries({ queryKey: projectKeys.delays(projectId) });
  void queryClient.invalidateQueries({ queryKey: projectKeys.lists });
}

/** After any change to a project: its detail, history and delays, and the lists it appears in. */
function refreshProject(queryClient: QueryClient, projectId: string) {
  void queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) });
  void queryClient.invalidateQueries({ queryKey: projectKeys.history(projectId) });
  void queryClient.invalidateQueries({ queryKey: projectKeys.delays(projectId) });
  void queryClient.invalidateQueries({ queryKey: projectKeys.lists });
}

export function useUpdateTask(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, patch }: { taskId: string; patch: z.input<typeof TaskPatch> }) => api.patch<TaskChange>(`/tasks/${taskId}`, patch),
    onSuccess: (change) => {
      queryClient.setQueryData<Project>(projectKeys.detail(projectId), (project) => (project ? applyTaskChange(project, change) : project));
      refreshAround(queryClient, projectId);
    },
  });
}

/** Puts an added task on screen: the task and its links join the plan, then what its arrival moved is applied. */
export function applyTaskAdded(project: Project, added: TaskAdded): Project {
  const grown = {
    ...project,
    tasks: [...project.tasks.filter((task) => task.id !== added.task.id), added.task],
    dependencies: [...project.dependencies, ...added.dependencies],
    tasksTotal: project.tasksTotal + 1,
  };
  return applyTaskChange(grown, { task: added.task, moved: added.moved, delays: added.delays, project: added.project, delayDays: added.delayDays });
}

export function useAddTask(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof NewTask>) => api.post<TaskAdded>(`/projects/${projectId}/tasks`, input),
    onSuccess: (added) => {
      queryClient.setQueryData<Project>(projectKeys.detail(projectId), (project) => (project ? applyTaskAdded(project, added) : project));
      refreshAround(queryClient, projectId);
    },
  });
}

export function useDeleteTask(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (taskId: string) => request<Project>('DELETE', `/tasks/${taskId}`),
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.detail(projectId), project);
      refreshProject(queryClient, projectId);
    },
  });
}

export function useAddComment(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof CommentInput>) => api.post<Comment>(`/tasks/${taskId}/comments`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.comments(taskId) }),
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { PlaybookMilestoneKind, TaskOwner } from '../../../core/playbooks/definition.ts';
import type { Segment } from '../../../core/people.ts';
import { api, request } from '../../app/api.ts';

export type Health = 'on_track' | 'at_risk' | 'late';
export type TaskStatus = 'not_started' | 'in_progress' | 'stuck' | 'done' | 'skipped';
export type ProjectStatus = 'active' | 'paused' | 'closed';
export type Side = 'customer' | 'vendor';

export interface ProjectSummary {
  id: string;
  name: string;
  accountId: string;
  accountName: string;
  segment: Segment;
  product: string | null;
  day0: string;
  status: ProjectStatus;
  health: Health;
  stage: string | null;
  stageName: string | null;
  onboardingManager: { id: string; name: string } | null;
  baselineGoLive: string | null;
  projectedGoLive: string | null;
  baselineEnd: string | null;
  projectedEnd: string | null;
  /** Business days of slip owed to each side. */
  delayDays: { customer: number; vendor: number };
  tasksDone: number;
  tasksTotal: number;
  handoff: 'open' | 'questions' | 'complete' | null;
  /** Flagged "stalled, waiting on customer" by the escalation ladder since this day. */
  stalledSince: string | null;
}

export interface Assignee {
  kind: 'member' | 'contact';
  id: string;
  name: string;
}

export interface ProjectTask {
  id: string;
  key: string;
  position: number;
  title: string;
  description: string | null;
  stage: string;
  owner: TaskOwner;
  assignee: Assignee | null;
  durationDays: number;
  startOffsetDays: number | null;
  milestoneKind: PlaybookMilestoneKind | null;
  deliverable: boolean;
  needsApproval: boolean;
  customerVisible: boolean;
  checklist: { text: string; done: boolean }[];
  status: TaskStatus;
  stuckReason: string | null;
  actualStart: string | null;
  actualFinish: string | null;
  pinnedStart: string | null;
  baselineStart: string | null;
  baselineFinish: string | null;
  projectedStart: string | null;
  projectedFinish: string | null;
  slackDays: number;
  critical: boolean;
  health: Health;
  /** The form the customer fills in on this task in the portal, null when it has none. */
  form: TaskFormField[] | null;
  formAnswers: Record<string, string | number | boolean | null> | null;
  formAnsweredBy: string | null;
  formAnsweredAt: string | null;
  files: TaskFile[];
}

export type TaskFormFieldType = 'text' | 'choice' | 'date' | 'number' | 'yes_no' | 'file';

export interface TaskFormField {
  key: string;
  label: string;
  type: TaskFormFieldType;
  required: boolean;
  options?: string[];
  help?: string;
}

export interface TaskFile {
  id: string;
  fileName: string;
  size: number;
  uploadedBy: string;
  at: string;
}

export interface Milestone {
  taskId: string;
  kind: PlaybookMilestoneKind;
  title: string;
  baseline: string | null;
  projected: string | null;
  actual: string | null;
  health: Health;
  daysFromDay0: number | null;
}

export interface TaskDependency {
  predecessorId: string;
  successorId: string;
  lagDays: number;
}

export interface Project extends ProjectSummary {
  organizationId: string | null;
  playbook: { id: string; name: string; version: number; latestVersion: number };
  stages: { key: string; name: string }[];
  /** Today in the workspace timezone. */
  today: string;
  milestones: Milestone[];
  criticalPath: string[];
  tasks: ProjectTask[];
  dependencies: TaskDependency[];
}

export interface MovedTask {
  id: string;
  projectedStart: string;
  projectedFinish: string;
  slackDays: number;
  critical: boolean;
  health: string;
}

export interface TaskChange {
  task: ProjectTask;
  /** Every task whose projection changed. */
  moved: MovedTask[];
  delays: { milestoneId: string; fromDate: string; toDate: string; days: number; causeTaskId: string; side: Side }[];
  project: { health: Health; projectedEnd: string };
}

export interface TaskPatch {
  status?: TaskStatus;
  stuckReason?: string | null;
  actualStart?: string | null;
  actualFinish?: string | null;
  pinnedStart?: string | null;
  assignee?: { kind: 'member' | 'contact'; id: string } | null;
  durationDays?: number;
  title?: string;
  description?: string | null;
  checklist?: { text: string; done: boolean }[];
  customerVisible?: boolean;
  dependsOn?: { taskId: string; lagDays: number }[];
  reason?: string;
}

export interface NewTaskInput {
  title: string;
  stage: string;
  owner: TaskOwner;
  durationDays: number;
  startOffsetDays?: number | null;
  dependsOn: { taskId: string; lagDays: number }[];
  milestoneKind?: PlaybookMilestoneKind | null;
  customerVisible: boolean;
}

export interface ProjectEvent {
  id: string;
  taskId: string | null;
  taskTitle: string | null;
  actorName: string;
  kind: string;
  field: string | null;
  fromValue: string | null;
  toValue: string | null;
  reason: string | null;
  createdAt: string;
}

export interface DelayEvent {
  id: string;
  milestoneTaskId: string;
  milestoneTitle: string;
  causeTaskId: string;
  causeTaskTitle: string;
  side: Side;
  days: number;
  fromDate: string;
  toDate: string;
  createdAt: string;
}

export interface TaskComment {
  id: string;
  taskId: string;
  authorName: string;
  body: string;
  createdAt: string;
  /** A vendor-only note: never shown in the customer portal. */
  internal: boolean;
}

export interface PlaybookProposal {
  playbookId: string;
  name: string;
  score: number;
  reasons: string[];
}

export interface ProjectListQuery {
  owner?: string | undefined;
  segment?: string | undefined;
  health?: string | undefined;
  status?: string | undefined;
  accountId?: string | undefined;
}

export const projectKeys = {
  all: ['projects'] as const,
  lists: ['projects', 'list'] as const,
  list: (query: ProjectListQuery) => ['projects', 'list', query] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  history: (id: string) => ['projects', 'history', id] as const,
  delays: (id: string) => ['projects', 'delays', id] as const,
  comments: (taskId: string) => ['projects', 'comments', taskId] as const,
  proposals: (accountId: string) => ['playbooks', 'proposals', accountId] as const,
};

export const useProjects = (query: ProjectListQuery) =>
  useQuery({
    queryKey: projectKeys.list(query),
    queryFn: () => api.get<ProjectSummary[]>('/projects', { ...query }),
    placeholderData: keepPreviousData,
  });

export const useProject = (id: string) =>
  useQuery({ queryKey: projectKeys.detail(id), queryFn: () => api.get<Project>(`/projects/${id}`), enabled: Boolean(id) });

export const useProjectHistory = (id: string) =>
  useQuery({ queryKey: projectKeys.history(id), queryFn: () => api.get<ProjectEvent[]>(`/projects/${id}/history`) });

export const useProjectDelays = (id: string) =>
  useQuery({ queryKey: projectKeys.delays(id), queryFn: () => api.get<DelayEvent[]>(`/projects/${id}/delays`) });

export const usePlaybookProposals = (accountId: string) =>
  useQuery({
    queryKey: projectKeys.proposals(accountId),
    queryFn: () => api.get<PlaybookProposal[]>('/playbooks/proposals', { accountId }),
  });

export const useTaskComments = (taskId: string) =>
  useQuery({ queryKey: projectKeys.comments(taskId), queryFn: () => api.get<TaskComment[]>(`/tasks/${taskId}/comments`) });

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { accountId: string; playbookId?: string; organizationId?: string | null; product?: string | null; name?: string }) =>
      api.post<Project>('/projects', input),
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.detail(project.id), project);
      void queryClient.invalidateQueries({ queryKey: projectKeys.lists });
    },
  });
}

/**
 * Puts a task change on screen at once: the task itself, every task whose projection moved, the
 * milestones and the critical path they imply, and the project's health and end.
 */
export function applyTaskChange(project: Project, change: TaskChange): Project {
  const moved = new Map(change.moved.map((entry) => [entry.id, entry]));
  const tasks = project.tasks.map((task) => {
    const base = task.id === change.task.id ? change.task : task;
    const update = moved.get(task.id);
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
  const slipMilestone = goLive ?? [...milestones].sort((a, b) => (b.baseline ?? '').localeCompare(a.baseline ?? ''))[0];
  const delayDays = { ...project.delayDays };
  for (const delay of change.delays) {
    // The slip is read off one milestone (go-live, as the server does) so it is not counted once per milestone.
    if (delay.milestoneId === slipMilestone?.taskId) delayDays[delay.side] += delay.days;
  }
  return {
    ...project,
    tasks,
    milestones,
    delayDays,
    criticalPath: project.criticalPath.filter((id) => byId.get(id)?.critical).concat(
      tasks.filter((task) => task.critical && !project.criticalPath.includes(task.id)).map((task) => task.id),
    ),
    projectedGoLive: goLive?.projected ?? project.projectedGoLive,
    health: change.project.health,
    projectedEnd: change.project.projectedEnd,
    tasksDone: tasks.filter((task) => task.status === 'done' || task.status === 'skipped').length,
  };
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
    mutationFn: ({ taskId, patch }: { taskId: string; patch: TaskPatch }) => api.patch<TaskChange>(`/tasks/${taskId}`, patch),
    onSuccess: (change) => {
      queryClient.setQueryData<Project>(projectKeys.detail(projectId), (project) => (project ? applyTaskChange(project, change) : project));
      refreshProject(queryClient, projectId);
    },
  });
}

export function useAddTask(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewTaskInput) => api.post<Project>(`/projects/${projectId}/tasks`, input),
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.detail(projectId), project);
      refreshProject(queryClient, projectId);
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
    mutationFn: (input: { body: string; internal: boolean }) => api.post<TaskComment>(`/tasks/${taskId}/comments`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.comments(taskId) }),
  });
}

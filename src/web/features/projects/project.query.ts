import type { QueryClient } from '@tanstack/react-query';
import type { Project } from '../../../contract/projects.ts';
import { api } from '../../app/api.ts';

// The project's query keys and its one request, apart from projects.api.ts so the app's shell can start the
// project page's request without loading what the page itself needs (the scheduling helpers, luxon).

/** GET /projects's query as the URL carries it (lists are comma-separated). */
export interface ProjectListParams {
  owner?: string | undefined;
  segment?: string | undefined;
  health?: string | undefined;
  status?: string | undefined;
  accountId?: string | undefined;
}

export const projectKeys = {
  all: ['projects'] as const,
  lists: ['projects', 'list'] as const,
  list: (query: ProjectListParams) => ['projects', 'list', query] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  history: (id: string) => ['projects', 'history', id] as const,
  delays: (id: string) => ['projects', 'delays', id] as const,
  comments: (taskId: string) => ['projects', 'comments', taskId] as const,
  proposals: (accountId: string) => ['playbooks', 'proposals', accountId] as const,
};

/** The project page's data: one request, started early by the route (see prefetchProject). */
export const projectQuery = (id: string) => ({ queryKey: projectKeys.detail(id), queryFn: () => api.get<Project>(`/projects/${id}`) });

/** Asks for the project while the page's code is still loading, rather than after (one step less before it shows). */
export const prefetchProject = (queryClient: QueryClient, id: string) => queryClient.prefetchQuery(projectQuery(id));

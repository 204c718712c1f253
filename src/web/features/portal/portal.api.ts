import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../app/api.ts';
import { projectKeys, type TaskFile, type TaskFormField } from '../projects/projects.api.ts';

export type AccessState = 'invited' | 'active' | 'invitation_expired' | 'revoked';

export interface PortalContact {
  contactId: string;
  name: string;
  email: string;
  role: string;
  leftOn: string | null;
  access: {
    state: AccessState;
    invitedAt: string;
    invitedBy: string;
    lastVisitAt: string | null;
    revokedAt: string | null;
  } | null;
}

export interface PortalActivity {
  id: string;
  at: string;
  actorName: string;
  fromCustomer: boolean;
  kind: string;
  taskId: string | null;
  what: string;
  reason: string | null;
}

export interface PortalOverview {
  contacts: PortalContact[];
  activity: PortalActivity[];
  customerTasks: { total: number; done: number; onTime: number; late: number; overdue: number };
  csat: {
    average: number | null;
    answers: { milestoneTaskId: string; milestone: string; contactName: string; score: number; comment: string | null; at: string }[];
  };
}

export interface AccessGranted {
  contactId: string;
  inviteUrl: string;
  invitedAt: string;
}

export interface PortalSettings {
  brandColor: string;
  hasLogo: boolean;
  welcomeMessage: string | null;
  allowColleagueInvites: boolean;
}

export const portalKeys = {
  overview: (projectId: string) => ['portal', 'overview', projectId] as const,
  settings: ['portal', 'settings'] as const,
};

export const usePortalOverview = (projectId: string) =>
  useQuery({ queryKey: portalKeys.overview(projectId), queryFn: () => api.get<PortalOverview>(`/projects/${projectId}/portal`) });

export function useGrantAccess(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) => api.post<AccessGranted>(`/projects/${projectId}/portal/access`, { contactId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.overview(projectId) }),
  });
}

export function useRevokeAccess(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) => api.delete(`/projects/${projectId}/portal/access/${contactId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalKeys.overview(projectId) }),
  });
}

export const useStartPreview = (projectId: string) =>
  useMutation({ mutationFn: (contactId: string) => api.post<{ redirectTo: string }>(`/projects/${projectId}/portal/preview`, { contactId }) });

export const usePortalSettings = () => useQuery({ queryKey: portalKeys.settings, queryFn: () => api.get<PortalSettings>('/portal/settings') });

export function useSavePortalSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<Omit<PortalSettings, 'hasLogo'>>) => api.put<PortalSettings>('/portal/settings', input),
    onSuccess: (settings) => queryClient.setQueryData(portalKeys.settings, settings),
  });
}

export function useUploadLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<PortalSettings>('PUT', '/portal/settings/logo', file),
    onSuccess: (settings) => queryClient.setQueryData(portalKeys.settings, settings),
  });
}

export function useRemoveLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    // DELETE answers with the settings (api.delete is typed for 204s).
    mutationFn: () => request<PortalSettings>('DELETE', '/portal/settings/logo'),
    onSuccess: (settings) => queryClient.setQueryData(portalKeys.settings, settings),
  });
}

export function useSaveTaskForm(projectId: string, taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: TaskFormField[] | null) =>
      api.put<{ fields: TaskFormField[] | null }>(`/projects/${projectId}/tasks/${taskId}/form`, { fields }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) }),
  });
}

export function useUploadTaskFile(projectId: string, taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<TaskFile>('POST', `/projects/${projectId}/tasks/${taskId}/files`, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) }),
  });
}

export const fileUrl = (projectId: string, fileId: string) => `/api/v1/projects/${projectId}/files/${fileId}`;
export const logoUrl = (workspaceId: string, version: number) => `/api/portal/v1/branding/${workspaceId}/logo?v=${version}`;

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AccessGranted, FormDefinition, PortalOverview, PortalSettings, PortalSettingsInput, SignedIn, UploadedFile } from '../../../contract/portal.ts';
import { api, request } from '../../app/api.ts';
import { projectKeys } from '../projects/projects.api.ts';

export type { PortalOverview, PortalSettings };
export type PortalContact = PortalOverview['contacts'][number];
export type AccessState = NonNullable<PortalContact['access']>['state'];

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
  useMutation({ mutationFn: (contactId: string) => api.post<SignedIn>(`/projects/${projectId}/portal/preview`, { contactId }) });

export const usePortalSettings = () => useQuery({ queryKey: portalKeys.settings, queryFn: () => api.get<PortalSettings>('/portal/settings') });

export function useSavePortalSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof PortalSettingsInput>) => api.put<PortalSettings>('/portal/settings', input),
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
    mutationFn: (fields: z.input<typeof FormDefinition>['fields']) =>
      api.put<FormDefinition>(`/projects/${projectId}/tasks/${taskId}/form`, { fields }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) }),
  });
}

export function useUploadTaskFile(projectId: string, taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<UploadedFile>('POST', `/projects/${projectId}/tasks/${taskId}/files`, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId) }),
  });
}

export const fileUrl = (projectId: string, fileId: string) => `/api/v1/projects/${projectId}/files/${fileId}`;
export const logoUrl = (workspaceId: string, version: number) => `/api/portal/v1/branding/${workspaceId}/logo?v=${version}`;

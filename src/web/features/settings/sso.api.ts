import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SsoSettings, SsoSettingsInput, SsoTestResult } from '../../../contract/sso.ts';
import { api } from '../../app/api.ts';

export type { SsoSettings };

const ssoKey = ['sso-settings'] as const;

export const useSsoSettings = () => useQuery({ queryKey: ssoKey, queryFn: () => api.get<SsoSettings>('/sso-settings') });

export function useSaveSsoSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof SsoSettingsInput>) => api.put<SsoSettings>('/sso-settings', input),
    onSuccess: (settings) => queryClient.setQueryData(ssoKey, settings),
  });
}

export const useTestSso = () => useMutation({ mutationFn: () => api.post<SsoTestResult>('/sso-settings/test') });

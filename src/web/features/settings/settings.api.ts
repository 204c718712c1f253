import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiToken, ApiTokenInput, CreatedApiToken } from '../../../contract/api-tokens.ts';
import type { HolidayCountry, PublicHoliday, Workspace, WorkspacePatch } from '../../../contract/workspaces.ts';
import { api } from '../../app/api.ts';
import { sessionKey, type SessionInfo } from '../auth/auth.api.ts';

export type { ApiToken, CreatedApiToken };

const tokensKey = ['api-tokens'] as const;

export const useWorkspace = () => useQuery({ queryKey: ['workspace'], queryFn: () => api.get<Workspace>('/workspace') });

export function useUpdateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: z.input<typeof WorkspacePatch>) => api.patch<Workspace>('/workspace', patch),
    onSuccess: (workspace) => {
      queryClient.setQueryData(['workspace'], workspace);
      // The sidebar shows the workspace name from the session.
      queryClient.setQueryData<SessionInfo | null>(sessionKey, (session) => (session ? { ...session, workspace } : session));
    },
  });
}

export const useApiTokens = () => useQuery({ queryKey: tokensKey, queryFn: () => api.get<ApiToken[]>('/api-tokens') });

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof ApiTokenInput>) => api.post<CreatedApiToken>('/api-tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api-tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

/** Countries and regions whose public holidays a workspace can observe: reference data, fetched once. */
export const useHolidayCountries = () =>
  useQuery({ queryKey: ['holiday-calendars'], queryFn: () => api.get<HolidayCountry[]>('/holiday-calendars'), staleTime: Infinity });

/** A country's (and region's) public holidays of a year, to show what a choice means. */
export const usePublicHolidays = (country: string, region: string, year: number) =>
  useQuery({
    queryKey: ['holiday-calendars', country, region, year],
    queryFn: () => api.get<PublicHoliday[]>(`/holiday-calendars/${country}/holidays?year=${year}${region ? `&region=${encodeURIComponent(region)}` : ''}`),
    enabled: Boolean(country),
    staleTime: Infinity,
  });

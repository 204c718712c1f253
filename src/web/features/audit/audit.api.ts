import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEntry, AuditPage, AuditSettings } from '../../../contract/audit.ts';
import { api, type Query } from '../../app/api.ts';

export type { AuditEntry };

export const useAuditLog = (query: Query) => useQuery({ queryKey: ['audit-log', query], queryFn: () => api.get<z.infer<typeof AuditPage>>('/audit-log', query) });

export const useAuditSettings = () => useQuery({ queryKey: ['audit-log', 'settings'], queryFn: () => api.get<z.infer<typeof AuditSettings>>('/audit-log/settings') });

export function useSaveAuditSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (retentionDays: number) => api.put<z.infer<typeof AuditSettings>>('/audit-log/settings', { retentionDays }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit-log'] }),
  });
}

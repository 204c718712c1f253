import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportJob, ImportKind, ImportMapping, ImportPreview } from '../../../contract/imports.ts';
import { api, withQuery, type Query } from '../../app/api.ts';

export type { ImportJob, ImportKind, ImportPreview };

export const useUploadImport = () =>
  useMutation({ mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) => api.upload<ImportPreview>('POST', `/imports?kind=${kind}`, file) });

export const usePreviewAgain = (importId: string | undefined) =>
  useMutation({ mutationFn: (mapping: ImportMapping) => api.post<ImportPreview>(`/imports/${importId}/preview`, { mapping }) });

export function useRunImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (importId: string) => api.post<ImportJob>(`/imports/${importId}/run`),
    onSuccess: (job) => queryClient.setQueryData(['imports', job.id], job),
  });
}

/** The import's progress, asked again every half second while it runs. */
export const useImportProgress = (importId: string | undefined) =>
  useQuery({
    queryKey: ['imports', importId],
    queryFn: () => api.get<ImportJob>(`/imports/${importId}`),
    enabled: Boolean(importId),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 500 : false),
  });

/** The URL of a list's CSV export, with the list's own filters. */
export const exportUrl = (path: string, query?: Query) => `/api/v1${withQuery(path, query)}`;

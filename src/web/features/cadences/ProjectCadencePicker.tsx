import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useCanWrite } from '../../app/session.tsx';
import { errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useCadences } from './cadences.api.ts';

interface ProjectCadence {
  cadence: { id: string; name: string } | null;
  planned: unknown[];
}

/** Which cadence a project follows, changeable: messages still scheduled by the old one are suppressed. */
export function ProjectCadencePicker({ projectId }: { projectId: string }) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const canWrite = useCanWrite();
  const key = ['projects', projectId, 'cadence'];
  const current = useQuery({ queryKey: key, queryFn: () => api.get<ProjectCadence>(`/projects/${projectId}/cadence`) });
  const cadences = useCadences();
  const change = useMutation({
    mutationFn: (cadenceId: string | null) => api.put<ProjectCadence>(`/projects/${projectId}/cadence`, { cadenceId }),
    onSuccess: (result) => {
      queryClient.setQueryData(key, result);
      notify(result.cadence ? `Now following “${result.cadence.name}”` : 'No cadence: no automated messages for this project');
    },
  });
  if (current.isPending || cadences.isPending) return <span className="muted">Loading…</span>;
  if (current.isError) return <span className="field-error">{errorText(current.error)}</span>;
  return (
    <>
      <select
        className="input select select-sm"
        aria-label="Cadence"
        title={current.data.cadence?.name ?? 'No cadence'}
        disabled={!canWrite || change.isPending}
        value={current.data.cadence?.id ?? ''}
        onChange={(event) => change.mutate(event.target.value || null)}
      >
        <option value="">No cadence</option>
        {(cadences.data ?? []).map((cadence) => (
          <option key={cadence.id} value={cadence.id}>
            {cadence.name}
          </option>
        ))}
      </select>
      <span className="fact-sub">
        {current.data.planned.length} message{current.data.planned.length === 1 ? '' : 's'} planned
      </span>
      {change.isError && <span className="field-error">{errorText(change.error)}</span>}
    </>
  );
}

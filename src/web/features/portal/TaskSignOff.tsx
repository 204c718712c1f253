import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SignOff, SignOffState } from '../../../contract/portal.ts';
import { api } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { FormMessage, TextAreaField } from '../../components/ui/Field.tsx';
import { errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import type { Project, ProjectTask } from '../projects/projects.api.ts';

const signOffKey = (projectId: string, taskId: string) => ['sign-off', projectId, taskId] as const;

const STATE: Record<SignOffState, { label: string; tone: 'neutral' | 'amber' | 'green' | 'red' }> = {
  none: { label: 'No sign-off', tone: 'neutral' },
  not_ready: { label: 'Not submitted yet', tone: 'neutral' },
  waiting: { label: 'Waiting for the customer', tone: 'amber' },
  approved: { label: 'Approved', tone: 'green' },
  rejected: { label: 'Changes requested', tone: 'red' },
};

/**
 * A deliverable's sign-off in the task drawer: the customer is asked only once the team submits it (or its work is
 * done), and every submission and decision is listed with who, when and what they said.
 */
export function TaskSignOff({ project, task, canWrite }: { project: Project; task: ProjectTask; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const [note, setNote] = useState('');
  const signOff = useQuery({
    queryKey: signOffKey(project.id, task.id),
    queryFn: () => api.get<SignOff>(`/projects/${project.id}/tasks/${task.id}/sign-off`),
  });
  const submit = useMutation({
    mutationFn: () => api.post<SignOff>(`/projects/${project.id}/tasks/${task.id}/sign-off-requests`, note.trim() ? { note } : {}),
    onSuccess: (saved) => {
      queryClient.setQueryData(signOffKey(project.id, task.id), saved);
      setNote('');
      notify('The customer is asked to sign off');
    },
  });
  if (!signOff.data) return <p className="muted">{signOff.error ? errorText(signOff.error) : 'Loading…'}</p>;
  const { state, requests, decisions } = signOff.data;
  const history = [
    ...requests.map((r) => ({ at: r.at, text: `${r.by} asked for the customer's sign-off${r.note ? `: “${r.note}”` : ''}` })),
    ...decisions.map((d) => ({
      at: d.at,
      text: `${d.decision === 'approved' ? 'Approved' : 'Changes requested'} by ${d.signedName}${d.signerEmail ? ` (${d.signerEmail})` : ''}${d.comment ? `: “${d.comment}”` : ''}`,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <div className="task-sign-off">
      <p>
        <Badge tone={STATE[state].tone}>{STATE[state].label}</Badge>
      </p>
      {history.length > 0 && (
        <ul className="task-sign-off-history">
          {history.map((line) => (
            <li key={`${line.at}${line.text}`}>
              <span className="muted small">{formatDateTime(line.at)}</span> {line.text}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (state === 'not_ready' || state === 'rejected') && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit.mutate();
          }}
        >
          <TextAreaField label="Note for the customer" optional value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
          <Button type="submit" size="sm" variant="primary" busy={submit.isPending}>
            Ask the customer to sign off
          </Button>
          <FormMessage message={submit.error ? errorText(submit.error) : undefined} />
        </form>
      )}
    </div>
  );
}

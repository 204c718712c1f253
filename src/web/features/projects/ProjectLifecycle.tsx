import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MEMBER_ROLE_LABELS } from '../../../core/people.ts';
import { api } from '../../app/api.ts';
import { formProblem } from '../../app/formProblem.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { Field, FormMessage } from '../../components/ui/Field.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useAssignByHand, useProjectAssignments } from '../assignment/assignment.api.ts';
import { useAssignmentSuggestions, useMemberCapacity } from '../insight/capacity.api.ts';
import { useMembers } from '../members/members.api.ts';
import { projectKeys, type Project } from './projects.api.ts';

type Change = 'pause' | 'resume' | 'close' | 'reopen';

const COPY: Record<Change, { title: string; description: string; button: string; reasonLabel: string; reasonRequired: boolean }> = {
  pause: {
    title: 'Pause this project',
    description: 'Its cadence emails and the escalation ladder stop until you resume it. The reason shows on the project.',
    button: 'Pause',
    reasonLabel: 'Why is it paused?',
    reasonRequired: true,
  },
  resume: { title: 'Resume this project', description: 'Its cadence and escalation ladder start again, and its dates are re-planned from today.', button: 'Resume', reasonLabel: 'Note', reasonRequired: false },
  close: {
    title: 'Close this project',
    description: 'It leaves the active lists and still counts in reports. You can reopen it later.',
    button: 'Close project',
    reasonLabel: 'Why is it closed?',
    reasonRequired: true,
  },
  reopen: { title: 'Reopen this project', description: 'It comes back to the active lists, re-planned from today.', button: 'Reopen', reasonLabel: 'Note', reasonRequired: false },
};

function useChangeStatus(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ change, reason, outcome }: { change: Change; reason: string; outcome: 'complete' | 'cancelled' }) => {
      const body = change === 'pause' ? { reason } : change === 'close' ? { outcome, reason } : reason.trim() ? { note: reason } : {};
      return api.post<Project>(`/projects/${projectId}/${change}`, body);
    },
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.detail(projectId), project);
      void queryClient.invalidateQueries({ queryKey: projectKeys.lists });
    },
  });
}

/** The header's buttons for the project's life: pause, resume, close, reopen, each asking its reason in a dialog. */
export function LifecycleActions({ project }: { project: Project }) {
  const [change, setChange] = useState<Change | null>(null);
  const available: Change[] = project.status === 'active' ? ['pause', 'close'] : project.status === 'paused' ? ['resume', 'close'] : ['reopen'];
  return (
    <>
      {available.map((c) => (
        <Button key={c} onClick={() => setChange(c)}>
          {COPY[c].button}
        </Button>
      ))}
      {change && <StatusDialog project={project} change={change} onClose={() => setChange(null)} />}
    </>
  );
}

function StatusDialog({ project, change, onClose }: { project: Project; change: Change; onClose: () => void }) {
  const mutation = useChangeStatus(project.id);
  const notify = useToast();
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<'complete' | 'cancelled'>('complete');
  const copy = COPY[change];
  const problem = formProblem(mutation.error, ['reason', 'outcome', 'note']);
  return (
    <Dialog title={copy.title} description={copy.description} onClose={onClose} size="sm">
      <DialogForm
        onSubmit={() => mutation.mutate({ change, reason, outcome }, { onSuccess: () => (notify(`${project.name}: ${copy.button.toLowerCase()}d`), onClose()) })}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={mutation.isPending}>
              {copy.button}
            </Button>
          </>
        }
      >
        {change === 'close' && (
          <Field label="Outcome" error={problem.fieldError('outcome')}>
            {(control) => (
              <select className="input select" {...control} value={outcome} onChange={(event) => setOutcome(event.target.value as 'complete' | 'cancelled')}>
                <option value="complete">Complete: onboarding done</option>
                <option value="cancelled">Cancelled: stopped before the end</option>
              </select>
            )}
          </Field>
        )}
        <Field label={copy.reasonLabel} optional={!copy.reasonRequired} error={problem.fieldError('reason') ?? problem.fieldError('note')}>
          {(control) => <textarea className="input" rows={3} maxLength={500} {...control} value={reason} onChange={(event) => setReason(event.target.value)} />}
        </Field>
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

/** "Paused: the customer's IT freeze" / "Closed (complete): …", in the header. */
export function StatusNote({ project }: { project: Project }) {
  if (project.status === 'active') return null;
  const label = project.status === 'paused' ? 'Paused' : `Closed (${project.closedOutcome ?? 'complete'})`;
  return (
    <p className="status-note" role="status">
      <Badge tone={project.status === 'paused' ? 'amber' : 'neutral'}>{label}</Badge> {project.statusReason}
    </p>
  );
}

/** Who manages the project and why (the rule, the account owner, a person), or "Unassigned" with a way to fix it. */
export function AssignmentNote({ project, canWrite }: { project: Project; canWrite: boolean }) {
  const assignments = useProjectAssignments(project.id);
  const members = useMembers();
  const assign = useAssignByHand(project.id);
  const [memberId, setMemberId] = useState('');
  const manager = assignments.data?.assignments.find((a) => a.role === 'onboarding_manager');
  const others = assignments.data?.assignments.filter((a) => a.role !== 'onboarding_manager' && a.member) ?? [];
  const managerCapacity = useMemberCapacity(project.onboardingManager?.id);
  const suggestions = useAssignmentSuggestions(project.id, canWrite && !project.onboardingManager);
  const ranked = suggestions.data?.candidates ?? [];
  const rest = members.data?.filter((m) => !ranked.some((c) => c.id === m.id)) ?? [];
  return (
    <div className="assignment-note">
      {managerCapacity.data?.warning && (
        <p className="callout callout-warning capacity-warning" role="status">
          {managerCapacity.data.warning.text}
        </p>
      )}
      {project.onboardingManager ? null : (
        <div className="inline-form">
          <Badge tone="red">Unassigned</Badge>
          <span className="muted">{manager?.reason ?? 'Nobody manages this project.'}</span>
          {canWrite && (
            <>
              <select className="input select" aria-label="Onboarding manager" value={memberId} onChange={(event) => setMemberId(event.target.value)}>
                <option value="">Choose a manager…</option>
                {ranked.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} — {c.roomHours >= 0 ? `${Math.round(c.roomHours)} h free in 4 weeks` : `over-booked by ${Math.round(-c.roomHours)} h`}
                  </option>
                ))}
                {rest.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
              <Button size="sm" variant="primary" disabled={!memberId} busy={assign.isPending} onClick={() => assign.mutate({ role: 'onboarding_manager', memberId })}>
                Assign
              </Button>
            </>
          )}
        </div>
      )}
      {others.length > 0 && (
        <p className="meta-text">
          {others.map((a, index) => (
            <span key={a.role} title={a.reason}>
              {index > 0 && ' · '}
              {MEMBER_ROLE_LABELS[a.role]}: <strong>{a.member!.name}</strong>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

import { useState, type ReactNode } from 'react';
import { formProblem } from '../../app/formProblem.ts';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { FormMessage, TextAreaField, TextField } from '../../components/ui/Field.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { formatShortDate, slipDays, useWorkspaceCalendar } from './dates.ts';
import { STATUS_LABELS } from './labels.tsx';
import { useUpdateTask, type Project, type ProjectTask, type TaskStatus } from './projects.api.ts';

/**
 * Changing a task's status from anywhere (plan row, board card, drawer). Done asks on which day (a past
 * day records a late finish); stuck asks what it is stuck on; the rest apply at once.
 */
export function useStatusChange(project: Project): { change: (task: ProjectTask, status: TaskStatus) => void; dialog: ReactNode; pending: boolean } {
  const update = useUpdateTask(project.id);
  const notify = useToast();
  const [asking, setAsking] = useState<{ task: ProjectTask; status: 'done' | 'stuck' } | null>(null);
  const change = (task: ProjectTask, status: TaskStatus) => {
    if (status === task.status) return;
    if (status === 'done' || status === 'stuck') {
      setAsking({ task, status });
      return;
    }
    update.mutate(
      { taskId: task.id, patch: { status } },
      { onError: (error) => notify(error.message, 'error'), onSuccess: () => notify(`${task.title}: ${STATUS_LABELS[status].toLowerCase()}`) },
    );
  };
  const dialog = asking ? (
    asking.status === 'done' ? (
      <DoneDialog project={project} task={asking.task} onClose={() => setAsking(null)} />
    ) : (
      <StuckDialog project={project} task={asking.task} onClose={() => setAsking(null)} />
    )
  ) : null;
  return { change, dialog, pending: update.isPending };
}

function DoneDialog({ project, task, onClose }: { project: Project; task: ProjectTask; onClose: () => void }) {
  const update = useUpdateTask(project.id);
  const notify = useToast();
  const calendar = useWorkspaceCalendar();
  const [doneOn, setDoneOn] = useState(project.today);
  const [reason, setReason] = useState('');
  const problem = formProblem(update.error, ['actualFinish', 'actualStart', 'reason']);
  const late = slipDays(task.baselineFinish, doneOn, calendar);
  return (
    <Dialog title={`Mark “${task.title}” done`} onClose={onClose} size="sm">
      <DialogForm
        onSubmit={() =>
          update.mutate(
            { taskId: task.id, patch: { status: 'done', actualFinish: doneOn, ...(reason.trim() ? { reason: reason.trim() } : {}) } },
            {
              onSuccess: () => {
                notify(`${task.title} done on ${formatShortDate(doneOn)}`);
                onClose();
              },
            },
          )
        }
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={update.isPending}>
              Mark done
            </Button>
          </>
        }
      >
        <div className="stack">
          <TextField
            label="Done on"
            type="date"
            required
            max={project.today}
            value={doneOn}
            onChange={(event) => setDoneOn(event.target.value)}
            error={problem.fieldError('actualFinish')}
            hint={
              task.baselineFinish
                ? late > 0
                  ? `${late} business day${late === 1 ? '' : 's'} after its baseline finish (${formatShortDate(task.baselineFinish)}): what depends on it moves${task.owner.side === 'customer' ? ', owed to the customer' : ''}.`
                  : `Planned to finish ${formatShortDate(task.baselineFinish)}.`
                : 'The day the work was finished; today unless it was earlier.'
            }
          />
          <TextField label="Note for the history" optional value={reason} onChange={(event) => setReason(event.target.value)} placeholder="e.g. Signed off in the steering meeting" />
          <FormMessage message={problem.message} />
        </div>
      </DialogForm>
    </Dialog>
  );
}

function StuckDialog({ project, task, onClose }: { project: Project; task: ProjectTask; onClose: () => void }) {
  const update = useUpdateTask(project.id);
  const notify = useToast();
  const [reason, setReason] = useState(task.stuckReason ?? '');
  const [missing, setMissing] = useState(false);
  const problem = formProblem(update.error, ['stuckReason']);
  return (
    <Dialog title={`What is “${task.title}” stuck on?`} onClose={onClose} size="sm">
      <DialogForm
        onSubmit={() => {
          if (!reason.trim()) {
            setMissing(true);
            return;
          }
          update.mutate(
            { taskId: task.id, patch: { status: 'stuck', stuckReason: reason.trim() } },
            {
              onSuccess: () => {
                notify(`${task.title} marked stuck`);
                onClose();
              },
            },
          );
        }}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="danger" busy={update.isPending}>
              Mark stuck
            </Button>
          </>
        }
      >
        <div className="stack">
          <TextAreaField
            label="Stuck on"
            required
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setMissing(false);
            }}
            error={missing ? 'is required: say what the task is waiting for' : problem.fieldError('stuckReason')}
            hint="Everyone on the project sees this, e.g. “Waiting for the customer's IT to open the firewall”."
          />
          <FormMessage message={problem.message} />
        </div>
      </DialogForm>
    </Dialog>
  );
}

import { useState } from 'react';
import { formatDate } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { FormMessage, TextField } from '../../components/ui/Field.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useUpdateProject, type Project } from './projects.api.ts';

const DAY_MS = 86_400_000;
const calendarDaysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** What a new day 0 moves, in words, before the manager confirms it. */
export function day0Consequence(project: Pick<Project, 'day0' | 'tasks'>, next: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(next) || Number.isNaN(Date.parse(next)) || next === project.day0) return null;
  const days = calendarDaysBetween(project.day0, next);
  const notStarted = project.tasks.filter((task) => task.status === 'not_started').length;
  const kept = project.tasks.length - notStarted;
  const direction = days > 0 ? `${days} day${days === 1 ? '' : 's'} later` : `${-days} day${days === -1 ? '' : 's'} earlier`;
  const moving = `${notStarted} task${notStarted === 1 ? '' : 's'} not started move${notStarted === 1 ? 's' : ''} with it, baseline included, on business days`;
  const staying = kept > 0 ? `; ${kept} started or done keep${kept === 1 ? 's' : ''} ${kept === 1 ? 'its' : 'their'} dates` : '';
  return `Day 0 moves ${direction}, from ${formatDate(project.day0)} to ${formatDate(next)}. ${moving}${staying}. Nothing already done is lost, and the change is kept in the history.`;
}

/** Give the project its own day 0 (a later kick-off, a contract date entered wrong): the plan moves with it. */
export function Day0Dialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const [day0, setDay0] = useState(project.day0);
  const update = useUpdateProject(project.id);
  const notify = useToast();
  const problem = formProblem(update.error, ['day0']);
  const consequence = day0Consequence(project, day0);

  const submit = () =>
    update.mutate(
      { day0 },
      {
        onSuccess: (next) => {
          notify(`Day 0 is now ${formatDate(next.day0)}; the plan moved with it`);
          onClose();
        },
      },
    );

  return (
    <Dialog title="Change day 0" description="Dates of this project count from its day 0, the account's contract signed date unless you set another." onClose={onClose}>
      <DialogForm
        onSubmit={submit}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={update.isPending} disabled={!consequence}>
              Move day 0 and re-plan
            </Button>
          </>
        }
      >
        <TextField label="Day 0" type="date" required value={day0} onChange={(event) => setDay0(event.target.value)} error={problem.fieldError('day0')} />
        {consequence && (
          <div className="callout" role="status">
            {consequence}
          </div>
        )}
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

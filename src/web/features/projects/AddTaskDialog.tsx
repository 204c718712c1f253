import { useState } from 'react';
import type { PlaybookMilestoneKind } from '../../../core/playbooks/definition.ts';
import { formProblem } from '../../app/formProblem.ts';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { Field, FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { milestoneOptions, ownerGroups, parseOwner } from './labels.tsx';
import { useAddTask, type Project } from './projects.api.ts';
import './projects.css';

/** A task the playbook did not have, added to this project only. */
export function AddTaskDialog({ project, onClose, onAdded }: { project: Project; onClose: () => void; onAdded: (taskId: string) => void }) {
  const add = useAddTask(project.id);
  const notify = useToast();
  const [title, setTitle] = useState('');
  const [stage, setStage] = useState(project.stage ?? project.stages[0]?.key ?? '');
  const [owner, setOwner] = useState('vendor:onboarding_manager');
  const [duration, setDuration] = useState('1');
  const [after, setAfter] = useState('');
  const [milestoneKind, setMilestoneKind] = useState('');
  const [customerVisible, setCustomerVisible] = useState(true);
  const problem = formProblem(add.error, ['title', 'stage', 'owner', 'durationDays', 'dependsOn']);
  const submit = () =>
    add.mutate(
      {
        title,
        stage,
        owner: parseOwner(owner),
        durationDays: milestoneKind ? 0 : Number(duration),
        dependsOn: after ? [{ taskId: after, lagDays: 0 }] : [],
        milestoneKind: (milestoneKind || null) as PlaybookMilestoneKind | null,
        customerVisible,
      },
      {
        onSuccess: (added) => {
          notify(`${title} added`);
          onClose();
          onAdded(added.task.id);
        },
      },
    );
  return (
    <Dialog title="Add a task" description="It joins this project's plan only; the playbook stays as it is." onClose={onClose}>
      <DialogForm
        onSubmit={submit}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={add.isPending}>
              Add task
            </Button>
          </>
        }
      >
        <div className="form-grid">
          <TextField label="Title" fieldClassName="span-2" value={title} onChange={(event) => setTitle(event.target.value)} error={problem.fieldError('title')} required />
          <SelectField label="Stage" value={stage} options={project.stages.map((s) => ({ value: s.key, label: s.name }))} onChange={(event) => setStage(event.target.value)} error={problem.fieldError('stage')} />
          <Field label="Owner" error={problem.fieldError('owner')}>
            {(control) => (
              <select className="input select" {...control} value={owner} onChange={(event) => setOwner(event.target.value)}>
                {ownerGroups.map((group) => (
                  <optgroup key={group.label} label={group.label}>
                    {group.options.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <SelectField label="Milestone" optional value={milestoneKind} options={milestoneOptions} placeholder="Not a milestone" onChange={(event) => setMilestoneKind(event.target.value)} />
          <TextField
            label="Duration (business days)"
            type="number"
            min={0}
            value={milestoneKind ? '0' : duration}
            disabled={Boolean(milestoneKind)}
            onChange={(event) => setDuration(event.target.value)}
            error={problem.fieldError('durationDays')}
          />
          <SelectField
            label="Starts after"
            optional
            fieldClassName="span-2"
            value={after}
            options={project.tasks.map((task) => ({ value: task.id, label: task.title }))}
            placeholder="No predecessor (starts from today)"
            onChange={(event) => setAfter(event.target.value)}
            error={problem.fieldError('dependsOn')}
          />
          <label className="checkbox span-2">
            <input type="checkbox" checked={customerVisible} onChange={(event) => setCustomerVisible(event.target.checked)} />
            The customer sees this task in their portal
          </label>
        </div>
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

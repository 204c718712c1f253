import { useState } from 'react';
import { formProblem } from '../../app/formProblem.ts';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { Field, FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { useContacts } from '../contacts/contacts.api.ts';
import { useMembers } from '../members/members.api.ts';
import type { Project } from '../projects/projects.api.ts';
import { planApi, usePlanChange, type MetricDirection, type MetricInput, type SuccessMetric } from './success-plans.api.ts';

const FIELDS = ['name', 'unit', 'direction', 'baseline', 'target', 'targetDate', 'owner'] as const;
const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** Adds a success metric to an outcome, or changes one. */
export function MetricDialog({ project, outcomeId, metric, onClose }: { project: Project; outcomeId: string; metric?: SuccessMetric; onClose: () => void }) {
  const members = useMembers();
  const contacts = useContacts(project.accountId, 'current');
  const [values, setValues] = useState({
    name: metric?.name ?? '',
    unit: metric?.unit ?? '',
    direction: (metric?.direction ?? 'increase') as MetricDirection,
    baseline: metric ? String(metric.baseline) : '',
    target: metric ? String(metric.target) : '',
    targetDate: metric?.targetDate ?? '',
    owner: metric?.owner ? `${metric.owner.kind}:${metric.owner.id}` : '',
  });
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value }));
  const input = (): MetricInput => {
    const [kind, id] = values.owner.split(':');
    return {
      name: values.name,
      unit: values.unit,
      direction: values.direction,
      baseline: number(values.baseline),
      target: number(values.target),
      targetDate: values.targetDate,
      owner: kind && id ? { kind: kind as 'member' | 'contact', id } : null,
    };
  };
  const save = usePlanChange(project.id, () => (metric ? planApi.updateMetric(metric.id, input()) : planApi.addMetric(outcomeId, input())));
  const problem = formProblem(save.error, FIELDS);
  return (
    <Dialog
      title={metric ? `Edit ${metric.name}` : 'Add a success metric'}
      description="What will be measured, from which baseline, to which target, by when, and who measures it."
      onClose={onClose}
    >
      <DialogForm
        onSubmit={() => save.mutate(undefined, { onSuccess: onClose })}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={save.isPending}>
              {metric ? 'Save metric' : 'Add metric'}
            </Button>
          </>
        }
      >
        <div className="form-grid">
          <TextField label="Name" fieldClassName="span-2" placeholder="Support tickets a week" value={values.name} onChange={set('name')} error={problem.fieldError('name')} />
          <TextField label="Unit" optional placeholder="tickets, %, hours…" value={values.unit} onChange={set('unit')} error={problem.fieldError('unit')} />
          <SelectField
            label="Better when it"
            value={values.direction}
            options={[
              { value: 'increase', label: 'goes up' },
              { value: 'decrease', label: 'goes down' },
            ]}
            onChange={set('direction')}
            error={problem.fieldError('direction')}
          />
          <TextField label="Baseline" type="number" step="any" inputMode="decimal" value={values.baseline} onChange={set('baseline')} error={problem.fieldError('baseline')} hint="Where it stands today." />
          <TextField label="Target" type="number" step="any" inputMode="decimal" value={values.target} onChange={set('target')} error={problem.fieldError('target')} />
          <TextField label="Target date" type="date" value={values.targetDate} onChange={set('targetDate')} error={problem.fieldError('targetDate')} />
          <Field label="Owner" optional error={problem.fieldError('owner')}>
            {(control) => (
              <select className="input select" {...control} value={values.owner} onChange={set('owner')}>
                <option value="">Nobody yet</option>
                <optgroup label="Customer">
                  {(contacts.data ?? []).map((contact) => (
                    <option key={contact.id} value={`contact:${contact.id}`}>
                      {contact.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Our team">
                  {(members.data ?? []).map((member) => (
                    <option key={member.id} value={`member:${member.id}`}>
                      {member.name}
                    </option>
                  ))}
                </optgroup>
              </select>
            )}
          </Field>
        </div>
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

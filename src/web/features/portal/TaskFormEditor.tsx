import { useState } from 'react';
import { isApiError } from '../../app/api.ts';
import { formatDateTime, formatRelative } from '../../app/format.ts';
import { Button } from '../../components/ui/Button.tsx';
import { FormMessage, Select } from '../../components/ui/Field.tsx';
import { errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import type { FormFieldType } from '../../../core/portal/forms.ts';
import type { FormField, Project, ProjectTask } from '../projects/projects.api.ts';
import { assignKeys } from './formKeys.ts';
import { fileUrl, useSaveTaskForm } from './portal.api.ts';
import './portal.css';

const TYPE_LABELS: Record<FormFieldType, string> = {
  text: 'Text',
  choice: 'Choice',
  date: 'Date',
  number: 'Number',
  yes_no: 'Yes / no',
  file: 'File',
};
const typeOptions = Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label }));

interface Draft {
  id: number;
  /** Set once saved: answers are stored under it, so it never changes afterwards. */
  key?: string | undefined;
  label: string;
  type: FormFieldType;
  required: boolean;
  options: string;
}

let nextId = 1;
const toDraft = (field: FormField): Draft => ({
  id: nextId++,
  key: field.key,
  label: field.label,
  type: field.type,
  required: field.required,
  options: (field.options ?? []).join('\n'),
});
const blank = (): Draft => ({ id: nextId++, label: '', type: 'text', required: false, options: '' });

/** The customer's form on a task: the answers they gave, and (for the team) the editor of its fields. */
export function TaskFormSection({ project, task, canWrite }: { project: Project; task: ProjectTask; canWrite: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <div className="task-form">
      {task.form ? <FormAnswers project={project} task={task} form={task.form} /> : !editing && <p className="muted">No form: add one to collect details from the customer (admin email, plan, go-live date…).</p>}
      {canWrite &&
        (editing ? (
          <FormEditor project={project} task={task} onDone={() => setEditing(false)} />
        ) : (
          <Button size="sm" onClick={() => setEditing(true)}>
            {task.form ? 'Edit form' : 'Add a form'}
          </Button>
        ))}
    </div>
  );
}

function answerText(field: FormField, value: string | number | boolean | null | undefined, task: ProjectTask, projectId: string) {
  if (value === null || value === undefined || value === '') return <span className="muted">Not answered</span>;
  if (field.type === 'yes_no') return value ? 'Yes' : 'No';
  if (field.type === 'file') {
    const file = task.files.find((f) => f.id === value);
    return file ? <a href={fileUrl(projectId, file.id)}>{file.fileName}</a> : <span className="muted">File uploaded</span>;
  }
  return String(value);
}

function FormAnswers({ project, task, form }: { project: Project; task: ProjectTask; form: FormField[] }) {
  const answers = task.formAnswers ?? {};
  return (
    <div className="task-form-answers">
      {task.formAnsweredAt ? (
        <p className="muted small">
          Answered by {task.formAnsweredBy} · <span title={formatDateTime(task.formAnsweredAt)}>{formatRelative(task.formAnsweredAt)}</span>
        </p>
      ) : (
        <p className="muted small">The customer has not answered yet.</p>
      )}
      <dl className="drawer-facts">
        {form.map((field) => (
          <div key={field.key} className="task-form-answer">
            <dt>
              {field.label}
              {field.required && <span aria-label="required"> *</span>}
            </dt>
            <dd>{answerText(field, answers[field.key], task, project.id)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function FormEditor({ project, task, onDone }: { project: Project; task: ProjectTask; onDone: () => void }) {
  const [drafts, setDrafts] = useState<Draft[]>(() => (task.form?.length ? task.form.map(toDraft) : [blank()]));
  const save = useSaveTaskForm(project.id, task.id);
  const notify = useToast();
  const errors = fieldErrors(save.error);
  const change = (id: number, patch: Partial<Draft>) => setDrafts((all) => all.map((d) => (d.id === id ? { ...d, ...patch } : d)));
  const move = (index: number, by: number) =>
    setDrafts((all) => {
      const next = [...all];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });

  const submit = () => {
    const keys = assignKeys(drafts.map((d) => ({ key: d.key, label: d.label })));
    const fields: FormField[] = drafts.map((d, index) => ({
      key: keys[index]!,
      label: d.label.trim(),
      type: d.type,
      required: d.required,
      ...(d.type === 'choice' ? { options: d.options.split('\n').map((o) => o.trim()).filter(Boolean) } : {}),
    }));
    save.mutate(fields.length ? fields : null, {
      onSuccess: () => {
        notify(fields.length ? 'Form saved: the customer fills it in from their portal' : 'Form removed');
        onDone();
      },
    });
  };

  return (
    <form
      className="task-form-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <ol className="task-form-fields">
        {drafts.map((draft, index) => {
          const problems = errors.get(index);
          return (
            <li key={draft.id} className={problems ? 'task-form-field field-invalid' : 'task-form-field'}>
              <fieldset>
                <legend className="sr-only">Field {index + 1}</legend>
                <div className="task-form-row">
                  <input
                    className="input"
                    aria-label={`Field ${index + 1} label`}
                    placeholder="Label, e.g. Admin email"
                    value={draft.label}
                    onChange={(event) => change(draft.id, { label: event.target.value })}
                  />
                  <Select
                    aria-label={`Field ${index + 1} type`}
                    value={draft.type}
                    options={typeOptions}
                    onChange={(event) => change(draft.id, { type: event.target.value as FormFieldType })}
                  />
                </div>
                {draft.type === 'choice' && (
                  <textarea
                    className="input textarea"
                    aria-label={`Field ${index + 1} options, one per line`}
                    placeholder={'Options, one per line'}
                    rows={3}
                    value={draft.options}
                    onChange={(event) => change(draft.id, { options: event.target.value })}
                  />
                )}
                <div className="task-form-row task-form-tools">
                  <label className="checkbox">
                    <input type="checkbox" checked={draft.required} onChange={(event) => change(draft.id, { required: event.target.checked })} /> Required
                  </label>
                  <span className="task-form-buttons">
                    <Button size="sm" variant="ghost" aria-label={`Move field ${index + 1} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                      ↑
                    </Button>
                    <Button size="sm" variant="ghost" aria-label={`Move field ${index + 1} down`} disabled={index === drafts.length - 1} onClick={() => move(index, 1)}>
                      ↓
                    </Button>
                    <Button size="sm" variant="ghost" className="btn-danger-text" onClick={() => setDrafts((all) => all.filter((d) => d.id !== draft.id))}>
                      Remove
                    </Button>
                  </span>
                </div>
                {problems && (
                  <ul className="field-error">
                    {problems.map((message) => (
                      <li key={message}>{message}</li>
                    ))}
                  </ul>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <Button size="sm" variant="ghost" onClick={() => setDrafts((all) => [...all, blank()])}>
        + Add a field
      </Button>
      <FormMessage message={save.error && errors.size === 0 ? errorText(save.error) : errors.size ? 'Please correct the fields marked above.' : undefined} />
      <div className="form-actions">
        <Button size="sm" onClick={onDone}>
          Cancel
        </Button>
        {task.form && (
          <Button size="sm" variant="ghost" className="btn-danger-text" busy={save.isPending && save.variables === null} onClick={() => save.mutate(null, { onSuccess: () => { notify('Form removed'); onDone(); } })}>
            Remove form
          </Button>
        )}
        <Button size="sm" type="submit" variant="primary" busy={save.isPending && save.variables !== null}>
          Save form
        </Button>
      </div>
    </form>
  );
}

const PART_NAMES: Record<string, string> = { key: 'Key', label: 'Label', type: 'Type', options: 'Options', required: 'Required' };

/** The server's complaints by field index: paths look like ['body', 'fields', 0, 'options']. */
function fieldErrors(error: unknown): Map<number, string[]> {
  const byIndex = new Map<number, string[]>();
  if (!isApiError(error)) return byIndex;
  for (const entry of error.problem.errors) {
    const [, list, index, part] = entry.path;
    if (list !== 'fields' || typeof index !== 'number') continue;
    const name = typeof part === 'string' ? PART_NAMES[part] ?? part : undefined;
    byIndex.set(index, [...(byIndex.get(index) ?? []), name ? `${name}: ${entry.message}` : entry.message]);
  }
  return byIndex;
}

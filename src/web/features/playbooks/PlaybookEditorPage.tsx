import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { todayInTimeZone } from '../../../core/calendar.ts';
import type { PlaybookDefinition, PlaybookTask } from '../../../core/playbooks/definition.ts';
import { COMPLEXITIES, SEGMENTS, SEGMENT_LABELS, TOUCH_MODELS, TOUCH_MODEL_LABELS } from '../../../core/people.ts';
import { isApiError } from '../../app/api.ts';
import { formatDate } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useCanWrite, useSession } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, SelectField, TextAreaField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { COMPLEXITY_LABELS } from '../accounts/labels.tsx';
import { useWorkspaceCalendar } from '../projects/dates.ts';
import { GanttChart } from '../projects/GanttChart.tsx';
import { milestoneOptions, ownerGroups, ownerValue, parseOwner } from '../projects/labels.tsx';
import { GanttLegend } from '../projects/ProjectGantt.tsx';
import {
  addStage,
  addTask,
  describeIssuePath,
  emptyDefinition,
  moveItem,
  previewPlaybook,
  rekeyStage,
  rekeyTask,
  removeStage,
  removeTask,
  renameStage,
  stageInUse,
  updateTask,
} from './playbookDraft.ts';
import { exportUrl, useArchivePlaybook, useCreatePlaybook, usePlaybook, useRestorePlaybook, useSavePlaybook, type Playbook } from './playbooks.api.ts';
import './playbooks.css';

export function PlaybookEditorPage() {
  const { id = 'new' } = useParams();
  if (id === 'new') return <PlaybookEditor key="new" initial={emptyDefinition()} />;
  return <ExistingPlaybook id={id} />;
}

function ExistingPlaybook({ id }: { id: string }) {
  const playbook = usePlaybook(id);
  if (playbook.isPending) return <LoadingState label="Loading playbook…" />;
  if (playbook.isError) {
    return (
      <div className="page">
        {isApiError(playbook.error, 404) ? (
          <div className="card">
            <EmptyState title="This playbook doesn't exist" action={<ButtonLink to="/playbooks" variant="primary">Back to playbooks</ButtonLink>}>
              It may have been removed, or the link is wrong.
            </EmptyState>
          </div>
        ) : (
          <ErrorState title="Could not load this playbook" error={playbook.error} onRetry={() => void playbook.refetch()} />
        )}
      </div>
    );
  }
  // A saved version remounts the editor on what the server kept.
  return <PlaybookEditor key={`${playbook.data.id}-${playbook.data.version}`} initial={playbook.data.definition} playbook={playbook.data} />;
}

// Task and stage problems show on their row; the detail (e.g. the cycle) stays at the top as well.
const FIELDS = ['name', 'description', 'touchModel', 'targetDays', 'selection'];

function PlaybookEditor({ initial, playbook }: { initial: PlaybookDefinition; playbook?: Playbook }) {
  const canWrite = useCanWrite();
  const { workspace } = useSession();
  const calendar = useWorkspaceCalendar();
  const navigate = useNavigate();
  const notify = useToast();
  const [draft, setDraft] = useState<PlaybookDefinition>(() => ({ ...initial, description: initial.description ?? '' }));
  const [today] = useState(() => todayInTimeZone(Date.now(), workspace.timezone));
  const [day0, setDay0] = useState(today);
  const create = useCreatePlaybook();
  const save = useSavePlaybook(playbook?.id ?? '');
  const mutation = playbook ? save : create;
  useDocumentTitle(playbook ? playbook.name : 'New playbook');

  const dirty = JSON.stringify(draft) !== JSON.stringify({ ...initial, description: initial.description ?? '' });
  const problem = formProblem(mutation.error, FIELDS);
  const issues = useMemo(() => (isApiError(mutation.error) ? mutation.error.problem.errors : []), [mutation.error]);
  const issuesAt = (section: 'tasks' | 'stages', index: number) =>
    issues.filter((issue) => issue.path[1] === section && issue.path[2] === index).map((issue) => issue.message);
  const preview = useMemo(() => previewPlaybook(draft, /^\d{4}-\d{2}-\d{2}$/.test(day0) ? day0 : today, calendar), [draft, day0, today, calendar]);

  const submit = () => {
    const definition: PlaybookDefinition = { ...draft, description: draft.description?.trim() ? draft.description : undefined } as PlaybookDefinition;
    if (!definition.description) delete definition.description;
    mutation.mutate(definition, {
      onSuccess: (saved) => {
        notify(playbook ? `Saved as version ${saved.version}` : `${saved.name} created`);
        if (!playbook) void navigate(`/playbooks/${saved.id}`, { replace: true });
      },
    });
  };
  const set = (change: Partial<PlaybookDefinition>) => setDraft((current) => ({ ...current, ...change }));
  const setTask = (index: number, change: Partial<PlaybookTask>) => setDraft((current) => updateTask(current, index, change));
  const readOnly = !canWrite;

  return (
    <div className="page page-wide">
      <PageHeader
        breadcrumb={<Link to="/playbooks">Playbooks</Link>}
        title={playbook ? playbook.name : 'New playbook'}
        meta={
          playbook && (
            <>
              <Badge>Version {playbook.version}</Badge>
              {playbook.builtin && <Badge tone="blue">Built-in</Badge>}
              {playbook.archivedAt && <Badge tone="red">Archived</Badge>}
              {dirty && <Badge tone="amber">Unsaved changes</Badge>}
            </>
          )
        }
        actions={
          <>
            {playbook && (
              <a className="btn btn-secondary" href={exportUrl(playbook.id)} download>
                Export JSON
              </a>
            )}
            {playbook && canWrite && <ArchiveButton playbook={playbook} />}
            {canWrite && (
              <Button variant="primary" busy={mutation.isPending} disabled={playbook ? !dirty : false} onClick={submit}>
                {playbook ? `Save as version ${playbook.currentVersion + 1}` : 'Create playbook'}
              </Button>
            )}
          </>
        }
      />
      {playbook && canWrite && (
        <p className="callout" role="note">
          Saving makes a new version (v{playbook.currentVersion + 1}). Projects already running keep the version they started from and are told that an update exists.
        </p>
      )}
      <FormMessage message={problem.message} />

      <form
        className="playbook-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <fieldset className="card form-card" disabled={readOnly}>
          <div className="form-grid">
            <TextField label="Name" value={draft.name} onChange={(event) => set({ name: event.target.value })} error={problem.fieldError('name')} required />
            <div className="form-grid form-grid-inner">
              <SelectField
                label="Touch model"
                value={draft.touchModel}
                options={TOUCH_MODELS.map((value) => ({ value, label: TOUCH_MODEL_LABELS[value] }))}
                onChange={(event) => set({ touchModel: event.target.value as PlaybookDefinition['touchModel'] })}
                error={problem.fieldError('touchModel')}
              />
              <TextField
                label="Target days"
                type="number"
                min={1}
                value={String(draft.targetDays)}
                onChange={(event) => set({ targetDays: Number(event.target.value) })}
                error={problem.fieldError('targetDays')}
                hint="Typical length from day 0"
              />
            </div>
            <TextAreaField label="Description" optional fieldClassName="span-2" rows={2} value={draft.description ?? ''} onChange={(event) => set({ description: event.target.value })} error={problem.fieldError('description')} />
          </div>
          <div className="selection-rule">
            <p className="field-label">Fits accounts (empty means any)</p>
            <div className="selection-grid">
              <CheckGroup
                label="Segments"
                options={SEGMENTS.map((value) => ({ value, label: SEGMENT_LABELS[value] }))}
                values={draft.selection.segments}
                onChange={(segments) => set({ selection: { ...draft.selection, segments: segments as PlaybookDefinition['selection']['segments'] } })}
              />
              <CheckGroup
                label="Complexities"
                options={COMPLEXITIES.map((value) => ({ value, label: COMPLEXITY_LABELS[value] }))}
                values={draft.selection.complexities}
                onChange={(complexities) => set({ selection: { ...draft.selection, complexities: complexities as PlaybookDefinition['selection']['complexities'] } })}
              />
              <ProductsInput products={draft.selection.products} onChange={(products) => set({ selection: { ...draft.selection, products } })} />
            </div>
            {problem.fieldError('selection') && <p className="field-error">{problem.fieldError('selection')}</p>}
          </div>
        </fieldset>

        <EditorSection title="Stages" description="In order. A stage with tasks cannot be removed until its tasks move elsewhere.">
          <fieldset className="card stage-list" disabled={readOnly}>
            <ol>
              {draft.stages.map((stage, index) => {
                const used = stageInUse(draft, stage.key);
                const errors = issuesAt('stages', index);
                return (
                  <li key={`${stage.key}-${index}`} className={errors.length ? 'has-error' : ''}>
                    <span className="stage-number">{index + 1}</span>
                    <input
                      className="input"
                      aria-label={`Stage ${index + 1} name`}
                      value={stage.name}
                      onChange={(event) => setDraft((current) => renameStage(current, index, event.target.value))}
                      onBlur={() => setDraft((current) => rekeyStage(current, index))}
                    />
                    <span className="muted stage-used">{used} task{used === 1 ? '' : 's'}</span>
                    <IconButton label={`Move ${stage.name} up`} disabled={index === 0} onClick={() => set({ stages: moveItem(draft.stages, index, -1) })}>
                      ↑
                    </IconButton>
                    <IconButton label={`Move ${stage.name} down`} disabled={index === draft.stages.length - 1} onClick={() => set({ stages: moveItem(draft.stages, index, 1) })}>
                      ↓
                    </IconButton>
                    <IconButton
                      label={used ? `${stage.name} has tasks: move them first` : `Remove ${stage.name}`}
                      disabled={used > 0 || draft.stages.length === 1}
                      onClick={() => setDraft((current) => removeStage(current, index))}
                    >
                      ×
                    </IconButton>
                    {errors.length > 0 && <p className="field-error row-error">{errors.join('; ')}</p>}
                  </li>
                );
              })}
            </ol>
            <Button size="sm" onClick={() => setDraft(addStage)}>
              Add stage
            </Button>
          </fieldset>
        </EditorSection>

        <EditorSection
          title="Tasks"
          count={draft.tasks.length}
          description="Durations and lags in business days; offset in calendar days from day 0 (the earliest start). A milestone takes 0 days."
          actions={
            canWrite && (
              <Button size="sm" onClick={() => setDraft((current) => addTask(current))}>
                Add task
              </Button>
            )
          }
        >
          {draft.tasks.length === 0 ? (
            <div className="card">
              <EmptyState title="No tasks yet" action={canWrite && <Button variant="primary" onClick={() => setDraft((current) => addTask(current))}>Add the first task</Button>}>
                Add the work of an onboarding: who does it, how long it takes, and what it waits for.
              </EmptyState>
            </div>
          ) : (
            <fieldset className="card card-flush" disabled={readOnly}>
              <div className="table-wrap">
                <table className="table task-editor">
                  <caption className="sr-only">Tasks of the playbook</caption>
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">Title</th>
                      <th scope="col">Stage</th>
                      <th scope="col">Owner</th>
                      <th scope="col">Days</th>
                      <th scope="col" title="Hours of work for the owner; empty: the default for the kind of task">Hours</th>
                      <th scope="col">Offset</th>
                      <th scope="col">Depends on (lag)</th>
                      <th scope="col">Milestone</th>
                      <th scope="col">Flags</th>
                      <th scope="col">
                        <span className="sr-only">Remove</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {draft.tasks.map((task, index) => (
                      <TaskEditorRow
                        key={index}
                        index={index}
                        task={task}
                        draft={draft}
                        errors={issuesAt('tasks', index)}
                        onChange={(change) => setTask(index, change)}
                        onBlurTitle={() => setDraft((current) => rekeyTask(current, index))}
                        onRemove={() => setDraft((current) => removeTask(current, index))}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            </fieldset>
          )}
        </EditorSection>

        <EditorSection
          title="Preview"
          description="The plan this playbook lays out, computed here with the same engine as projects (business days of the workspace calendar)."
          actions={
            <label className="mini-field mini-field-inline">
              <span>Day 0</span>
              <input className="input input-sm" type="date" value={day0} onChange={(event) => setDay0(event.target.value)} />
            </label>
          }
        >
          {preview.problem ? (
            <div className="form-message" role="status">
              Preview unavailable — {preview.problem}
            </div>
          ) : preview.rows.length === 0 ? (
            <p className="muted card card-pad">Add tasks to see the timeline.</p>
          ) : (
            <div className="card card-flush">
              <p className="preview-summary">
                Ends {formatDate(preview.end)} · target {draft.targetDays} days ({formatDate(addDays(/^\d{4}-\d{2}-\d{2}$/.test(day0) ? day0 : today, draft.targetDays))})
              </p>
              <GanttLegend preview />
              <GanttChart compact rows={preview.rows} links={preview.links} today={null} label={`Preview of ${draft.name || 'the playbook'}`} />
            </div>
          )}
        </EditorSection>
        {canWrite && (
          <div className="form-actions">
            <FormMessage message={problem.message} />
            <Button type="submit" variant="primary" busy={mutation.isPending} disabled={playbook ? !dirty : false}>
              {playbook ? `Save as version ${playbook.currentVersion + 1}` : 'Create playbook'}
            </Button>
          </div>
        )}
      </form>
    </div>
  );
}

const addDays = (iso: string, days: number): string => {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

function EditorSection({ title, description, count, actions, children }: { title: string; description?: string; count?: number; actions?: ReactNode; children: ReactNode }) {
  const id = `editor-${title.toLowerCase()}`;
  return (
    <section className="section" aria-labelledby={id}>
      <header className="section-header">
        <div>
          <h2 className="section-title" id={id}>
            {title}
            {count !== undefined && <span className="section-count">{count}</span>}
          </h2>
          {description && <p className="section-description">{description}</p>}
        </div>
        {actions && <div className="section-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

function IconButton({ label, disabled, onClick, children }: { label: string; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="icon-button" aria-label={label} title={label} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}

function CheckGroup({ label, options, values, onChange }: { label: string; options: { value: string; label: string }[]; values: readonly string[]; onChange: (values: string[]) => void }) {
  return (
    <fieldset className="check-group">
      <legend>{label}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            checked={values.includes(option.value)}
            onChange={(event) => onChange(event.target.checked ? [...values, option.value] : values.filter((value) => value !== option.value))}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

function ProductsInput({ products, onChange }: { products: string[]; onChange: (products: string[]) => void }) {
  const [text, setText] = useState(products.join(', '));
  return (
    <TextField
      label="Products"
      hint="Comma-separated; the account bought at least one"
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={() =>
        onChange(
          text
            .split(',')
            .map((value) => value.trim())
            .filter(Boolean),
        )
      }
    />
  );
}

function TaskEditorRow({
  index,
  task,
  draft,
  errors,
  onChange,
  onBlurTitle,
  onRemove,
}: {
  index: number;
  task: PlaybookTask;
  draft: PlaybookDefinition;
  errors: string[];
  onChange: (change: Partial<PlaybookTask>) => void;
  onBlurTitle: () => void;
  onRemove: () => void;
}) {
  const name = task.title || `task ${index + 1}`;
  const titleOf = new Map(draft.tasks.map((t) => [t.key, t.title || t.key]));
  const dependsOn = task.dependsOn ?? [];
  const candidates = draft.tasks.filter((t) => t.key !== task.key && !dependsOn.some((d) => d.task === t.key));
  return (
    <>
      <tr className={errors.length ? 'has-error' : ''}>
        <td className="muted num">{index + 1}</td>
        <td className="task-title-cell">
          <input className="input input-sm" aria-label={`Title of task ${index + 1}`} placeholder="What is done" value={task.title} onChange={(event) => onChange({ title: event.target.value })} onBlur={onBlurTitle} />
        </td>
        <td>
          <select className="input select select-sm" aria-label={`Stage of ${name}`} value={task.stage} onChange={(event) => onChange({ stage: event.target.value })}>
            {!draft.stages.some((s) => s.key === task.stage) && <option value={task.stage}>{task.stage} (unknown)</option>}
            {draft.stages.map((stage) => (
              <option key={stage.key} value={stage.key}>
                {stage.name}
              </option>
            ))}
          </select>
        </td>
        <td>
          <select className="input select select-sm" aria-label={`Owner of ${name}`} value={ownerValue(task.owner)} onChange={(event) => onChange({ owner: parseOwner(event.target.value) })}>
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
        </td>
        <td>
          <input
            className="input input-sm input-num"
            type="number"
            min={0}
            aria-label={`Duration of ${name} in business days`}
            value={task.durationDays}
            onChange={(event) => onChange({ durationDays: Number(event.target.value) })}
          />
        </td>
        <td>
          <input
            className="input input-sm input-num"
            type="number"
            min={0}
            step={0.5}
            aria-label={`Hours of work for ${name}`}
            placeholder="auto"
            value={task.effortHours ?? ''}
            onChange={(event) => onChange({ effortHours: event.target.value === '' ? null : Number(event.target.value) })}
          />
        </td>
        <td>
          <input
            className="input input-sm input-num"
            type="number"
            aria-label={`Start offset of ${name} in days from day 0`}
            placeholder="—"
            value={task.startOffsetDays ?? ''}
            onChange={(event) => onChange({ startOffsetDays: event.target.value === '' ? null : Number(event.target.value) })}
          />
        </td>
        <td className="deps-cell">
          <ul className="dep-chips">
            {dependsOn.map((dependency, k) => (
              <li key={dependency.task} className="dep-chip">
                <span className="dep-title" title={titleOf.get(dependency.task) ?? dependency.task}>
                  {titleOf.get(dependency.task) ?? dependency.task}
                </span>
                <input
                  className="input input-xs"
                  type="number"
                  aria-label={`Lag after ${titleOf.get(dependency.task) ?? dependency.task} in business days`}
                  value={dependency.lagDays ?? 0}
                  onChange={(event) => onChange({ dependsOn: dependsOn.map((d, i) => (i === k ? { ...d, lagDays: Number(event.target.value) || 0 } : d)) })}
                />
                <button type="button" className="chip-remove" aria-label={`${name} no longer depends on ${titleOf.get(dependency.task) ?? dependency.task}`} onClick={() => onChange({ dependsOn: dependsOn.filter((_, i) => i !== k) })}>
                  ×
                </button>
              </li>
            ))}
          </ul>
          <select
            className="input select select-sm dep-add"
            aria-label={`Add a task ${name} depends on`}
            value=""
            onChange={(event) => event.target.value && onChange({ dependsOn: [...dependsOn, { task: event.target.value, lagDays: 0 }] })}
          >
            <option value="">+ depends on…</option>
            {candidates.map((t) => (
              <option key={t.key} value={t.key}>
                {t.title || t.key}
              </option>
            ))}
          </select>
        </td>
        <td>
          <select
            className="input select select-sm"
            aria-label={`Milestone kind of ${name}`}
            value={task.milestoneKind ?? ''}
            onChange={(event) => onChange(event.target.value ? { milestoneKind: event.target.value as PlaybookTask['milestoneKind'], durationDays: 0 } : { milestoneKind: null })}
          >
            <option value="">—</option>
            {milestoneOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </td>
        <td className="flags-cell">
          <Flag label="Customer sees it" short="Visible" checked={task.customerVisible ?? true} onChange={(customerVisible) => onChange({ customerVisible })} />
          <Flag label="Deliverable" short="Deliverable" checked={task.deliverable ?? false} onChange={(deliverable) => onChange({ deliverable })} />
          <Flag label="Needs approval" short="Approval" checked={task.needsApproval ?? false} onChange={(needsApproval) => onChange({ needsApproval })} />
        </td>
        <td>
          <button type="button" className="icon-button" aria-label={`Remove ${name}`} title={`Remove ${name}`} onClick={onRemove}>
            ×
          </button>
        </td>
      </tr>
      {errors.length > 0 && (
        <tr className="row-error-line">
          <td />
          <td colSpan={9}>
            <p className="field-error" role="alert">
              {errors.join('; ')}
            </p>
          </td>
        </tr>
      )}
    </>
  );
}

function Flag({ label, short, checked, onChange }: { label: string; short: string; checked: boolean; onChange: (value: boolean) => void }) {
  return (
    <label className="flag-check" title={label}>
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {short}
    </label>
  );
}

function ArchiveButton({ playbook }: { playbook: Playbook }) {
  const archive = useArchivePlaybook(playbook.id);
  const restore = useRestorePlaybook(playbook.id);
  const notify = useToast();
  const mutation = playbook.archivedAt ? restore : archive;
  return (
    <Button
      variant="ghost"
      busy={mutation.isPending}
      onClick={() =>
        mutation.mutate(undefined, {
          onSuccess: () => notify(playbook.archivedAt ? `${playbook.name} restored` : `${playbook.name} archived: new projects no longer use it`),
          onError: (error) => notify(errorText(error), 'error'),
        })
      }
    >
      {playbook.archivedAt ? 'Restore' : 'Archive'}
    </Button>
  );
}

export { describeIssuePath };

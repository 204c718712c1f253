import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { PersonLink } from '../contacts/ContactLink.tsx';
import { CONTACT_ROLE_LABELS } from '../../../core/people.ts';
import { formatDateTime } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useCanWrite } from '../../app/session.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../components/ui/Dialog.tsx';
import { FormMessage, Select } from '../../components/ui/Field.tsx';
import { errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useContacts } from '../contacts/contacts.api.ts';
import { useMembers } from '../members/members.api.ts';
import { formatRange, formatShortDate } from './dates.ts';
import { HealthBadge, MILESTONE_LABELS, OwnerBadge, STATUS_LABELS, TASK_STATUSES } from './labels.tsx';
import { Markdown } from './Markdown.tsx';
import {
  movedCount,
  useAddComment,
  useDeleteTask,
  useTaskComments,
  useUpdateTask,
  type Project,
  type ProjectTask,
  type TaskPatch,
  type TaskStatus,
} from './projects.api.ts';
import { useStatusChange } from './StatusChange.tsx';
import { TaskFiles } from '../portal/TaskFiles.tsx';
import { TaskFormSection } from '../portal/TaskFormEditor.tsx';
import { TaskSignOff } from '../portal/TaskSignOff.tsx';
import './projects.css';

const statusOptions = TASK_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

/** One task in full, beside the plan: status, dates, who, links, checklist and the conversation. */
export function TaskDrawer({ project, task, onClose }: { project: Project; task: ProjectTask; onClose: () => void }) {
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const canWrite = useCanWrite() && project.status !== 'closed';
  const status = useStatusChange(project);
  const stage = project.stages.find((s) => s.key === task.stage)?.name ?? task.stage;
  const milestone = task.milestoneKind !== null || task.durationDays === 0;

  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    headingRef.current?.focus();
    return () => {
      if (previous && document.contains(previous)) previous.focus();
    };
  }, []);

  return (
    <aside
      className="drawer"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.stopPropagation();
          closeRef.current();
        }
      }}
    >
      <header className="drawer-header">
        <div>
          <p className="drawer-eyebrow">
            {stage}
            {task.milestoneKind && ` · ${MILESTONE_LABELS[task.milestoneKind]} milestone`}
          </p>
          <h2 className="drawer-title" id={titleId} ref={headingRef} tabIndex={-1}>
            {task.title}
          </h2>
          <div className="drawer-badges">
            <OwnerBadge owner={task.owner} />
            <HealthBadge health={task.health} />
            {task.critical && <span className="critical-tag">Critical</span>}
            {!task.customerVisible && <Badge>Hidden from customer</Badge>}
            {task.deliverable && <Badge tone="purple">Deliverable</Badge>}
            {task.needsApproval && <Badge tone="amber">Needs approval</Badge>}
          </div>
        </div>
        <button type="button" className="icon-button" aria-label="Close task" onClick={onClose}>
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
            <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </header>

      <div className="drawer-body">
        <DrawerSection title="Status">
          <div className="drawer-status">
            {canWrite ? (
              <Select
                aria-label="Status"
                className={`status-select status-${task.status}`}
                value={task.status}
                options={statusOptions}
                onChange={(event) => status.change(task, event.target.value as TaskStatus)}
              />
            ) : (
              <Badge>{STATUS_LABELS[task.status]}</Badge>
            )}
            {task.status === 'done' && <span className="muted">Done on {formatShortDate(task.actualFinish)}</span>}
            {task.status === 'done' && canWrite && (
              <Button size="sm" variant="ghost" onClick={() => status.change({ ...task, status: 'in_progress' }, 'done')}>
                Change the day
              </Button>
            )}
          </div>
          {task.status === 'stuck' && task.stuckReason && <p className="stuck-reason">Stuck on: {task.stuckReason}</p>}
        </DrawerSection>

        <DrawerSection title="Dates">
          <dl className="drawer-facts">
            <dt>Projected</dt>
            <dd>{milestone ? formatShortDate(task.projectedFinish) : formatRange(task.projectedStart, task.projectedFinish)}</dd>
            <dt>Baseline</dt>
            <dd>{milestone ? formatShortDate(task.baselineFinish) : formatRange(task.baselineStart, task.baselineFinish)}</dd>
            {(task.actualStart || task.actualFinish) && (
              <>
                <dt>Actual</dt>
                <dd>{formatRange(task.actualStart, task.actualFinish)}</dd>
              </>
            )}
            <dt>Slack</dt>
            <dd>{task.critical ? 'None: it is on the critical path' : `${task.slackDays} business day${task.slackDays === 1 ? '' : 's'}`}</dd>
            <dt>Duration</dt>
            <dd>{milestone ? 'A milestone (a point in time)' : `${task.durationDays} business day${task.durationDays === 1 ? '' : 's'}`}</dd>
          </dl>
          {canWrite && task.status !== 'done' && <DateEditor project={project} task={task} />}
        </DrawerSection>

        <DrawerSection title="Assignee">
          <AssigneePicker project={project} task={task} canWrite={canWrite} />
        </DrawerSection>

        <DrawerSection title="Depends on">
          <DependencyEditor project={project} task={task} canWrite={canWrite} />
        </DrawerSection>

        <DrawerSection title="Checklist">
          <Checklist project={project} task={task} canWrite={canWrite} />
        </DrawerSection>

        {task.description && (
          <DrawerSection title="Description">
            <Markdown text={task.description} />
          </DrawerSection>
        )}

        {canWrite && (
          <DrawerSection title="Visibility">
            <VisibilityToggle project={project} task={task} />
          </DrawerSection>
        )}

        {task.customerVisible && (task.form || canWrite) && (
          <DrawerSection title="Customer form">
            <TaskFormSection project={project} task={task} canWrite={canWrite} />
          </DrawerSection>
        )}

        {(task.needsApproval || task.deliverable) && task.customerVisible && (
          <DrawerSection title="Customer sign-off">
            <TaskSignOff project={project} task={task} canWrite={canWrite} />
          </DrawerSection>
        )}

        <DrawerSection title="Files">
          <TaskFiles project={project} task={task} canWrite={canWrite} />
        </DrawerSection>

        <DrawerSection title="Comments">
          <Comments taskId={task.id} canWrite={canWrite} />
        </DrawerSection>

        {canWrite && <RemoveTask project={project} task={task} onRemoved={onClose} />}
      </div>
      {status.dialog}
    </aside>
  );
}

function DrawerSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="drawer-section">
      <h3 className="drawer-section-title">{title}</h3>
      {children}
    </section>
  );
}

/** Pin a start date by hand, or change the duration; with a reason for the history. */
function DateEditor({ project, task }: { project: Project; task: ProjectTask }) {
  const update = useUpdateTask(project.id);
  const notify = useToast();
  const [pinned, setPinned] = useState(task.pinnedStart ?? task.projectedStart ?? '');
  const [duration, setDuration] = useState(String(task.durationDays));
  const [reason, setReason] = useState('');
  const problem = formProblem(update.error, ['pinnedStart', 'durationDays', 'reason']);
  const milestone = task.milestoneKind !== null || task.durationDays === 0;
  const save = (patch: TaskPatch, message: string) =>
    update.mutate(
      { taskId: task.id, patch: { ...patch, ...(reason.trim() ? { reason: reason.trim() } : {}) } },
      {
        onSuccess: (change) => {
          const moved = movedCount(change);
          notify(moved ? `${message}; ${moved} other task${moved === 1 ? '' : 's'} updated` : message);
          setReason('');
        },
      },
    );
  const durationNumber = Number(duration);
  const [effort, setEffort] = useState(String(task.effortHours));
  const effortNumber = Number(effort);
  return (
    <div className="date-editor">
      <div className="inline-fields">
        <label className="mini-field">
          <span>Start on (set by hand)</span>
          <input className="input" type="date" value={pinned} onChange={(event) => setPinned(event.target.value)} aria-invalid={problem.fieldError('pinnedStart') ? true : undefined} />
        </label>
        <Button size="sm" disabled={!pinned || pinned === task.pinnedStart} busy={update.isPending && update.variables?.patch.pinnedStart !== undefined} onClick={() => save({ pinnedStart: pinned }, `${task.title} now starts ${formatShortDate(pinned)}`)}>
          Pin start
        </Button>
        {task.pinnedStart && (
          <Button size="sm" variant="ghost" onClick={() => save({ pinnedStart: null }, 'Date set by hand removed')}>
            Remove pin
          </Button>
        )}
      </div>
      {!milestone && (
        <div className="inline-fields">
          <label className="mini-field mini-field-narrow">
            <span>Duration (business days)</span>
            <input className="input" type="number" min={1} max={1000} value={duration} onChange={(event) => setDuration(event.target.value)} />
          </label>
          <Button
            size="sm"
            disabled={!Number.isInteger(durationNumber) || durationNumber < 0 || durationNumber === task.durationDays}
            onClick={() => save({ durationDays: durationNumber }, `${task.title} now takes ${durationNumber} business days`)}
          >
            Change duration
          </Button>
        </div>
      )}
      <div className="inline-fields">
        <label className="mini-field mini-field-narrow">
          <span>Hours of work{task.effortEstimated ? '' : ' (default for this kind of task)'}</span>
          <input className="input" type="number" min={0} max={1000} step={0.5} value={effort} onChange={(event) => setEffort(event.target.value)} />
        </label>
        <Button
          size="sm"
          disabled={effort === '' || !Number.isFinite(effortNumber) || effortNumber < 0 || effortNumber === task.effortHours}
          onClick={() => save({ effortHours: effortNumber }, `${task.title} now takes ${effortNumber} hours of work`)}
        >
          Change hours
        </Button>
      </div>
      <label className="mini-field">
        <span>Why (kept in the history)</span>
        <input className="input" value={reason} onChange={(event) => setReason(event.target.value)} placeholder="e.g. The customer's IT team is away until the 14th" />
      </label>
      {task.pinnedStart && <p className="field-hint">Starts {formatShortDate(task.pinnedStart)} by hand, whatever its predecessors say.</p>}
      {problem.fieldError('pinnedStart') && <p className="field-error">{problem.fieldError('pinnedStart')}</p>}
      <FormMessage message={problem.message} />
    </div>
  );
}

function AssigneePicker({ project, task, canWrite }: { project: Project; task: ProjectTask; canWrite: boolean }) {
  const members = useMembers();
  const contacts = useContacts(project.accountId, 'current');
  const update = useUpdateTask(project.id);
  const notify = useToast();
  const value = task.assignee ? `${task.assignee.kind}:${task.assignee.id}` : '';
  if (!canWrite) return <p>{task.assignee ? <PersonLink person={task.assignee} /> : <span className="muted">Unassigned</span>}</p>;
  return (
    <>
      <select
        className="input select"
        aria-label="Assignee"
        value={value}
        disabled={update.isPending}
        onChange={(event) => {
          const [kind, id] = event.target.value.split(':');
          update.mutate(
            { taskId: task.id, patch: { assignee: kind && id ? { kind: kind as 'member' | 'contact', id } : null } },
            { onError: (error) => notify(errorText(error), 'error') },
          );
        }}
      >
        <option value="">Unassigned</option>
        {/* The current assignee stays listed even if they left, so the select never lies. */}
        {task.assignee && !members.data?.some((m) => m.id === task.assignee?.id) && !contacts.data?.some((c) => c.id === task.assignee?.id) && (
          <option value={value}>{task.assignee.name}</option>
        )}
        <optgroup label={task.owner.side === 'vendor' ? 'Your team (owner side)' : 'Your team'}>
          {(members.data ?? []).map((member) => (
            <option key={member.id} value={`member:${member.id}`}>
              {member.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={task.owner.side === 'customer' ? `${project.accountName} (owner side)` : project.accountName}>
          {(contacts.data ?? []).map((contact) => (
            <option key={contact.id} value={`contact:${contact.id}`}>
              {contact.name} · {CONTACT_ROLE_LABELS[contact.role]}
            </option>
          ))}
        </optgroup>
      </select>
      {contacts.data?.length === 0 && task.owner.side === 'customer' && (
        <p className="field-hint">This account has no contacts yet: add them on the account page to assign customer tasks.</p>
      )}
    </>
  );
}

function DependencyEditor({ project, task, canWrite }: { project: Project; task: ProjectTask; canWrite: boolean }) {
  const update = useUpdateTask(project.id);
  const notify = useToast();
  const current = project.dependencies.filter((d) => d.successorId === task.id).map((d) => ({ taskId: d.predecessorId, lagDays: d.lagDays }));
  const [links, setLinks] = useState(current);
  const [adding, setAdding] = useState('');
  const titles = new Map(project.tasks.map((t) => [t.id, t.title]));
  const changed = JSON.stringify(links) !== JSON.stringify(current);
  const candidates = project.tasks.filter((t) => t.id !== task.id && !links.some((l) => l.taskId === t.id));
  const problem = formProblem(update.error, []);
  const successors = project.dependencies.filter((d) => d.predecessorId === task.id).map((d) => titles.get(d.successorId) ?? '');

  return (
    <div className="dependency-editor">
      {links.length === 0 ? (
        <p className="muted">Nothing: it starts from its offset from day 0.</p>
      ) : (
        <ul className="dependency-list">
          {links.map((link, index) => (
            <li key={link.taskId}>
              <span className="dependency-title">{titles.get(link.taskId) ?? 'A removed task'}</span>
              {canWrite ? (
                <>
                  <label className="lag">
                    <span>lag</span>
                    <input
                      className="input input-xs"
                      type="number"
                      min={-100}
                      max={1000}
                      value={link.lagDays}
                      aria-label={`Lag after ${titles.get(link.taskId)} in business days`}
                      onChange={(event) => setLinks(links.map((l, i) => (i === index ? { ...l, lagDays: Number(event.target.value) || 0 } : l)))}
                    />
                    <span>d</span>
                  </label>
                  <button type="button" className="icon-button" aria-label={`Remove dependency on ${titles.get(link.taskId)}`} onClick={() => setLinks(links.filter((_, i) => i !== index))}>
                    ×
                  </button>
                </>
              ) : (
                link.lagDays !== 0 && <span className="muted">+{link.lagDays} d</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <div className="inline-fields">
          <select className="input select select-sm" aria-label="Add a task it depends on" value={adding} onChange={(event) => setAdding(event.target.value)}>
            <option value="">Add a predecessor…</option>
            {candidates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
          <Button
            size="sm"
            disabled={!adding}
            onClick={() => {
              setLinks([...links, { taskId: adding, lagDays: 0 }]);
              setAdding('');
            }}
          >
            Add
          </Button>
          {changed && (
            <>
              <Button size="sm" variant="primary" busy={update.isPending} onClick={() => update.mutate({ taskId: task.id, patch: { dependsOn: links } }, { onSuccess: () => notify('Dependencies saved; dates updated') })}>
                Save links
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setLinks(current)}>
                Undo
              </Button>
            </>
          )}
        </div>
      )}
      {successors.length > 0 && <p className="field-hint">Then: {successors.join(', ')}</p>}
      <FormMessage message={problem.message} />
    </div>
  );
}

function Checklist({ project, task, canWrite }: { project: Project; task: ProjectTask; canWrite: boolean }) {
  const update = useUpdateTask(project.id);
  const notify = useToast();
  const [text, setText] = useState('');
  const save = (checklist: ProjectTask['checklist']) => update.mutate({ taskId: task.id, patch: { checklist } }, { onError: (error) => notify(errorText(error), 'error') });
  const done = task.checklist.filter((item) => item.done).length;
  return (
    <div>
      {task.checklist.length === 0 ? (
        <p className="muted">No checklist.</p>
      ) : (
        <>
          <p className="field-hint">
            {done} of {task.checklist.length} done
          </p>
          <ul className="checklist">
            {task.checklist.map((item, index) => (
              <li key={index}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={item.done}
                    disabled={!canWrite || update.isPending}
                    onChange={() => save(task.checklist.map((entry, i) => (i === index ? { ...entry, done: !entry.done } : entry)))}
                  />
                  <span className={item.done ? 'is-done' : ''}>{item.text}</span>
                </label>
                {canWrite && (
                  <button type="button" className="icon-button" aria-label={`Remove “${item.text}”`} onClick={() => save(task.checklist.filter((_, i) => i !== index))}>
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {canWrite && (
        <form
          className="inline-fields"
          onSubmit={(event) => {
            event.preventDefault();
            if (!text.trim()) return;
            save([...task.checklist, { text: text.trim(), done: false }]);
            setText('');
          }}
        >
          <input className="input input-sm" aria-label="New checklist item" placeholder="Add an item" value={text} onChange={(event) => setText(event.target.value)} />
          <Button size="sm" type="submit" disabled={!text.trim()}>
            Add
          </Button>
        </form>
      )}
    </div>
  );
}

function VisibilityToggle({ project, task }: { project: Project; task: ProjectTask }) {
  const update = useUpdateTask(project.id);
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={task.customerVisible}
        disabled={update.isPending}
        onChange={(event) => update.mutate({ taskId: task.id, patch: { customerVisible: event.target.checked } })}
      />
      The customer sees this task in their portal
    </label>
  );
}

function Comments({ taskId, canWrite }: { taskId: string; canWrite: boolean }) {
  const comments = useTaskComments(taskId);
  const add = useAddComment(taskId);
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const problem = formProblem(add.error, ['body']);
  return (
    <div className="comments">
      {comments.isPending ? (
        <p className="muted">Loading comments…</p>
      ) : comments.isError ? (
        <p className="field-error">{errorText(comments.error)}</p>
      ) : comments.data.length === 0 ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <ol className="comment-list">
          {comments.data.map((comment) => (
            <li key={comment.id} className={comment.internal ? 'comment-internal' : undefined}>
              <p className="comment-meta">
                <strong>{comment.authorName}</strong> · {formatDateTime(comment.createdAt)}
                {comment.internal && (
                  <>
                    {' '}
                    <Badge tone="amber">Internal note</Badge>
                  </>
                )}
              </p>
              <Markdown text={comment.body} />
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <form
          className="comment-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!body.trim()) return;
            add.mutate({ body: body.trim(), internal }, { onSuccess: () => setBody('') });
          }}
        >
          <textarea
            className="input textarea"
            aria-label="Comment"
            placeholder="Write a comment… (Ctrl+Enter to send)"
            value={body}
            onChange={(event) => setBody(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit();
            }}
          />
          <label className="checkbox">
            <input type="checkbox" checked={internal} onChange={(event) => setInternal(event.target.checked)} /> Internal note (not shown to the customer)
          </label>
          <FormMessage message={problem.fieldError('body') ?? problem.message} />
          <Button size="sm" type="submit" variant="primary" busy={add.isPending} disabled={!body.trim()}>
            {internal ? 'Add internal note' : 'Comment'}
          </Button>
        </form>
      )}
    </div>
  );
}

function RemoveTask({ project, task, onRemoved }: { project: Project; task: ProjectTask; onRemoved: () => void }) {
  const remove = useDeleteTask(project.id);
  const notify = useToast();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="drawer-danger">
      <Button variant="ghost" size="sm" className="btn-danger-text" onClick={() => setConfirming(true)}>
        Remove task
      </Button>
      {confirming && (
        <ConfirmDialog
          title={`Remove “${task.title}”?`}
          confirmLabel="Remove task"
          busy={remove.isPending}
          error={remove.error ? errorText(remove.error) : undefined}
          onClose={() => setConfirming(false)}
          onConfirm={() =>
            remove.mutate(task.id, {
              onSuccess: () => {
                notify(`${task.title} removed`);
                onRemoved();
              },
            })
          }
        >
          <p>Tasks that depended on it lose that link and may move earlier. The history keeps a record of the removal.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

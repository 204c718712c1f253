import { isMeetingTask } from '../../core/integrations/calendar.ts';
import { formatDate, formatDateTime, formatDay } from '../app/format.ts';
import { ValueRating } from './ValueRating.tsx';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { isApiError } from '../app/api.ts';
import { formProblem } from '../app/formProblem.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { Button } from '../components/ui/Button.tsx';
import { Dialog } from '../components/ui/Dialog.tsx';
import { TextAreaField, TextField } from '../components/ui/Field.tsx';
import { ErrorState, LoadingState } from '../components/ui/State.tsx';
import { PortalReadiness, PortalSuccessPlan } from './PortalPlanSections.tsx';
import {
  useApproval,
  useComment,
  useInviteColleague,
  usePortalProject,
  useRating,
  useSaveForm,
  useTaskStatus,
  useUpload,
  type FormAnswer,
  type FormField,
  type PortalMe,
  type PortalMilestone,
  type PortalProject,
  type PortalTask,
} from './portal.api.ts';

// Dates read as everywhere else in Landfall (app/format.ts), in the reader's locale and timezone.
const day = formatDate;
const HEALTH: Record<PortalProject['health'], { label: string; tone: string }> = {
  on_track: { label: 'On track', tone: 'green' },
  at_risk: { label: 'At risk', tone: 'amber' },
  late: { label: 'Running late', tone: 'red' },
};
const STATUS: Record<PortalTask['status'], string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  stuck: 'Stuck',
  done: 'Done',
  skipped: 'Skipped',
};
const open = (task: PortalTask) => task.status !== 'done' && task.status !== 'skipped';
const sizeOf = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1048576).toFixed(1)} MB`);

export function PortalProjectPage({ projectId, me }: { projectId: string; me: PortalMe }) {
  const project = usePortalProject(projectId);
  useDocumentTitle(project.data?.name ?? 'Your project');
  const [inviting, setInviting] = useState(false);
  // A task finished during this visit stays where the customer finished it (shown done) until they leave.
  const [shownAsYours, setShownAsYours] = useState<string[]>([]);
  const newlyYours = project.data?.yourTaskIds.filter((id) => !shownAsYours.includes(id)) ?? [];
  if (newlyYours.length > 0) setShownAsYours([...shownAsYours, ...newlyYours]);
  if (project.isPending) return <LoadingState label="Loading your plan…" />;
  if (project.isError) return <ErrorState title="This project could not be opened" error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;
  const byId = new Map(p.tasks.map((t) => [t.id, t]));
  const yours = [...shownAsYours, ...newlyYours].map((id) => byId.get(id)).filter((t): t is PortalTask => !!t);
  const yoursOpen = yours.filter(open).length;
  const team = p.teamTaskIds.map((id) => byId.get(id)!);
  const done = p.tasks.filter((t) => t.status === 'done').length;
  const health = HEALTH[p.health];
  const readOnly = p.preview;

  return (
    <div className="portal-project">
      <section className="portal-hero">
        <p className="portal-eyebrow">{p.accountName}</p>
        <h1 className="portal-title">{p.name}</h1>
        <p className="portal-welcome">{p.branding.welcomeMessage ?? `Welcome, ${me.contact.name.split(' ')[0]}. Here is where your onboarding with ${p.branding.workspaceName} stands, and what we need from you.`}</p>
        <dl className="portal-facts">
          <div>
            <dt>Go-live</dt>
            <dd>{day(p.projectedGoLive)}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <span className={`badge badge-${health.tone}`}>{health.label}</span>
            </dd>
          </div>
          <div>
            <dt>Progress</dt>
            <dd>
              <span className="portal-progress" role="progressbar" aria-valuemin={0} aria-valuemax={p.tasks.length} aria-valuenow={done} aria-label="Tasks done">
                <span style={{ width: `${p.tasks.length ? (done / p.tasks.length) * 100 : 0}%` }} />
              </span>
              {done} of {p.tasks.length} steps done
            </dd>
          </div>
          {p.onboardingManager && (
            <div>
              <dt>Your onboarding manager</dt>
              <dd>{p.onboardingManager}</dd>
            </div>
          )}
        </dl>
        {p.allowColleagueInvites && !readOnly && (
          <Button size="sm" onClick={() => setInviting(true)}>
            Invite a colleague
          </Button>
        )}
      </section>

      <PortalReadiness projectId={p.id} readOnly={readOnly} />

      <section className="portal-section" aria-labelledby="your-tasks">
        <h2 id="your-tasks" className="portal-h2">
          Your tasks <span className="portal-count">{yoursOpen}</span>
        </h2>
        {yours.length === 0 ? (
          <p className="portal-empty">Nothing is waiting on you right now. We will email you when something is.</p>
        ) : (
          <>
            {yoursOpen === 0 && <p className="portal-empty">That was everything waiting on you: thank you. We will email you when something new is.</p>}
            {yours.map((task) => (
              <TaskCard key={task.id} task={task} project={p} defaultOpen={open(task)} />
            ))}
          </>
        )}
      </section>

      {team.length > 0 && (
        <section className="portal-section" aria-labelledby="team-tasks">
          <h2 id="team-tasks" className="portal-h2">
            Your team’s tasks <span className="portal-count">{team.length}</span>
          </h2>
          {team.map((task) => (
            <TaskCard key={task.id} task={task} project={p} />
          ))}
        </section>
      )}

      <PortalSuccessPlan projectId={p.id} readOnly={readOnly} />

      <section className="portal-section" aria-labelledby="milestones">
        <h2 id="milestones" className="portal-h2">
          Milestones
        </h2>
        <ol className="portal-milestones">
          {p.milestones.map((m) => (
            <MilestoneRow key={m.taskId} milestone={m} projectId={p.id} readOnly={readOnly} />
          ))}
        </ol>
      </section>

      <section className="portal-section" aria-labelledby="plan">
        <h2 id="plan" className="portal-h2">
          The plan
        </h2>
        {p.stages
          .filter((stage) => stage.taskIds.length > 0)
          .map((stage) => {
            const tasks = stage.taskIds.map((id) => byId.get(id)!);
            const stageDone = tasks.filter((t) => !open(t)).length;
            return (
              <StageDetails key={stage.key} initiallyOpen={tasks.some(open) && tasks.some((t) => !open(t) || t.status === 'in_progress')}>
                <summary>
                  <span className="portal-stage-name">{stage.name}</span>
                  <span className="portal-muted">
                    {stageDone}/{tasks.length} done · until {day(tasks.map((t) => t.projectedFinish ?? '').sort().at(-1) ?? null)}
                  </span>
                </summary>
                {tasks.map((task) => (
                  <TaskCard key={task.id} task={task} project={p} compact />
                ))}
              </StageDetails>
            );
          })}
      </section>
      {inviting && <InviteColleagueDialog projectId={p.id} domain={me.contact.email.split('@')[1] ?? ''} onClose={() => setInviting(false)} />}
    </div>
  );
}

/** A stage of the plan: opened or closed by the reader, never snapped shut under them when a task in it is done. */
function StageDetails({ initiallyOpen, children }: { initiallyOpen: boolean; children: ReactNode }) {
  const [isOpen, setOpen] = useState(initiallyOpen);
  return (
    <details className="portal-stage" open={isOpen} onToggle={(e) => setOpen(e.currentTarget.open)}>
      {children}
    </details>
  );
}

function TaskCard({ task, project, defaultOpen = false, compact = false }: { task: PortalTask; project: PortalProject; defaultOpen?: boolean; compact?: boolean }) {
  const [expanded, setExpanded] = useState(defaultOpen);
  const bodyId = useId();
  const due = task.status === 'done' ? `Done ${day(task.actualFinish)}` : `Due ${day(task.projectedFinish)}`;
  return (
    <article className={`portal-task${task.late ? ' is-late' : ''}${compact ? ' is-compact' : ''}`} data-task={task.title}>
      <button type="button" className="portal-task-head" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setExpanded(!expanded)}>
        <span className={`portal-check${task.status === 'done' ? ' is-done' : ''}`} aria-hidden="true">
          {task.status === 'done' ? '✓' : ''}
        </span>
        <span className="portal-task-title">
          {task.title}
          {task.milestoneKind && <span className="badge badge-blue">Milestone</span>}
          {task.signOff === 'waiting' && <span className="badge badge-amber">Needs your sign-off</span>}
        </span>
        <span className="portal-task-meta">
          <span className={task.late ? 'portal-late' : ''}>{task.late ? `Overdue · ${due}` : due}</span>
          <span className="portal-muted">{task.ownerName}</span>
          {task.status === 'stuck' && <span className="badge badge-red">Stuck</span>}
        </span>
      </button>
      {expanded && (
        <div className="portal-task-body" id={bodyId}>
          {task.description && <p className="portal-description">{task.description}</p>}
          <p className="portal-muted">
            {STATUS[task.status]}
            {task.plannedFinish && task.plannedFinish !== task.projectedFinish && task.status !== 'done' && ` · first planned for ${day(task.plannedFinish)}`}
          </p>
          {task.stuckReason && task.status === 'stuck' && <p className="portal-stuck">Stuck: {task.stuckReason}</p>}
          {task.status !== 'done' && (task.milestoneKind || isMeetingTask({ key: '', title: task.title })) && <AddToCalendar projectId={project.id} taskId={task.id} />}
          {task.form && <TaskForm task={task} project={project} />}
          {task.signOff !== 'none' && <ApprovalBlock task={task} project={project} />}
          {task.side === 'customer' && !task.needsApproval && !project.preview && <StatusActions task={task} projectId={project.id} />}
          {task.status === 'done' && !project.preview && <ValueRating projectId={project.id} taskId={task.id} />}
          <FilesBlock task={task} project={project} />
          <Comments task={task} project={project} />
        </div>
      )}
    </article>
  );
}

function StatusActions({ task, projectId }: { task: PortalTask; projectId: string }) {
  const status = useTaskStatus(projectId, task.id);
  const [stuck, setStuck] = useState(false);
  const [reason, setReason] = useState('');
  const problem = formProblem(status.error, ['reason']);
  if (task.status === 'done') {
    return (
      <div className="portal-actions">
        <Button size="sm" variant="ghost" busy={status.isPending} onClick={() => status.mutate({ status: 'in_progress' })}>
          Reopen
        </Button>
      </div>
    );
  }
  return (
    <div className="portal-actions">
      {!stuck && (
        <>
          <Button variant="primary" busy={status.isPending} onClick={() => status.mutate({ status: 'done' })}>
            Mark as done
          </Button>
          {task.status === 'stuck' ? (
            <Button onClick={() => status.mutate({ status: 'in_progress' })}>No longer stuck</Button>
          ) : (
            <Button onClick={() => setStuck(true)}>I’m stuck</Button>
          )}
        </>
      )}
      {stuck && (
        <form
          className="portal-form"
          onSubmit={(e) => {
            e.preventDefault();
            status.mutate({ status: 'stuck', reason }, { onSuccess: () => setStuck(false) });
          }}
        >
          <TextAreaField label="What is in the way?" value={reason} onChange={(e) => setReason(e.target.value)} error={problem.fieldError('reason')} rows={2} autoFocus />
          <div className="portal-actions">
            <Button type="submit" variant="primary" busy={status.isPending}>
              Tell the team
            </Button>
            <Button variant="ghost" onClick={() => setStuck(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {problem.message && !problem.fieldError('reason') && <p className="form-error" role="alert">{problem.message}</p>}
    </div>
  );
}

function TaskForm({ task, project }: { task: PortalTask; project: PortalProject }) {
  const form = task.form!;
  const [values, setValues] = useState<Record<string, FormAnswer>>(form.answers);
  const save = useSaveForm(project.id, task.id);
  const fields = form.fields.filter((f) => f.type !== 'file');
  const problem = formProblem(save.error, []);
  const errorFor = (key: string) => (isApiError(save.error) ? save.error.problem.errors.find((e) => e.path.at(-1) === key)?.message : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(values);
  };
  return (
    <form className="portal-form portal-task-form" onSubmit={submit} noValidate>
      <h3 className="portal-h3">Your answers</h3>
      {fields.map((field) => (
        <FormFieldInput key={field.key} field={field} value={values[field.key] ?? null} error={errorFor(field.key)} disabled={project.preview} onChange={(value) => setValues({ ...values, [field.key]: value })} />
      ))}
      {form.fields
        .filter((f) => f.type === 'file')
        .map((field) => (
          <FileInput key={field.key} label={`${field.label}${field.required ? '' : ' (optional)'}`} task={task} project={project} fieldKey={field.key} />
        ))}
      {form.answeredBy && form.answeredAt && (
        <p className="portal-muted">
          Last saved by {form.answeredBy}, {formatDateTime(form.answeredAt)}
        </p>
      )}
      {problem.message && <p className="form-error" role="alert">{problem.message}</p>}
      {save.isSuccess && !save.isPending && <p role="status" className="portal-saved">Saved.</p>}
      {!project.preview && (
        <Button type="submit" variant="primary" size="sm" busy={save.isPending}>
          Save answers
        </Button>
      )}
    </form>
  );
}

function FormFieldInput({ field, value, error, disabled, onChange }: { field: FormField; value: FormAnswer; error: string | undefined; disabled: boolean; onChange: (value: FormAnswer) => void }) {
  const id = useId();
  const label = `${field.label}${field.required ? '' : ' (optional)'}`;
  switch (field.type) {
    case 'yes_no':
      return (
        <fieldset className="field portal-yesno" disabled={disabled}>
          <legend className="field-label">{label}</legend>
          {[
            ['Yes', true],
            ['No', false],
          ].map(([text, v]) => (
            <label key={String(text)} className="portal-radio">
              <input type="radio" name={id} checked={value === v} onChange={() => onChange(v as boolean)} /> {text as string}
            </label>
          ))}
          {error && <p className="field-error">{error}</p>}
        </fieldset>
      );
    case 'choice':
      return (
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor={id}>
            {label}
          </label>
          <select id={id} className="input" value={typeof value === 'string' ? value : ''} disabled={disabled} onChange={(e) => onChange(e.target.value || null)}>
            <option value="">Choose…</option>
            {(field.options ?? []).map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
          {error && <p className="field-error">{error}</p>}
        </div>
      );
    default:
      return (
        <TextField
          label={label}
          type={field.type === 'date' ? 'date' : field.type === 'number' ? 'number' : 'text'}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          value={value === null || value === undefined ? '' : String(value)}
          disabled={disabled}
          hint={field.help}
          error={error}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}

function FileInput({ label, task, project, fieldKey }: { label: string; task: PortalTask; project: PortalProject; fieldKey?: string }) {
  const upload = useUpload(project.id, task.id);
  const id = useId();
  if (project.preview) return null;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="file"
        className="portal-file-input"
        accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.pptx,.zip,.csv,.txt"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate({ file, fieldKey }, { onSettled: () => (e.target.value = '') });
        }}
      />
      <p className="field-hint">PDF, images, Office files, CSV, text or ZIP, up to 10 MB.</p>
      {upload.isPending && <p role="status">Uploading…</p>}
      {upload.error && <p className="form-error" role="alert">{formProblem(upload.error, []).message}</p>}
    </div>
  );
}

function FilesBlock({ task, project }: { task: PortalTask; project: PortalProject }) {
  const loose = task.files;
  return (
    <div className="portal-files">
      <h3 className="portal-h3">Files</h3>
      {loose.length === 0 ? (
        <p className="portal-muted">No files yet.</p>
      ) : (
        <ul className="portal-list">
          {loose.map((file) => (
            <li key={file.id}>
              <a href={file.url} download>
                {file.fileName}
              </a>{' '}
              <span className="portal-muted">
                {sizeOf(file.size)} · {file.uploadedBy} · {formatDay(file.at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {!task.form?.fields.some((f) => f.type === 'file') && <FileInput label="Add a file" task={task} project={project} />}
    </div>
  );
}

function ApprovalBlock({ task, project }: { task: PortalTask; project: PortalProject }) {
  const approval = useApproval(project.id, task.id);
  const [signedName, setSignedName] = useState('');
  const [comment, setComment] = useState('');
  const problem = formProblem(approval.error, ['signedName', 'comment']);
  const decide = (decision: 'approved' | 'rejected') => approval.mutate({ decision, signedName, ...(comment.trim() ? { comment } : {}) });
  return (
    <div className="portal-approval">
      <h3 className="portal-h3">Sign-off</h3>
      {task.approval && (
        <p className={task.approval.decision === 'approved' ? 'portal-approved' : 'portal-rejected'}>
          {task.approval.decision === 'approved' ? 'Approved' : 'Changes requested'} by {task.approval.signedName} on {formatDateTime(task.approval.at)}
          {task.approval.comment && <>: “{task.approval.comment}”</>}
        </p>
      )}
      {task.signOff === 'not_ready' && <p className="portal-muted">The team will ask for your sign-off when this work is ready.</p>}
      {task.signOff === 'rejected' && <p className="portal-muted">The team is working on your changes and will ask you again.</p>}
      {!project.preview && task.signOff === 'waiting' && (
        <form className="portal-form" onSubmit={(e) => e.preventDefault()}>
          <TextField label="Type your full name to sign" hint={`As the team has it: ${project.yourName}.`} value={signedName} onChange={(e) => setSignedName(e.target.value)} error={problem.fieldError('signedName')} autoComplete="name" />
          <TextAreaField label="Comment" optional value={comment} onChange={(e) => setComment(e.target.value)} error={problem.fieldError('comment')} rows={2} hint="Required when you ask for changes." />
          {problem.message && <p className="form-error" role="alert">{problem.message}</p>}
          <div className="portal-actions">
            <Button variant="primary" busy={approval.isPending} onClick={() => decide('approved')}>
              Approve
            </Button>
            <Button variant="danger" busy={approval.isPending} onClick={() => decide('rejected')}>
              Request changes
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

function Comments({ task, project }: { task: PortalTask; project: PortalProject }) {
  const comment = useComment(project.id, task.id);
  const [body, setBody] = useState('');
  const problem = formProblem(comment.error, ['body']);
  return (
    <div className="portal-comments">
      <h3 className="portal-h3">Conversation</h3>
      {task.comments.map((c) => (
        <div key={c.id} className={`portal-comment${c.fromCustomer ? ' is-customer' : ''}`}>
          <p className="portal-comment-meta">
            <strong>{c.authorName}</strong> · {formatDateTime(c.at)}
          </p>
          <p>{c.body}</p>
        </div>
      ))}
      {!project.preview && (
        <form
          className="portal-form"
          onSubmit={(e) => {
            e.preventDefault();
            comment.mutate(body, { onSuccess: () => setBody('') });
          }}
        >
          <TextAreaField
            label="Add a comment"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={2}
            error={problem.fieldError('body')}
            hint={project.people.length ? `Mention someone with @: ${project.people.map((p) => `@${p.name}`).join(', ')}` : undefined}
          />
          <Button type="submit" size="sm" busy={comment.isPending} disabled={!body.trim()}>
            Send
          </Button>
        </form>
      )}
    </div>
  );
}

/** Downloads the milestone or meeting as an .ics file (its UID stays the same, so adding it twice keeps one event). */
function AddToCalendar({ projectId, taskId }: { projectId: string; taskId: string }) {
  return (
    <a className="portal-add-calendar" href={`/api/portal/v1/projects/${projectId}/tasks/${taskId}/calendar`} download="landfall.ics">
      Add to calendar
    </a>
  );
}

function MilestoneRow({ milestone, projectId, readOnly }: { milestone: PortalMilestone; projectId: string; readOnly: boolean }) {
  const rate = useRating(projectId, milestone.taskId);
  const [score, setScore] = useState(milestone.myRating?.score ?? 0);
  const [comment, setComment] = useState(milestone.myRating?.comment ?? '');
  const reached = !!milestone.reachedOn;
  return (
    <li className={`portal-milestone${reached ? ' is-reached' : ''}`}>
      <div className="portal-milestone-head">
        <span className="portal-milestone-dot" aria-hidden="true" />
        <span className="portal-milestone-title">{milestone.title}</span>
        <span className="portal-muted">{reached ? `Reached ${day(milestone.reachedOn)}` : `Expected ${day(milestone.projected)}`}</span>
        {!reached && <AddToCalendar projectId={projectId} taskId={milestone.taskId} />}
      </div>
      {reached && !readOnly && (
        <form
          className="portal-rating"
          onSubmit={(e) => {
            e.preventDefault();
            if (score) rate.mutate({ score, ...(comment.trim() ? { comment } : {}) });
          }}
        >
          <fieldset>
            <legend>How did this go for you?</legend>
            <div className="portal-stars">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} className={n <= score ? 'is-on' : ''}>
                  <input type="radio" name={`rate-${milestone.taskId}`} value={n} checked={score === n} onChange={() => setScore(n)} aria-label={`${n} out of 5`} />
                  <span aria-hidden="true">★</span>
                </label>
              ))}
            </div>
          </fieldset>
          <TextField label="Comment" optional value={comment} onChange={(e) => setComment(e.target.value)} />
          <Button type="submit" size="sm" busy={rate.isPending} disabled={!score}>
            {milestone.myRating ? 'Update rating' : 'Send rating'}
          </Button>
          {rate.isSuccess && <span role="status" className="portal-saved">Thank you!</span>}
        </form>
      )}
    </li>
  );
}

function InviteColleagueDialog({ projectId, domain, onClose }: { projectId: string; domain: string; onClose: () => void }) {
  const invite = useInviteColleague(projectId);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const problem = formProblem(invite.error, ['name', 'email']);
  if (invite.isSuccess) {
    return (
      <Dialog title="Invitation sent" onClose={onClose} footer={<Button onClick={onClose}>Close</Button>}>
        <p>
          {name} will get an email with a link to this portal.
        </p>
      </Dialog>
    );
  }
  return (
    <Dialog title="Invite a colleague" description={`Anyone with an @${domain} address can join you here.`} onClose={onClose}>
      <form
        className="portal-form"
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate({ name, email });
        }}
        noValidate
      >
        <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={problem.fieldError('name')} autoFocus />
        <TextField label="Work email" type="email" value={email} placeholder={`name@${domain}`} onChange={(e) => setEmail(e.target.value)} error={problem.fieldError('email')} />
        {problem.message && <p className="form-error" role="alert">{problem.message}</p>}
        <div className="portal-actions">
          <Button type="submit" variant="primary" busy={invite.isPending}>
            Send invitation
          </Button>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

import { useState, type FormEvent } from 'react';
import { formatMeasure, METRIC_STATUS_LABELS } from '../../../core/success-plans/scorecard.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { Badge, type Tone } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { ConfirmDialog, Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { FormMessage, TextAreaField, TextField } from '../../components/ui/Field.tsx';
import { errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import type { Project } from '../projects/projects.api.ts';
import { MetricChart } from './MetricChart.tsx';
import { MetricDialog } from './MetricDialog.tsx';
import { planApi, usePlanChange, type MetricStatus, type SuccessMetric, type SuccessOutcome, type SuccessPlan } from './success-plans.api.ts';

const STANDING_TONE: Record<MetricStatus, Tone> = { met: 'green', in_progress: 'blue', missed: 'red', no_data: 'neutral' };

export function OutcomeCard({ project, plan, outcome, canWrite }: { project: Project; plan: SuccessPlan; outcome: SuccessOutcome; canWrite: boolean }) {
  const [dialog, setDialog] = useState<null | 'metric' | 'request' | 'remove' | 'edit'>(null);
  const verified = outcome.verification;
  const editable = canWrite && !verified;
  const remove = usePlanChange(project.id, () => planApi.removeOutcome(outcome.id));
  return (
    <article className={`outcome card${verified ? ' is-verified' : ''}`} aria-labelledby={`outcome-${outcome.id}`}>
      <header className="outcome-header">
        <div>
          <h3 className="outcome-statement" id={`outcome-${outcome.id}`}>
            {outcome.statement}
          </h3>
          <VerificationStatus outcome={outcome} />
        </div>
        {canWrite && (
          <div className="section-actions">
            {!verified && (
              <Button size="sm" variant={outcome.metrics.length ? 'primary' : 'secondary'} onClick={() => setDialog('request')}>
                {outcome.verificationRequest ? 'Ask again' : 'Request verification'}
              </Button>
            )}
            {editable && (
              <>
                <Button size="sm" onClick={() => setDialog('metric')}>
                  Add metric
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setDialog('edit')}>
                  Edit
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setDialog('remove')}>
                  Remove
                </Button>
              </>
            )}
          </div>
        )}
      </header>

      {outcome.metrics.length === 0 ? (
        <p className="muted outcome-empty">
          No success metric yet. {editable ? 'Add one: what will be measured, from which baseline, to which target, by when.' : ''}
        </p>
      ) : (
        <div className="metric-list">
          {outcome.metrics.map((metric) => (
            <MetricRow key={metric.id} project={project} plan={plan} metric={metric} canWrite={canWrite} editable={editable} />
          ))}
        </div>
      )}

      {dialog === 'metric' && <MetricDialog project={project} outcomeId={outcome.id} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && <EditOutcomeDialog project={project} outcome={outcome} onClose={() => setDialog(null)} />}
      {dialog === 'request' && <RequestDialog project={project} outcome={outcome} onClose={() => setDialog(null)} />}
      {dialog === 'remove' && (
        <ConfirmDialog
          title="Remove this outcome?"
          confirmLabel="Remove outcome"
          busy={remove.isPending}
          error={remove.error ? errorText(remove.error) : undefined}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => setDialog(null) })}
          onClose={() => setDialog(null)}
        >
          <p>“{outcome.statement}” and its {outcome.metrics.length} metric(s) with their actuals leave the success plan. The history keeps a record.</p>
        </ConfirmDialog>
      )}
    </article>
  );
}

function VerificationStatus({ outcome }: { outcome: SuccessOutcome }) {
  const v = outcome.verification;
  if (v) {
    return (
      <div className="verification">
        <Badge tone="green">Verified by the customer</Badge>{' '}
        <span>
          {v.byName}, {formatDateTime(v.at)}
        </span>
        {v.comment && <blockquote className="verification-comment">“{v.comment}”</blockquote>}
        {v.evidence && <p className="fact-sub">Evidence: {v.evidence}</p>}
        {v.snapshot.length > 0 && (
          <p className="fact-sub">
            When confirmed:{' '}
            {v.snapshot.map((s) => (s.value === null ? `${s.metric}: not measured` : `${s.metric}: ${formatMeasure(s.value, s.unit)} (${formatDate(s.measuredOn)})`)).join(' · ')}
          </p>
        )}
      </div>
    );
  }
  if (outcome.verificationRequest) {
    const r = outcome.verificationRequest;
    return (
      <div className="verification">
        <Badge tone="amber">Waiting for the customer</Badge>{' '}
        <span className="fact-sub">
          {r.byName} asked for verification on {formatDateTime(r.at)}
          {r.note ? `: “${r.note}”` : ''}. The customer confirms it in the portal.
        </span>
      </div>
    );
  }
  return (
    <div className="verification">
      <Badge>Not verified</Badge> <span className="fact-sub">Only the customer can confirm it, in the portal.</span>
    </div>
  );
}

function MetricRow({ project, plan, metric, canWrite, editable }: { project: Project; plan: SuccessPlan; metric: SuccessMetric; canWrite: boolean; editable: boolean }) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const latest = metric.standing.latest;
  return (
    <div className="metric">
      <div className="metric-facts">
        <h4 className="metric-name">{metric.name}</h4>
        <dl className="metric-dl">
          <div>
            <dt>Baseline</dt>
            <dd>{formatMeasure(metric.baseline, metric.unit)}</dd>
          </div>
          <div>
            <dt>Target</dt>
            <dd>
              {formatMeasure(metric.target, metric.unit)} by {formatDate(metric.targetDate)}
            </dd>
          </div>
          <div>
            <dt>Latest</dt>
            <dd>{latest ? `${formatMeasure(latest.value, metric.unit)} on ${formatDate(latest.measuredOn)}` : '—'}</dd>
          </div>
          <div>
            <dt>Owner</dt>
            <dd>{metric.owner ? `${metric.owner.name}${metric.owner.kind === 'contact' ? ' (customer)' : ''}` : <span className="muted">Nobody yet</span>}</dd>
          </div>
        </dl>
        <p>
          <Badge tone={STANDING_TONE[metric.standing.status]}>{METRIC_STATUS_LABELS[metric.standing.status]}</Badge>
          {metric.standing.progressPercent !== null && <span className="fact-sub"> {metric.standing.progressPercent}% of the way from baseline to target</span>}
        </p>
        {canWrite && (
          <div className="inline-form">
            <Button size="sm" onClick={() => setAdding((open) => !open)} aria-expanded={adding}>
              Add actual
            </Button>
            {editable && (
              <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
                Edit metric
              </Button>
            )}
          </div>
        )}
        {adding && <ActualForm project={project} plan={plan} metric={metric} onDone={() => setAdding(false)} />}
        {editing && <MetricDialog project={project} metric={metric} outcomeId={metric.outcomeId} onClose={() => setEditing(false)} />}
      </div>
      <div className="metric-visual">
        <MetricChart metric={metric} today={plan.today} />
        {metric.actuals.length === 0 ? (
          <p className="muted">No actuals yet: record the first measurement when the customer shares it.</p>
        ) : (
          <details className="metric-actuals">
            <summary>{metric.actuals.length} measurement{metric.actuals.length === 1 ? '' : 's'}</summary>
            <ul>
              {[...metric.actuals].reverse().map((actual) => (
                <ActualItem key={actual.id} project={project} metric={metric} actual={actual} canWrite={canWrite} />
              ))}
            </ul>
          </details>
        )}
      </div>
    </div>
  );
}

function ActualItem({ project, metric, actual, canWrite }: { project: Project; metric: SuccessMetric; actual: SuccessMetric['actuals'][number]; canWrite: boolean }) {
  const remove = usePlanChange(project.id, () => planApi.removeActual(actual.id));
  return (
    <li>
      <strong>{formatMeasure(actual.value, metric.unit)}</strong> on {formatDate(actual.measuredOn)}
      <span className="fact-sub">
        {' '}
        by {actual.recordedBy.name} ({actual.recordedBy.side}){actual.note ? ` — ${actual.note}` : ''}
      </span>
      {canWrite && (
        <Button size="sm" variant="ghost" busy={remove.isPending} onClick={() => remove.mutate()} aria-label={`Remove the actual of ${formatDate(actual.measuredOn)}`}>
          Remove
        </Button>
      )}
    </li>
  );
}

function ActualForm({ project, plan, metric, onDone }: { project: Project; plan: SuccessPlan; metric: SuccessMetric; onDone: () => void }) {
  const [value, setValue] = useState('');
  const [measuredOn, setMeasuredOn] = useState(plan.today);
  const [note, setNote] = useState('');
  const notify = useToast();
  const record = usePlanChange(project.id, () =>
    planApi.recordActual(metric.id, { value: value.trim() === '' ? Number.NaN : Number(value), measuredOn, ...(note.trim() ? { note: note.trim() } : {}) }),
  );
  const problem = formProblem(record.error, ['value', 'measuredOn', 'note']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(undefined, {
      onSuccess: () => {
        notify(`${metric.name}: ${formatMeasure(Number(value), metric.unit)} recorded`);
        onDone();
      },
    });
  };
  return (
    <form className="actual-form" onSubmit={submit} aria-label={`Add an actual for ${metric.name}`}>
      <TextField label={`Value${metric.unit ? ` (${metric.unit})` : ''}`} type="number" step="any" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} error={problem.fieldError('value')} autoFocus required />
      <TextField label="Measured on" type="date" max={plan.today} value={measuredOn} onChange={(e) => setMeasuredOn(e.target.value)} error={problem.fieldError('measuredOn')} required />
      <TextField label="Note" optional value={note} onChange={(e) => setNote(e.target.value)} error={problem.fieldError('note')} placeholder="Where the figure comes from" />
      <div className="inline-form">
        <Button type="submit" variant="primary" size="sm" busy={record.isPending}>
          Record
        </Button>
        <Button size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
      <FormMessage message={problem.message} />
    </form>
  );
}

function EditOutcomeDialog({ project, outcome, onClose }: { project: Project; outcome: SuccessOutcome; onClose: () => void }) {
  const [statement, setStatement] = useState(outcome.statement);
  const save = usePlanChange(project.id, () => planApi.updateOutcome(outcome.id, statement));
  const problem = formProblem(save.error, ['statement']);
  return (
    <Dialog title="Edit the outcome" onClose={onClose}>
      <DialogForm
        onSubmit={() => save.mutate(undefined, { onSuccess: onClose })}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={save.isPending}>
              Save
            </Button>
          </>
        }
      >
        <TextAreaField label="Outcome" rows={3} value={statement} onChange={(e) => setStatement(e.target.value)} error={problem.fieldError('statement')} />
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

function RequestDialog({ project, outcome, onClose }: { project: Project; outcome: SuccessOutcome; onClose: () => void }) {
  const [note, setNote] = useState('');
  const notify = useToast();
  const send = usePlanChange(project.id, () => planApi.requestVerification(outcome.id, note.trim() || undefined));
  const problem = formProblem(send.error, ['note']);
  return (
    <Dialog
      title="Ask the customer to verify this outcome"
      description="The customer sees the request in the portal and confirms the outcome there, with a comment. You cannot verify it yourself."
      onClose={onClose}
    >
      <DialogForm
        onSubmit={() =>
          send.mutate(undefined, {
            onSuccess: () => {
              notify('Verification requested');
              onClose();
            },
          })
        }
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={send.isPending}>
              Request verification
            </Button>
          </>
        }
      >
        <TextAreaField
          label="Note to the customer"
          optional
          rows={3}
          placeholder="e.g. Tickets are down 40% since go-live: can you confirm from your side?"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={problem.fieldError('note')}
        />
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

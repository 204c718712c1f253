import { formatDate, formatDay } from '../app/format.ts';
import { useState } from 'react';
import { formProblem } from '../app/formProblem.ts';
import { Button } from '../components/ui/Button.tsx';
import { TextAreaField, TextField } from '../components/ui/Field.tsx';
import {
  useAssessmentActions,
  usePortalAssessment,
  usePortalAssessments,
  usePortalSuccessPlan,
  useSuccessPlanActions,
  type PortalMetric,
  type PortalOutcome,
  type ReadinessAnswer,
  type ReadinessQuestion,
} from './portal.api.ts';

const AREA: Record<string, string> = { people: 'People', processes: 'Processes', technology: 'Technology' };
const fmt = (value: number, unit: string) => `${new Intl.NumberFormat().format(value)}${unit ? ` ${unit}` : ''}`;

/** The readiness assessments sent to the customer: answered here, a bit at a time if need be. */
export function PortalReadiness({ projectId, readOnly }: { projectId: string; readOnly: boolean }) {
  const list = usePortalAssessments(projectId);
  const open = list.data?.find((a) => a.state === 'sent');
  const done = list.data?.filter((a) => a.state === 'submitted') ?? [];
  if (!open && done.length === 0) return null;
  return (
    <section className="portal-section" aria-labelledby="readiness">
      <h2 id="readiness" className="portal-h2">
        Readiness assessment
      </h2>
      {open ? (
        <AssessmentForm projectId={projectId} id={open.id} readOnly={readOnly} />
      ) : (
        <p className="portal-empty">Thank you: your answers were sent on {formatDay(done[0]!.submittedAt!)}.</p>
      )}
    </section>
  );
}

function AssessmentForm({ projectId, id, readOnly }: { projectId: string; id: string; readOnly: boolean }) {
  const assessment = usePortalAssessment(projectId, id);
  const { save, submit } = useAssessmentActions(projectId, id);
  const [values, setValues] = useState<Record<string, ReadinessAnswer>>({});
  if (!assessment.data) return null;
  const a = assessment.data;
  const value = (key: string): ReadinessAnswer => values[key] ?? a.answers[key]?.value ?? null;
  const set = (key: string, v: ReadinessAnswer) => setValues({ ...values, [key]: v });
  const answered = a.questions.filter((q) => {
    const v = value(q.key);
    return v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
  }).length;
  const problem = formProblem(save.error ?? submit.error, []);
  const areas = [...new Set(a.questions.map((q) => q.area))];
  return (
    <form
      className="portal-card portal-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(values, { onSuccess: () => submit.mutate() });
      }}
    >
      <p>
        {a.sentByName ?? 'Your onboarding team'} asks a few questions on whether your people, processes and technology are ready. Save as you go;
        send when you are done. <span className="portal-muted">{answered} of {a.questions.length} answered.</span>
      </p>
      {areas.map((area) => (
        <fieldset key={area} className="portal-area" disabled={readOnly}>
          <legend className="portal-h3">{AREA[area] ?? area}</legend>
          {a.questions
            .filter((q) => q.area === area)
            .map((q) => (
              <Question key={q.key} question={q} value={value(q.key)} onChange={(v) => set(q.key, v)} />
            ))}
        </fieldset>
      ))}
      {problem.message && <p className="form-error" role="alert">{problem.message}</p>}
      {save.isSuccess && !submit.isPending && <p role="status" className="portal-saved">Saved.</p>}
      {!readOnly && (
        <div className="portal-actions">
          <Button variant="primary" type="submit" busy={submit.isPending}>
            Send my answers
          </Button>
          <Button busy={save.isPending} onClick={() => save.mutate(values)}>
            Save for later
          </Button>
        </div>
      )}
    </form>
  );
}

function Question({ question, value, onChange }: { question: ReadinessQuestion; value: ReadinessAnswer; onChange: (v: ReadinessAnswer) => void }) {
  const name = `q-${question.key}`;
  if (question.type === 'text') {
    return <TextAreaField label={question.text} rows={2} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />;
  }
  const options: { label: string; v: ReadinessAnswer }[] =
    question.type === 'yes_no'
      ? [
          { label: 'Yes', v: true },
          { label: 'No', v: false },
        ]
      : question.type === 'scale'
        ? [1, 2, 3, 4, 5].map((n) => ({ label: String(n), v: n }))
        : 'choices' in question
          ? question.choices.map((c) => ({ label: c.label, v: c.label }))
          : [];
  const multiple = question.type === 'multiple_choice';
  const chosen = (v: ReadinessAnswer) => (multiple ? Array.isArray(value) && value.includes(v as string) : value === v);
  return (
    <fieldset className="portal-question">
      <legend>
        {question.text}
        {question.type === 'scale' && <span className="portal-muted"> (1 = not at all, 5 = fully)</span>}
      </legend>
      <div className="portal-options">
        {options.map((o) => (
          <label key={o.label} className={`portal-option${chosen(o.v) ? ' is-on' : ''}`}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              checked={chosen(o.v)}
              onChange={() => {
                if (!multiple) return onChange(o.v);
                const current = Array.isArray(value) ? value : [];
                onChange(current.includes(o.v as string) ? current.filter((x) => x !== o.v) : [...current, o.v as string]);
              }}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The mutual success plan as the customer sees it: goals, outcomes and their metrics; where they confirm value. */
export function PortalSuccessPlan({ projectId, readOnly }: { projectId: string; readOnly: boolean }) {
  const plan = usePortalSuccessPlan(projectId);
  if (!plan.data || (plan.data.goals.length === 0 && plan.data.outcomes.length === 0)) return null;
  const p = plan.data;
  return (
    <section className="portal-section" aria-labelledby="success-plan">
      <h2 id="success-plan" className="portal-h2">
        Our success plan
      </h2>
      <div className="portal-card">
        {p.goals.length > 0 && (
          <div>
            <h3 className="portal-h3">Goals</h3>
            <ul className="portal-list">
              {p.goals.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          </div>
        )}
        <p className="portal-muted">
          {p.value.verifiedOutcomes} of {p.value.totalOutcomes} outcomes confirmed
          {p.value.firstValueOn && ` · first value on ${formatDate(p.value.firstValueOn)}`}
          {p.executiveSponsor && ` · executive sponsor: ${p.executiveSponsor.name}`}
        </p>
        {p.outcomes.map((o) => (
          <OutcomeCard key={o.id} outcome={o} projectId={projectId} readOnly={readOnly} />
        ))}
      </div>
    </section>
  );
}

function OutcomeCard({ outcome, projectId, readOnly }: { outcome: PortalOutcome; projectId: string; readOnly: boolean }) {
  const { confirm } = useSuccessPlanActions(projectId);
  const [confirming, setConfirming] = useState(false);
  const [comment, setComment] = useState('');
  const [evidence, setEvidence] = useState('');
  const problem = formProblem(confirm.error, ['comment', 'evidence']);
  return (
    <article className="portal-outcome" data-outcome={outcome.statement}>
      <h3 className="portal-h3">{outcome.statement}</h3>
      {outcome.metrics.map((m) => (
        <MetricRow key={m.id} metric={m} projectId={projectId} readOnly={readOnly || !!outcome.verification} />
      ))}
      {outcome.verification ? (
        <p className="portal-approved">
          Confirmed by {outcome.verification.byName} on {formatDay(outcome.verification.at)}
          {outcome.verification.comment && `: “${outcome.verification.comment}”`}
        </p>
      ) : (
        !readOnly && (
          <>
            {outcome.verificationRequest && (
              <p className="portal-muted">
                {outcome.verificationRequest.byName} asks you to confirm this outcome{outcome.verificationRequest.note && `: ${outcome.verificationRequest.note}`}
              </p>
            )}
            {!confirming ? (
              <Button size="sm" variant={outcome.verificationRequest ? 'primary' : 'secondary'} onClick={() => setConfirming(true)}>
                Confirm this outcome is achieved
              </Button>
            ) : (
              <form
                className="portal-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  confirm.mutate({ outcomeId: outcome.id, comment, ...(evidence.trim() ? { evidence } : {}) }, { onSuccess: () => setConfirming(false) });
                }}
              >
                <TextAreaField label="What did you see?" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} error={problem.fieldError('comment')} autoFocus />
                <TextField label="Evidence" optional value={evidence} onChange={(e) => setEvidence(e.target.value)} hint="A report, a number, where to find it." />
                {problem.message && <p className="form-error" role="alert">{problem.message}</p>}
                <div className="portal-actions">
                  <Button type="submit" variant="primary" busy={confirm.isPending}>
                    Confirm
                  </Button>
                  <Button variant="ghost" onClick={() => setConfirming(false)}>
                    Cancel
                  </Button>
                </div>
              </form>
            )}
          </>
        )
      )}
    </article>
  );
}

function MetricRow({ metric, projectId, readOnly }: { metric: PortalMetric; projectId: string; readOnly: boolean }) {
  const { actual } = useSuccessPlanActions(projectId);
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [measuredOn, setMeasuredOn] = useState(new Date().toISOString().slice(0, 10));
  const problem = formProblem(actual.error, ['value', 'measuredOn']);
  const latest = metric.standing.latest;
  const progress = Math.max(0, Math.min(100, metric.standing.progressPercent ?? 0));
  return (
    <div className="portal-metric">
      <div className="portal-metric-head">
        <span>{metric.name}</span>
        <span className="portal-muted">
          {latest ? fmt(latest.value, metric.unit) : 'no value yet'} · from {fmt(metric.baseline, metric.unit)} to {fmt(metric.target, metric.unit)} by{' '}
          {formatDate(metric.targetDate)}
        </span>
      </div>
      <span className="portal-progress" role="progressbar" aria-label={`${metric.name}: progress to target`} aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100}>
        <span style={{ width: `${progress}%` }} />
      </span>
      {!readOnly &&
        (open ? (
          <form
            className="portal-inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              actual.mutate({ metricId: metric.id, value: Number(value), measuredOn }, { onSuccess: () => (setOpen(false), setValue('')) });
            }}
          >
            <TextField label={`Value${metric.unit ? ` (${metric.unit})` : ''}`} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} error={problem.fieldError('value')} autoFocus />
            <TextField label="Measured on" type="date" value={measuredOn} onChange={(e) => setMeasuredOn(e.target.value)} error={problem.fieldError('measuredOn')} />
            <Button type="submit" size="sm" variant="primary" busy={actual.isPending}>
              Save
            </Button>
          </form>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
            Record a value
          </Button>
        ))}
    </div>
  );
}

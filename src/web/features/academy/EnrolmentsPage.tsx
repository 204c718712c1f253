import { useState, type FormEvent } from 'react';
import { ENROLMENT_STATUSES } from '../../../core/academy/words.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, Select, SelectField, TextField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useAccountChoices, useAccountContacts, useCourses, useEnrol, useEnrolments, useNudge, usePaths, useStuck, useWithdraw } from './academy.api.ts';
import { Bar, shortDate } from './AcademyLayout.tsx';

const STATUS_TONE = { active: 'blue', completed: 'green', withdrawn: 'neutral' } as const;

export function EnrolmentsPage() {
  useDocumentTitle('Enrolments');
  const [accountId, setAccountId] = useState('');
  const [pathId, setPathId] = useState('');
  const [courseId, setCourseId] = useState('');
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const [enrolling, setEnrolling] = useState(false);
  const accounts = useAccountChoices();
  const paths = usePaths();
  const courses = useCourses();
  const enrolments = useEnrolments({ accountId, pathId, courseId, status, offset, limit: 50 });
  const withdraw = useWithdraw();
  const filter = (set: (v: string) => void) => (value: string) => {
    set(value);
    setOffset(0);
  };
  return (
    <div className="stack">
      <Section
        title="Enrolments and progress"
        count={enrolments.data?.total}
        actions={
          <Button variant="primary" onClick={() => setEnrolling(true)}>
            Enrol by hand
          </Button>
        }
      >
        {enrolling && <ManualEnrol onDone={() => setEnrolling(false)} />}
        <div className="academy-row" style={{ marginBottom: 12 }}>
          <Select aria-label="Account" value={accountId} onChange={(e) => filter(setAccountId)(e.target.value)} placeholder="All accounts" options={(accounts.data ?? []).map((a) => ({ value: a.id, label: a.name }))} />
          <Select aria-label="Path" value={pathId} onChange={(e) => filter(setPathId)(e.target.value)} placeholder="All paths" options={(paths.data ?? []).map((p) => ({ value: p.id, label: p.title }))} />
          <Select aria-label="Course" value={courseId} onChange={(e) => filter(setCourseId)(e.target.value)} placeholder="All courses" options={(courses.data ?? []).map((c) => ({ value: c.id, label: c.title }))} />
          <Select aria-label="Status" value={status} onChange={(e) => filter(setStatus)(e.target.value)} placeholder="Any status" options={ENROLMENT_STATUSES.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }))} />
        </div>
        {enrolments.isPending ? (
          <LoadingState />
        ) : enrolments.isError ? (
          <ErrorState error={enrolments.error} onRetry={() => void enrolments.refetch()} />
        ) : enrolments.data.items.length === 0 ? (
          <div className="card">
            <EmptyState title="Nobody is enrolled here yet">Add an enrolment rule (it enrols everyone who matches), or enrol an account or a few contacts by hand.</EmptyState>
          </div>
        ) : (
          <div className="card card-flush">
            <Table caption="Enrolments">
              <thead>
                <tr>
                  <th scope="col">Learner</th>
                  <th scope="col">Path</th>
                  <th scope="col">Progress</th>
                  <th scope="col" className="hide-phone">Enrolled by</th>
                  <th scope="col" className="hide-phone">Last activity</th>
                  <th scope="col"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {enrolments.data.items.map((e) => (
                  <tr key={e.id} data-enrolment={e.contactName}>
                    <td>
                      <div className="row-title">{e.contactName}</div>
                      <div className="muted lesson-small">{e.accountName}</div>
                    </td>
                    <td>
                      {e.pathTitle} <span className="muted lesson-small">v{e.pathVersion}</span>
                      <div>
                        <Badge tone={STATUS_TONE[e.status]}>{e.status === 'completed' ? 'Completed' : e.status === 'active' ? 'Active' : 'Withdrawn'}</Badge>
                      </div>
                    </td>
                    <td style={{ minWidth: 130 }}>
                      <Bar value={e.progress.percent} label={`${e.progress.completedCourses}/${e.progress.totalCourses}`} />
                      {e.progress.score !== null && <div className="muted lesson-small">Score {e.progress.score}%</div>}
                    </td>
                    <td className="hide-phone">{e.source.kind === 'rule' ? `Rule: ${e.source.ruleName}` : e.source.byName}</td>
                    <td className="hide-phone">{shortDate(e.progress.lastActivityAt)}</td>
                    <td>
                      {e.status === 'active' && (
                        <Button size="sm" variant="ghost" onClick={() => window.confirm(`Withdraw ${e.contactName} from ${e.pathTitle}?`) && withdraw.mutate({ id: e.id, reason: '' })}>
                          Withdraw
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
        {enrolments.data && enrolments.data.total > 50 && (
          <div className="academy-row" style={{ marginTop: 8 }}>
            <Button size="sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 50))}>
              Previous
            </Button>
            <span className="muted">
              {offset + 1}–{Math.min(offset + 50, enrolments.data.total)} of {enrolments.data.total}
            </span>
            <Button size="sm" disabled={offset + 50 >= enrolments.data.total} onClick={() => setOffset(offset + 50)}>
              Next
            </Button>
          </div>
        )}
      </Section>
      <StuckLearners />
    </div>
  );
}

/** By hand: every current contact of an account, or the ones ticked (one or several). */
function ManualEnrol({ onDone }: { onDone: () => void }) {
  const paths = usePaths();
  const accounts = useAccountChoices();
  const enrol = useEnrol();
  const notify = useToast();
  const [pathId, setPathId] = useState('');
  const [accountId, setAccountId] = useState('');
  const [who, setWho] = useState<'account' | 'contacts'>('account');
  const [picked, setPicked] = useState<string[]>([]);
  const contacts = useAccountContacts(who === 'contacts' ? accountId : '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const result = await enrol.mutateAsync(who === 'account' ? { pathId, accountId } : { pathId, contactIds: picked });
      notify(`${result.enrolled} enrolled${result.alreadyEnrolled ? `, ${result.alreadyEnrolled} already were` : ''}`);
      onDone();
    } catch {
      // shown below
    }
  };
  const problem = formProblem(enrol.error, ['pathId', 'accountId', 'contactIds']);
  const toggle = (id: string) => setPicked((now) => (now.includes(id) ? now.filter((p) => p !== id) : [...now, id]));
  return (
    <form className="card card-pad stack" style={{ marginBottom: 12 }} onSubmit={(e) => void submit(e)} noValidate aria-label="Enrol by hand">
      <div className="academy-row">
        <SelectField label="Learning path" value={pathId} onChange={(e) => setPathId(e.target.value)} placeholder="Choose a path…" options={(paths.data ?? []).map((p) => ({ value: p.id, label: p.title }))} error={problem.fieldError('pathId')} />
        <SelectField label="Account" value={accountId} onChange={(e) => { setAccountId(e.target.value); setPicked([]); }} placeholder="Choose an account…" options={(accounts.data ?? []).map((a) => ({ value: a.id, label: a.name }))} error={problem.fieldError('accountId')} />
        <SelectField label="Who" value={who} onChange={(e) => setWho(e.target.value as 'account' | 'contacts')} options={[{ value: 'account', label: 'Every current contact' }, { value: 'contacts', label: 'The contacts I tick' }]} />
      </div>
      {who === 'contacts' && accountId !== '' && (
        <fieldset className="stack" aria-label="Contacts to enrol">
          <legend className="lesson-small">Contacts to enrol</legend>
          {contacts.isPending ? (
            <LoadingState />
          ) : (contacts.data ?? []).length === 0 ? (
            <p className="muted">This account has no current contact: add one on the account page first.</p>
          ) : (
            (contacts.data ?? []).map((c) => (
              <label key={c.id} className="academy-row">
                <input type="checkbox" checked={picked.includes(c.id)} onChange={() => toggle(c.id)} /> {c.name} <span className="muted lesson-small">{c.email}</span>
              </label>
            ))
          )}
          {problem.fieldError('contactIds') && <p className="field-error">{problem.fieldError('contactIds')}</p>}
        </fieldset>
      )}
      <FormMessage message={problem.message} />
      <div className="academy-row">
        <Button type="submit" variant="primary" busy={enrol.isPending} disabled={who === 'contacts' && picked.length === 0}>
          {who === 'contacts' ? `Enrol ${picked.length} contact${picked.length === 1 ? '' : 's'}` : 'Enrol'}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Enrolled more than N days ago with no progress since: a nudge emails them (through the outbox and its cap). */
function StuckLearners() {
  const [days, setDays] = useState(14);
  const stuck = useStuck(days);
  const nudge = useNudge();
  const notify = useToast();
  return (
    <Section title="Who is stuck" count={stuck.data?.length} description={`Enrolled, and no progress for ${days} days or more.`}>
      <div className="academy-row" style={{ marginBottom: 8 }}>
        <TextField label="Days without progress" type="number" min={1} max={365} value={days} onChange={(e) => setDays(Math.max(1, Math.min(365, Number(e.target.value) || 1)))} />
      </div>
      {stuck.isPending ? (
        <LoadingState />
      ) : stuck.isError ? (
        <ErrorState error={stuck.error} onRetry={() => void stuck.refetch()} />
      ) : stuck.data.length === 0 ? (
        <div className="card">
          <EmptyState title="Nobody is stuck">Every enrolled learner has made progress in the last {days} days.</EmptyState>
        </div>
      ) : (
        <ul className="card card-pad academy-list" aria-label="Stuck learners">
          {stuck.data.map((s) => (
            <li key={s.enrolmentId}>
              <span>
                <strong>{s.contactName}</strong> <span className="muted">({s.accountName})</span>
                <br />
                <span className="lesson-small">
                  {s.pathTitle} · {s.daysSinceActivity} days without progress{s.lastNudgedAt ? ` · nudged ${shortDate(s.lastNudgedAt)}` : ''}
                </span>
              </span>
              <Button
                size="sm"
                busy={nudge.isPending && nudge.variables === s.enrolmentId}
                onClick={() => nudge.mutate(s.enrolmentId, { onSuccess: (r) => notify(r.queued ? `Nudge sent to ${s.contactName}` : (r.reason ?? 'Not sent'), r.queued ? 'success' : 'info'), onError: (e) => notify(e.message, 'error') })}
              >
                Nudge
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

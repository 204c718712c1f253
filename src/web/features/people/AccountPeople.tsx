import { useState } from 'react';
import { Link } from 'react-router';
import { RISK_KIND_LABELS } from '../../../core/turnover/risk.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { useCanWrite } from '../../app/session.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import type { Account } from '../accounts/accounts.api.ts';
import { ContactRoleBadge } from '../contacts/ContactsSection.tsx';
import { useAccountPeople, useNameSuccessor, useResolveRisk, type AccountPeople as People, type AccountRisk } from './people.api.ts';
import './people.css';

const TURNOVER_TOOLTIP =
  'People who left in the last 365 days, divided by the average headcount over those days (each day: people who had joined and not yet left).';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)} %`);

/** The account's people over time: figures, open risks (name a successor), who is and was there, and the lifecycle. */
export function AccountPeople({ account }: { account: Account }) {
  const people = useAccountPeople(account.id);
  return (
    <Section title="People" description="Who is there, who joined and who left, the risks a departure raised, and the account's story.">
      {people.isPending ? (
        <div className="card">
          <LoadingState label="Loading people…" />
        </div>
      ) : people.isError ? (
        <ErrorState title="Could not load the account's people" error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <PeopleView account={account} data={people.data} />
      )}
    </Section>
  );
}

function PeopleView({ account, data }: { account: Account; data: People }) {
  const open = data.risks.filter((risk) => risk.status === 'open');
  return (
    <div className="people">
      <dl className="facts card people-figures">
        <div className="fact">
          <dt>Current users</dt>
          <dd>{data.figures.currentUsers}</dd>
        </div>
        <div className="fact">
          <dt>
            <abbr title={TURNOVER_TOOLTIP}>Annual turnover</abbr>
          </dt>
          <dd>
            {percent(data.figures.annualTurnoverRate)}
            <span className="fact-sub">
              {data.figures.leftLast365Days} left in 365 days, {data.figures.averageHeadcount} on average
            </span>
          </dd>
        </div>
        <div className="fact">
          <dt>Open risks</dt>
          <dd>{data.figures.openRisks > 0 ? <Badge tone="red">{data.figures.openRisks}</Badge> : 0}</dd>
        </div>
      </dl>

      {open.length > 0 && (
        <div className="people-risks">
          <h3 className="people-heading">Open risks</h3>
          <ul className="risk-list">
            {open.map((risk) => (
              <RiskCard key={risk.id} account={account} risk={risk} data={data} />
            ))}
          </ul>
        </div>
      )}

      <h3 className="people-heading">People</h3>
      {data.people.length === 0 ? (
        <div className="card">
          <EmptyState title="Nobody here yet">Add the account's people under Contacts: the champion, the sponsor and the users.</EmptyState>
        </div>
      ) : (
        <div className="card card-flush">
          <Table caption={`People at ${account.name}`}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                <th scope="col">Left</th>
                <th scope="col">Modules</th>
              </tr>
            </thead>
            <tbody>
              {data.people.map((person) => (
                <tr key={person.id} className={person.current ? undefined : 'is-muted'}>
                  <td className="cell-primary">
                    <Link className="row-title" to={`/contacts/${person.id}`}>
                      {person.name}
                    </Link>
                    {person.title && <div className="cell-sub">{person.title}</div>}
                  </td>
                  <td>
                    <ContactRoleBadge role={person.role} />
                  </td>
                  <td className="nowrap">{formatDate(person.joinedOn)}</td>
                  <td className="nowrap">{person.leftOn ? <Badge tone="red">Left {formatDate(person.leftOn)}</Badge> : <span className="muted">Current</span>}</td>
                  <td>{person.modules.length ? person.modules.join(', ') : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}

      <h3 className="people-heading">Lifecycle</h3>
      {data.timeline.length === 0 ? (
        <div className="card">
          <EmptyState title="Nothing has happened yet">Start a project or add people: their story shows here.</EmptyState>
        </div>
      ) : (
        <ol className="card timeline">
          {data.timeline.slice(0, 100).map((item, index) => (
            <li key={`${item.kind}-${item.on}-${index}`} className={`timeline-item timeline-${item.kind}`}>
              <time dateTime={item.on}>{formatDate(item.on.slice(0, 10))}</time>
              <span>{item.href ? <Link to={item.href}>{item.text}</Link> : item.text}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function RiskCard({ account, risk, data }: { account: Account; risk: AccountRisk; data: People }) {
  const canWrite = useCanWrite() && !account.archivedAt;
  const [dialog, setDialog] = useState<'successor' | 'resolve' | undefined>();
  const owned = [
    `${risk.owned.openTasks} open task${risk.owned.openTasks === 1 ? '' : 's'}`,
    `${risk.owned.metrics} metric${risk.owned.metrics === 1 ? '' : 's'} of ${risk.owned.outcomes} outcome${risk.owned.outcomes === 1 ? '' : 's'}`,
    ...(risk.owned.trainees === null ? [] : [`${risk.owned.trainees} trainee${risk.owned.trainees === 1 ? '' : 's'}`]),
  ].join(' · ');
  return (
    <li className="card risk-card">
      <div className="risk-head">
        <Badge tone="red">{RISK_KIND_LABELS[risk.kind]}</Badge>
        <strong>{risk.contactName}</strong>
        <span className="muted">left {formatDate(risk.leftOn)}</span>
      </div>
      <p className="risk-owned">Owned: {owned}</p>
      {risk.successorName && <p>Successor: {risk.successorName}</p>}
      <ul className="risk-steps" aria-label="Turnover playbook">
        {risk.steps.map((step) => (
          <li key={step.key} className={step.doneAt ? 'is-done' : undefined}>
            <span aria-hidden="true">{step.doneAt ? '✓' : '○'}</span> {step.title}
            {step.doneAt && <span className="muted"> · {formatDateTime(step.doneAt)}</span>}
          </li>
        ))}
      </ul>
      {canWrite && (
        <div className="risk-actions">
          {!risk.successorContactId && (
            <Button variant="primary" size="sm" onClick={() => setDialog('successor')}>
              Name a successor
            </Button>
          )}
          <Button size="sm" onClick={() => setDialog('resolve')}>
            Resolve
          </Button>
        </div>
      )}
      {dialog === 'successor' && <SuccessorDialog accountId={account.id} risk={risk} data={data} onClose={() => setDialog(undefined)} />}
      {dialog === 'resolve' && <ResolveDialog accountId={account.id} risk={risk} onClose={() => setDialog(undefined)} />}
    </li>
  );
}

function SuccessorDialog({ accountId, risk, data, onClose }: { accountId: string; risk: AccountRisk; data: People; onClose: () => void }) {
  const notify = useToast();
  const mutation = useNameSuccessor(accountId, risk.id);
  const candidates = data.people.filter((p) => p.current && p.id !== risk.contactId);
  const [contactId, setContactId] = useState('');
  return (
    <Dialog title={`Who succeeds ${risk.contactName}?`} onClose={onClose} size="sm">
      <DialogForm
        onSubmit={() => mutation.mutate(contactId, { onSuccess: (named) => { notify(`${named.successorName ?? 'The successor'} takes over`); onClose(); } })}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={mutation.isPending} disabled={!contactId}>
              Name successor
            </Button>
          </>
        }
      >
        {candidates.length === 0 ? (
          <p>Nobody current is left at the account: add the new person under Contacts first.</p>
        ) : (
          <SelectField
            label="Successor"
            hint={`They take the role, ${risk.contactName}'s open tasks and metrics.`}
            value={contactId}
            onChange={(event) => setContactId(event.target.value)}
            placeholder="Choose a person"
            options={candidates.map((p) => ({ value: p.id, label: p.name }))}
          />
        )}
        <FormMessage message={mutation.error ? errorText(mutation.error) : undefined} />
      </DialogForm>
    </Dialog>
  );
}

function ResolveDialog({ accountId, risk, onClose }: { accountId: string; risk: AccountRisk; onClose: () => void }) {
  const notify = useToast();
  const mutation = useResolveRisk(accountId, risk.id);
  const [reason, setReason] = useState('');
  return (
    <Dialog title="Resolve this risk" onClose={onClose} size="sm">
      <DialogForm
        onSubmit={() => mutation.mutate(reason, { onSuccess: () => { notify('Risk resolved'); onClose(); } })}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={mutation.isPending}>
              Resolve
            </Button>
          </>
        }
      >
        <TextField label="How was it dealt with?" value={reason} onChange={(event) => setReason(event.target.value)} placeholder="e.g. The sponsor met the new champion" />
        <FormMessage message={mutation.error ? errorText(mutation.error) : undefined} />
      </DialogForm>
    </Dialog>
  );
}

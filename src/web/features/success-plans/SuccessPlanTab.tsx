import { useState, type FormEvent } from 'react';
import { CADENCE_FREQUENCY_LABELS } from '../../../core/success-plans/scorecard.ts';
import { isApiError } from '../../app/api.ts';
import { formatDate } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useCanWrite } from '../../app/session.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, Select, SelectField, TextAreaField, TextField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useContacts } from '../contacts/contacts.api.ts';
import type { Project } from '../projects/projects.api.ts';
import { OutcomeCard } from './OutcomeCard.tsx';
import { planApi, summaryPdfUrl, usePlanChange, useSuccessPlan, type CadenceEntry, type CadenceFrequency, type SuccessPlan } from './success-plans.api.ts';
import './success-plans.css';

const frequencyOptions = Object.entries(CADENCE_FREQUENCY_LABELS).map(([value, label]) => ({ value, label }));

/** The mutual success plan of a project: co-created with the customer, proven by them. */
export function SuccessPlanTab({ project }: { project: Project }) {
  const plan = useSuccessPlan(project.id);
  if (plan.isPending) return <LoadingState label="Loading the success plan…" />;
  if (plan.isError) return <ErrorState title="Could not load the success plan" error={plan.error} onRetry={() => void plan.refetch()} />;
  return <PlanView project={project} plan={plan.data} />;
}

function PlanView({ project, plan }: { project: Project; plan: SuccessPlan }) {
  const canWrite = useCanWrite() && project.status !== 'closed';
  return (
    <div className="success-plan">
      <ValueStrip project={project} plan={plan} />
      <Goals project={project} plan={plan} canWrite={canWrite} />
      <Outcomes project={project} plan={plan} canWrite={canWrite} />
      <SponsorAndCadence project={project} plan={plan} canWrite={canWrite} />
    </div>
  );
}

function ValueStrip({ project, plan }: { project: Project; plan: SuccessPlan }) {
  const { value } = plan;
  return (
    <div className="value-strip card card-pad">
      <div>
        <span className="value-label">First value</span>
        <strong>{value.firstValueOn ? formatDate(value.firstValueOn) : 'Not yet'}</strong>
        <span className="fact-sub">
          {value.firstValueOn ? 'the customer confirmed the first outcome' : 'reached when the customer confirms an outcome'}
          {value.firstValueOn && !value.firstValueMilestone && ' (recorded on the plan: this playbook has no First value milestone)'}
        </span>
      </div>
      <div>
        <span className="value-label">Value achieved</span>
        <strong>{value.valueAchievedOn ? formatDate(value.valueAchievedOn) : 'Not yet'}</strong>
        <span className="fact-sub">
          {value.verifiedOutcomes} of {value.totalOutcomes} outcome{value.totalOutcomes === 1 ? '' : 's'} confirmed
          {!value.valueAchievedOn &&
            value.totalOutcomes > 0 &&
            value.verifiedOutcomes === value.totalOutcomes &&
            !plan.outcomes.some((o) => o.metrics.length > 0) &&
            ': add a success metric, so value is measured and not only declared'}
          {value.valueAchievedOn && !value.valueAchievedMilestone && ' (recorded on the plan)'}
        </span>
      </div>
      <div className="value-strip-actions">
        <ButtonLink to={`/projects/${project.id}/summary`}>Executive summary</ButtonLink>
        <a className="btn btn-ghost" href={summaryPdfUrl(project.id)} download>
          Download PDF
        </a>
      </div>
    </div>
  );
}

function Goals({ project, plan, canWrite }: { project: Project; plan: SuccessPlan; canWrite: boolean }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const save = usePlanChange(project.id, (goals: string[]) => planApi.update(project.id, { goals }));
  const problem = formProblem(save.error, ['goals']);
  const start = () => {
    setText(plan.goals.join('\n'));
    save.reset();
    setEditing(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const goals = text.split('\n').map((line) => line.trim()).filter(Boolean);
    save.mutate(goals, { onSuccess: () => setEditing(false) });
  };
  return (
    <Section
      title="Goals"
      description="What the customer wants from this onboarding, in their words."
      actions={canWrite && !editing && <Button size="sm" onClick={start}>{plan.goals.length ? 'Edit goals' : 'Add goals'}</Button>}
    >
      {editing ? (
        <form className="card card-pad stack" onSubmit={submit}>
          <TextAreaField
            label="Goals"
            hint="One goal per line."
            rows={4}
            value={text}
            onChange={(event) => setText(event.target.value)}
            error={problem.fieldError('goals')}
            autoFocus
          />
          <FormMessage message={problem.message} />
          <div className="inline-form">
            <Button type="submit" variant="primary" busy={save.isPending}>
              Save goals
            </Button>
            <Button onClick={() => setEditing(false)}>Cancel</Button>
          </div>
        </form>
      ) : plan.goals.length === 0 ? (
        <div className="card">
          <EmptyState title="No goals yet">
            Agree the goals with the customer at kickoff (the hand-off says why they bought), then add them here, one per line.
          </EmptyState>
        </div>
      ) : (
        <ul className="goal-list card card-pad">
          {plan.goals.map((goal, i) => (
            <li key={i}>{goal}</li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Outcomes({ project, plan, canWrite }: { project: Project; plan: SuccessPlan; canWrite: boolean }) {
  const [statement, setStatement] = useState('');
  const add = usePlanChange(project.id, (text: string) => planApi.addOutcome(project.id, text));
  const problem = formProblem(add.error, ['statement']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(statement, { onSuccess: () => setStatement('') });
  };
  return (
    <Section
      title="Outcomes and success metrics"
      count={plan.outcomes.length}
      description="Each outcome is verified only when the customer confirms it in the portal. The first confirmed outcome is first value; all of them, value achieved."
    >
      <div className="stack">
        {plan.outcomes.length === 0 && (
          <div className="card">
            <EmptyState title="No outcomes yet">
              Write the business result the customer bought for as an outcome (“Support tickets halved by June”), then give it a metric with
              a baseline and a target.
            </EmptyState>
          </div>
        )}
        {plan.outcomes.map((outcome) => (
          <OutcomeCard key={outcome.id} project={project} plan={plan} outcome={outcome} canWrite={canWrite} />
        ))}
        {canWrite && (
          <form className="card card-pad" onSubmit={submit} aria-label="Add an outcome">
            <div className="inline-form outcome-add">
              <TextField
                label="New outcome"
                fieldClassName="grow"
                placeholder="e.g. New hires productive in their first week"
                value={statement}
                onChange={(event) => setStatement(event.target.value)}
                error={problem.fieldError('statement')}
              />
              <Button type="submit" variant="primary" busy={add.isPending}>
                Add outcome
              </Button>
            </div>
            <FormMessage message={problem.fieldError('statement') ? undefined : problem.message} />
          </form>
        )}
      </div>
    </Section>
  );
}

const emptyEntry: CadenceEntry = { who: '', meetsWhom: '', frequency: 'monthly', channel: '' };

function SponsorAndCadence({ project, plan, canWrite }: { project: Project; plan: SuccessPlan; canWrite: boolean }) {
  const contacts = useContacts(project.accountId, 'current');
  const saveSponsor = usePlanChange(project.id, (contactId: string | null) => planApi.update(project.id, { executiveSponsorContactId: contactId }));
  const saveCadence = usePlanChange(project.id, (entries: CadenceEntry[]) => planApi.update(project.id, { communicationCadence: entries }));
  const [entry, setEntry] = useState<CadenceEntry>(emptyEntry);
  const cadenceProblem = formProblem(saveCadence.error, ['communicationCadence']);
  // The entry being added is the last of the list sent: its errors are the ones at that index.
  const entryError = (field: keyof CadenceEntry) =>
    isApiError(saveCadence.error)
      ? saveCadence.error.problem.errors.find((e) => e.path[2] === plan.communicationCadence.length && e.path[3] === field)?.message
      : undefined;
  const sponsorOptions = (contacts.data ?? []).map((contact) => ({ value: contact.id, label: contact.title ? `${contact.name}, ${contact.title}` : contact.name }));
  const add = (event: FormEvent) => {
    event.preventDefault();
    saveCadence.mutate([...plan.communicationCadence, entry], { onSuccess: () => setEntry(emptyEntry) });
  };
  return (
    <Section title="Sponsor and communication cadence" description="Who sponsors the project on the customer's side, and who meets whom, how often.">
      <div className="card card-pad stack">
        {canWrite ? (
          <SelectField
            label="Executive sponsor"
            hint={plan.executiveSponsor?.left ? `${plan.executiveSponsor.name} has left the account: choose who sponsors it now.` : 'A contact of the account.'}
            value={plan.executiveSponsor?.contactId ?? ''}
            placeholder={contacts.isPending ? 'Loading contacts…' : sponsorOptions.length ? 'No sponsor named yet' : 'Add the account’s contacts first'}
            options={sponsorOptions}
            onChange={(event) => saveSponsor.mutate(event.target.value || null)}
            disabled={saveSponsor.isPending}
            error={formProblem(saveSponsor.error, ['executiveSponsorContactId']).fieldError('executiveSponsorContactId')}
          />
        ) : (
          <p>
            Executive sponsor: <strong>{plan.executiveSponsor?.name ?? 'not named yet'}</strong>
          </p>
        )}

        {plan.communicationCadence.length === 0 ? (
          <p className="muted">No meetings agreed yet. Agree with the customer who meets whom and how often, and add each here.</p>
        ) : (
          <Table caption="Communication cadence">
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">Meets</th>
                <th scope="col">How often</th>
                <th scope="col">Channel</th>
                {canWrite && <th scope="col"><span className="sr-only">Remove</span></th>}
              </tr>
            </thead>
            <tbody>
              {plan.communicationCadence.map((row, index) => (
                <tr key={index}>
                  <td>{row.who}</td>
                  <td>{row.meetsWhom}</td>
                  <td>{CADENCE_FREQUENCY_LABELS[row.frequency]}</td>
                  <td>{row.channel}</td>
                  {canWrite && (
                    <td className="num">
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Remove: ${row.who} meets ${row.meetsWhom}`}
                        onClick={() => saveCadence.mutate(plan.communicationCadence.filter((_, i) => i !== index))}
                      >
                        Remove
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {canWrite && (
          <form className="cadence-form" onSubmit={add} aria-label="Add a meeting to the cadence">
            <TextField label="Who" placeholder="Olivia (onboarding manager)" value={entry.who} onChange={(e) => setEntry({ ...entry, who: e.target.value })} error={entryError('who')} />
            <TextField label="Meets" placeholder="The executive sponsor" value={entry.meetsWhom} onChange={(e) => setEntry({ ...entry, meetsWhom: e.target.value })} error={entryError('meetsWhom')} />
            <label className="field">
              <span className="field-label">How often</span>
              <Select value={entry.frequency} options={frequencyOptions} onChange={(e) => setEntry({ ...entry, frequency: e.target.value as CadenceFrequency })} />
            </label>
            <TextField label="Channel" placeholder="Video call" value={entry.channel} onChange={(e) => setEntry({ ...entry, channel: e.target.value })} error={entryError('channel')} />
            <Button type="submit" busy={saveCadence.isPending}>
              Add meeting
            </Button>
          </form>
        )}
        <FormMessage message={cadenceProblem.message} />
      </div>
    </Section>
  );
}

import { useEffect, useState } from 'react';
import type { CadenceStep } from '../../../core/cadences/types.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { FormMessage, Select, SelectField, TextAreaField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { CONTACT_ROLES, CONTACT_ROLE_LABELS, type ContactRole } from '../../../core/people.ts';
import {
  useCadences,
  useCadenceSettings,
  useCadenceStats,
  usePauseCadence,
  useCreateCadence,
  useContactChoices,
  usePreview,
  useSaveCadence,
  useSaveCadenceSettings,
  useSendTest,
  type Cadence,
} from './cadences.api.ts';
import { CadenceTimeline, nextFreeDay, statsText } from './CadenceTimeline.tsx';

const audienceText = (audience: readonly ContactRole[]) =>
  audience.length ? audience.map((role) => CONTACT_ROLE_LABELS[role].toLowerCase()).join(', ') : 'every active contact';

const dayWord = (step: CadenceStep) => ((step.dayKind ?? 'business') === 'business' ? 'business' : 'calendar');

const triggerText = (step: CadenceStep) => {
  const t = step.trigger;
  const delay = step.delayDays ? ` + ${step.delayDays} ${dayWord(step)} days` : '';
  if (t.kind === 'day') return `${dayWord(step) === 'business' ? 'Business' : 'Calendar'} day ${t.day}${delay}`;
  if (t.kind === 'weekly') return `Weekly (day ${t.weekday}) from day ${t.fromDay} to ${t.untilDay}`;
  return `${t.event.replace(/_/g, ' ')}${t.milestone ? `: ${t.milestone.replace(/_/g, ' ')}` : ''}${t.taskKey ? `: ${t.taskKey}` : ''}${delay}`;
};

const senderText = (step: CadenceStep) =>
  step.sender.kind === 'persona' ? `${step.sender.name}, ${step.sender.title}` : step.sender.kind === 'member' ? 'A member' : 'Onboarding manager';

/** Cadences: their steps, editable, with a preview on a real contact's data and a test sent to yourself. */
export function CadencesPage() {
  useDocumentTitle('Cadences');
  const cadences = useCadences();
  const [cadenceId, setCadenceId] = useState<string | undefined>();
  const cadence = cadences.data?.find((c) => c.id === cadenceId) ?? cadences.data?.[0];
  const [stepId, setStepId] = useState<string | undefined>();
  const step = cadence?.steps.find((s) => s.id === stepId);
  const stats = useCadenceStats(cadence?.id);

  return (
    <div className="page">
      <PageHeader
        title="Cadences"
        description="The touches each onboarding gets, by segment and product: sent at a local time in each contact's timezone, on business days, within the frequency cap."
      />
      {cadences.isPending ? (
        <LoadingState label="Loading cadences…" />
      ) : cadences.isError ? (
        <ErrorState title="Cadences could not be loaded" error={cadences.error} onRetry={() => void cadences.refetch()} />
      ) : (
        <>
          <div className="cadence-toolbar">
            <Select
              aria-label="Cadence"
              value={cadence?.id ?? ''}
              onChange={(event) => {
                setCadenceId(event.target.value);
                setStepId(undefined);
              }}
              options={cadences.data.map((c) => ({ value: c.id, label: c.name }))}
            />
            {cadence?.touchModels.map((model) => (
              <Badge key={model} tone="blue">
                {model} touch
              </Badge>
            ))}
            {cadence && <PauseButton cadence={cadence} />}
          </div>
          <WelcomeTiming />
          {cadence && <p className="muted">{cadence.description}</p>}
          {cadence && <CopyCadence cadence={cadence} onCreated={(id) => setCadenceId(id)} />}
          {cadence && <CadenceTimeline steps={cadence.steps} stats={stats.data} selectedId={stepId} onSelect={setStepId} />}
          {cadence && (
            <div className="card card-flush">
              <Table caption={`Steps of ${cadence.name}`}>
                <thead>
                  <tr>
                    <th scope="col">Step</th>
                    <th scope="col">When</th>
                    <th scope="col">From</th>
                    <th scope="col">To</th>
                    <th scope="col">Messages</th>
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {cadence.steps.map((s) => (
                    <tr key={s.id} aria-selected={s.id === stepId}>
                      <td>
                        <button type="button" className="link-button" onClick={() => setStepId(s.id)}>
                          {s.name}
                        </button>
                      </td>
                      <td>
                        {triggerText(s)} at {s.sendAt}
                      </td>
                      <td>{senderText(s)}</td>
                      <td className="muted">{audienceText(s.audience)}</td>
                      <td className="muted">{statsText(stats.data?.steps.find((x) => x.stepId === s.id)) || '—'}</td>
                      <td className="cell-actions">
                        <StepActions cadence={cadence} step={s} onChanged={(id) => setStepId(id)} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )}
          {cadence && step && <StepEditor key={`${cadence.id}:${step.id}`} cadence={cadence} step={step} />}
        </>
      )}
    </div>
  );
}

function StepEditor({ cadence, step }: { cadence: Cadence; step: CadenceStep }) {
  const [draft, setDraft] = useState({
    name: step.name,
    trigger: step.trigger,
    sender: step.sender,
    subject: step.subject,
    body: step.body,
    sendAt: step.sendAt,
    dayKind: step.dayKind ?? 'business',
    audience: step.audience,
  });
  const [contactId, setContactId] = useState('');
  const save = useSaveCadence();
  const preview = usePreview();
  const sendTest = useSendTest();
  const contacts = useContactChoices();
  const toast = useToast();
  // Step errors name their place (steps.2.body: …): shown above the buttons, where the message says which field.
  const problem = save.error ? formProblem(save.error, []) : undefined;
  const input = { step: { subject: draft.subject, body: draft.body, sender: step.sender }, contactId: contactId || undefined };
  const { mutate: runPreview } = preview;

  useEffect(() => {
    const timer = setTimeout(() => runPreview({ step: { subject: draft.subject, body: draft.body, sender: step.sender }, contactId: contactId || undefined }), 300);
    return () => clearTimeout(timer);
  }, [draft.subject, draft.body, contactId, step.sender, runPreview]);

  return (
    <div className="card step-editor">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(
            { ...cadence, steps: cadence.steps.map((s) => (s.id === step.id ? { ...s, ...draft } : s)) },
            { onSuccess: () => toast('Cadence saved') },
          );
        }}
      >
        <h2>{step.name}</h2>
        <TextField label="Name" value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} />
        {draft.trigger.kind === 'day' && (
          <TextField
            label="Day (counted from day 0, the signature)"
            type="number"
            min={0}
            max={365}
            value={String(draft.trigger.day)}
            onChange={(event) => setDraft({ ...draft, trigger: { kind: 'day', day: Math.max(0, Math.min(365, Number(event.target.value) || 0)) } })}
          />
        )}
        <SelectField
          label="From"
          value={draft.sender.kind === 'onboarding_manager' ? 'onboarding_manager' : 'kept'}
          onChange={(event) => setDraft({ ...draft, sender: event.target.value === 'onboarding_manager' ? { kind: 'onboarding_manager' } : step.sender })}
          options={[
            { value: 'onboarding_manager', label: 'The project’s onboarding manager' },
            ...(step.sender.kind === 'onboarding_manager' ? [] : [{ value: 'kept', label: senderText(step) }]),
          ]}
        />
        <TextField label="Subject" value={draft.subject} onChange={(event) => setDraft({ ...draft, subject: event.target.value })} />
        <TextAreaField
          label="Body (markdown with {{ variables }})"
          rows={12}
          value={draft.body}
          onChange={(event) => setDraft({ ...draft, body: event.target.value })}
          hint="contact.firstName, account.name, product, onboardingManager.name, portalLink, nextCustomerTasks, daysToGoLive, goLiveDate"
        />
        <TextField label="Send at (local time)" value={draft.sendAt} onChange={(event) => setDraft({ ...draft, sendAt: event.target.value })} />
        <SelectField
          label="Days count"
          value={draft.dayKind}
          onChange={(event) => setDraft({ ...draft, dayKind: event.target.value as 'business' | 'calendar' })}
          options={[
            { value: 'business', label: 'Business days (weekends and holidays do not count)' },
            { value: 'calendar', label: 'Calendar days (a weekend or holiday moves to the next business day)' },
          ]}
        />
        <fieldset className="field">
          <legend className="field-label">To</legend>
          {CONTACT_ROLES.map((role) => (
            <label key={role} style={{ marginRight: 12 }}>
              <input
                type="checkbox"
                checked={draft.audience.includes(role)}
                onChange={(event) =>
                  setDraft({ ...draft, audience: event.target.checked ? [...draft.audience, role] : draft.audience.filter((r) => r !== role) })
                }
              />{' '}
              {CONTACT_ROLE_LABELS[role]}
            </label>
          ))}
          <p className="muted">{draft.audience.length ? `Sent to: ${audienceText(draft.audience)}.` : 'None ticked: sent to every active contact, end users included.'}</p>
        </fieldset>
        <FormMessage message={problem?.message} />
        <div style={{ display: 'flex', gap: 8 }}>
          <Button type="submit" variant="primary" busy={save.isPending}>
            Save
          </Button>
          <Button
            busy={sendTest.isPending}
            onClick={() => sendTest.mutate(input, { onSuccess: (sent) => toast(`Test sent to ${sent.to}`) })}
          >
            Send a test to yourself
          </Button>
        </div>
        {sendTest.isError && <FormMessage message={errorText(sendTest.error)} />}
      </form>
      <div>
        <Select
          aria-label="Preview with"
          value={contactId}
          onChange={(event) => setContactId(event.target.value)}
          options={[{ value: '', label: 'Preview with sample data' }, ...(contacts.data ?? []).map((c) => ({ value: c.id, label: `Preview for ${c.label}` }))]}
        />
        {preview.isError ? (
          <FormMessage message={errorText(preview.error)} />
        ) : preview.data ? (
          <>
            <p>
              <strong>{preview.data.subject}</strong>
              <br />
              <span className="muted">
                From {preview.data.fromName} to {preview.data.to}
              </span>
            </p>
            <iframe title="Preview" sandbox="" srcDoc={preview.data.html} style={{ width: '100%', height: 420, border: '1px solid #e4e7eb', borderRadius: 6 }} />
          </>
        ) : (
          <LoadingState label="Rendering…" />
        )}
      </div>
    </div>
  );
}

/** The workspace's choice for a deal that arrives after the welcome's hour (an afternoon deal). */
function WelcomeTiming() {
  const settings = useCadenceSettings();
  const save = useSaveCadenceSettings();
  const notify = useToast();
  if (!settings.data) return null;
  return (
    <div style={{ maxWidth: 520, marginBottom: 12 }}>
      <SelectField
        label="A deal that arrives after the welcome’s hour"
        value={settings.data.welcomeTiming}
        disabled={save.isPending}
        onChange={(event) =>
          save.mutate({ welcomeTiming: event.target.value as 'at_once' | 'next_morning' }, { onSuccess: () => notify('Welcome timing saved') })
        }
        options={[
          { value: 'at_once', label: 'Welcome at once' },
          { value: 'next_morning', label: 'Welcome at its hour on the next business morning' },
        ]}
        error={save.isError ? errorText(save.error) : undefined}
      />
    </div>
  );
}

/** Makes a new cadence from this one, to adapt for another segment or product. */
function CopyCadence({ cadence, onCreated }: { cadence: Cadence; onCreated: (id: string) => void }) {
  const create = useCreateCadence();
  const notify = useToast();
  const [name, setName] = useState('');
  return (
    <form
      className="inline-form"
      style={{ marginBottom: 12 }}
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) return;
        create.mutate(
          { name: name.trim(), description: cadence.description, touchModels: cadence.touchModels, products: cadence.products, steps: cadence.steps },
          {
            onSuccess: (created) => {
              notify(`Created “${created.name}”: adapt its steps below`);
              setName('');
              onCreated(created.id);
            },
          },
        );
      }}
    >
      <input className="input" aria-label="New cadence name" placeholder={`New cadence from “${cadence.name}”`} value={name} onChange={(event) => setName(event.target.value)} />
      <Button type="submit" busy={create.isPending} disabled={!name.trim()}>
        Create a copy
      </Button>
      {create.isError && <span className="field-error">{errorText(create.error)}</span>}
    </form>
  );
}

/** Duplicate a step onto the next free day, or remove it (with Undo); both save the cadence. */
function StepActions({ cadence, step, onChanged }: { cadence: Cadence; step: CadenceStep; onChanged: (id: string | undefined) => void }) {
  const save = useSaveCadence();
  const notify = useToast();
  const index = cadence.steps.findIndex((s) => s.id === step.id);
  const duplicate = () => {
    let n = 2;
    while (cadence.steps.some((s) => s.id === `${step.id}-${n}`)) n++;
    const trigger = step.trigger.kind === 'day' ? { kind: 'day' as const, day: nextFreeDay(cadence.steps, step.trigger.day + 1) } : step.trigger;
    const copy = { ...step, id: `${step.id}-${n}`, trigger, name: `${step.name} (copy)` };
    const steps = [...cadence.steps.slice(0, index + 1), copy, ...cadence.steps.slice(index + 1)];
    const where = trigger.kind === 'day' ? ` on day ${trigger.day}` : '';
    save.mutate({ ...cadence, steps }, { onSuccess: () => (notify(`Step duplicated${where}: edit it below`), onChanged(copy.id)) });
  };
  const remove = () =>
    save.mutate(
      { ...cadence, steps: cadence.steps.filter((s) => s.id !== step.id) },
      {
        onSuccess: () => {
          onChanged(undefined);
          // Undo puts the step back where it was, with its id: what it already sent is not sent again.
          notify(`Removed “${step.name}”`, 'success', {
            label: 'Undo',
            onClick: () => save.mutate({ ...cadence }, { onSuccess: () => (notify(`“${step.name}” is back`), onChanged(step.id)), onError: (error) => notify(errorText(error), 'error') }),
          });
        },
      },
    );
  return (
    <>
      <Button size="sm" variant="ghost" aria-label={`Duplicate ${step.name}`} onClick={duplicate} disabled={save.isPending}>
        Duplicate
      </Button>
      <Button size="sm" variant="ghost" aria-label={`Remove ${step.name}`} onClick={remove} disabled={save.isPending}>
        Remove
      </Button>
    </>
  );
}

/** Pause a cadence (nothing new goes to its projects' contacts) or resume it. */
function PauseButton({ cadence }: { cadence: Cadence }) {
  const pause = usePauseCadence();
  const notify = useToast();
  const paused = cadence.pausedAt !== null;
  return (
    <>
      {paused && <Badge tone="amber">Paused</Badge>}
      <Button
        size="sm"
        busy={pause.isPending}
        onClick={() =>
          pause.mutate(
            { id: cadence.id, paused: !paused },
            {
              onSuccess: () => notify(paused ? `“${cadence.name}” resumed: its projects are planned again` : `“${cadence.name}” paused: nothing new is sent`),
              onError: (error) => notify(errorText(error), 'error'),
            },
          )
        }
      >
        {paused ? 'Resume' : 'Pause'}
      </Button>
    </>
  );
}

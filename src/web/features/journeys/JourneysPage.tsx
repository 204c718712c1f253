import { useEffect, useState } from 'react';
import { CONTACT_ROLE_LABELS, type ContactRole } from '../../../core/people.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { FormMessage, Select, SelectField, TextAreaField, TextField } from '../../components/ui/Field.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { usePreview } from '../cadences/cadences.api.ts';
import { usePatchJourney, useJourneys, type Journey } from './journeys.api.ts';

type Step = Journey['steps'][number];

const EVENT_LABELS = { path_completed: 'When their learning path is completed', path_stalled: 'When their learning path stalls' } as const;

const whenText = (step: Step) => {
  const delay = step.delayDays ? ` + ${step.delayDays} days` : '';
  return step.trigger.kind === 'day' ? `Day ${step.trigger.day}${delay} at ${step.sendAt}` : `${EVENT_LABELS[step.trigger.event]}${delay}`;
};

const rolesText = (roles: readonly ContactRole[]) => (roles.length ? roles.map((role) => CONTACT_ROLE_LABELS[role]).join(', ') : 'Any role');

const senderText = (step: Step) =>
  step.sender.kind === 'persona' ? `${step.sender.name}, ${step.sender.title}` : step.sender.kind === 'member' ? 'A member' : 'The account’s CSM';

/** User onboarding journeys: which role gets which, their steps (editable, previewed), paused or running. */
export function JourneysPage() {
  useDocumentTitle('Journeys');
  const journeys = useJourneys();
  const [journeyId, setJourneyId] = useState<string | undefined>();
  const journey = journeys.data?.find((j) => j.id === journeyId) ?? journeys.data?.[0];
  const [stepId, setStepId] = useState<string | undefined>();
  const step = journey?.steps.find((s) => s.id === stepId);

  return (
    <div className="page">
      <PageHeader
        title="Journeys"
        description="What a person who joins an existing customer gets, by role: a welcome from the account’s CSM, portal access, their learning path, an introduction to their guide, and check-ins when the path is done or stalls. Sent within the frequency cap; the unsubscribe link stops them."
      />
      {journeys.isPending ? (
        <LoadingState label="Loading journeys…" />
      ) : journeys.isError ? (
        <ErrorState title="Journeys could not be loaded" error={journeys.error} onRetry={() => void journeys.refetch()} />
      ) : !journey ? (
        <EmptyState title="No journeys">Journeys per role are added when the workspace is set up. Reload the page to add them.</EmptyState>
      ) : (
        <>
          <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap', marginBottom: 12 }}>
            <Select
              aria-label="Journey"
              value={journey.id}
              onChange={(event) => {
                setJourneyId(event.target.value);
                setStepId(undefined);
              }}
              options={journeys.data.map((j) => ({ value: j.id, label: `${j.name}${j.paused ? ' (paused)' : ''}` }))}
            />
            <PauseButton journey={journey} />
          </div>
          <p className="muted">
            {journey.description} <br />
            For: {rolesText(journey.roles)}
            {journey.products.length ? ` · products: ${journey.products.join(', ')}` : ''} · stall check-in after {journey.stallDays} days without progress ·{' '}
            <Badge tone={journey.paused ? 'amber' : 'green'}>{journey.paused ? 'paused' : 'running'}</Badge> {journey.running} on it now
          </p>
          <div className="card card-flush">
            <Table caption={`Steps of ${journey.name}`}>
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col">When</th>
                  <th scope="col">From</th>
                  <th scope="col">Priority</th>
                </tr>
              </thead>
              <tbody>
                {journey.steps.map((s) => (
                  <tr key={s.id} aria-selected={s.id === stepId}>
                    <td>
                      <button type="button" className="link-button" onClick={() => setStepId(s.id)}>
                        {s.name}
                      </button>
                    </td>
                    <td>{whenText(s)}</td>
                    <td>{senderText(s)}</td>
                    <td>{s.priority}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
          {step ? <StepEditor key={`${journey.id}:${step.id}`} journey={journey} step={step} /> : <p className="muted">Choose a step to edit its timing and words.</p>}
        </>
      )}
    </div>
  );
}

function PauseButton({ journey }: { journey: Journey }) {
  const patch = usePatchJourney();
  const notify = useToast();
  return (
    <>
      <Button
        busy={patch.isPending}
        onClick={() =>
          patch.mutate({ id: journey.id, patch: { paused: !journey.paused } }, { onSuccess: (saved) => notify(saved.paused ? 'Journey paused: it sends nothing until resumed' : 'Journey resumed') })
        }
      >
        {journey.paused ? 'Resume' : 'Pause'}
      </Button>
      {patch.isError && <span className="field-error">{errorText(patch.error)}</span>}
    </>
  );
}

function StepEditor({ journey, step }: { journey: Journey; step: Step }) {
  const [draft, setDraft] = useState({ subject: step.subject, body: step.body, sendAt: step.sendAt, trigger: step.trigger, delayDays: step.delayDays });
  const save = usePatchJourney();
  const preview = usePreview();
  const notify = useToast();
  const problem = save.error ? formProblem(save.error, []) : undefined;
  const { mutate: runPreview } = preview;
  useEffect(() => {
    const timer = setTimeout(() => runPreview({ step: { subject: draft.subject, body: draft.body, sender: step.sender } }), 300);
    return () => clearTimeout(timer);
  }, [draft.subject, draft.body, step.sender, runPreview]);
  const whenValue = draft.trigger.kind === 'day' ? 'day' : draft.trigger.event;

  return (
    <div className="card journey-editor" style={{ marginTop: 16 }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ id: journey.id, patch: { steps: journey.steps.map((s) => (s.id === step.id ? { ...s, ...draft } : s)) } }, { onSuccess: () => notify('Journey saved') });
        }}
      >
        <h2>{step.name}</h2>
        <SelectField
          label="When"
          value={whenValue}
          onChange={(event) =>
            setDraft({
              ...draft,
              trigger: event.target.value === 'day' ? { kind: 'day', day: draft.trigger.kind === 'day' ? draft.trigger.day : 0 } : { kind: 'event', event: event.target.value as keyof typeof EVENT_LABELS },
            })
          }
          options={[{ value: 'day', label: 'A day after the journey starts' }, ...Object.entries(EVENT_LABELS).map(([value, label]) => ({ value, label }))]}
        />
        {draft.trigger.kind === 'day' && (
          <TextField
            label="Business day"
            type="number"
            min={0}
            value={String(draft.trigger.day)}
            onChange={(event) => setDraft({ ...draft, trigger: { kind: 'day', day: Math.max(0, Number(event.target.value) || 0) } })}
          />
        )}
        <TextField label="Send at (their local time)" value={draft.sendAt} onChange={(event) => setDraft({ ...draft, sendAt: event.target.value })} />
        <TextField label="Subject" value={draft.subject} onChange={(event) => setDraft({ ...draft, subject: event.target.value })} />
        <TextAreaField
          label="Body (markdown with {{ variables }})"
          rows={10}
          value={draft.body}
          onChange={(event) => setDraft({ ...draft, body: event.target.value })}
          hint="contact.firstName, account.name, product, onboardingManager.name (the CSM), portalLink, guide.name, guide.email, guide.assigned, learningPath.title, learningPath.link"
        />
        <FormMessage message={problem?.message} />
        <Button type="submit" variant="primary" busy={save.isPending}>
          Save
        </Button>
      </form>
      <div>
        <h3>Preview with sample data</h3>
        {preview.isError ? (
          <FormMessage message={errorText(preview.error)} />
        ) : preview.data ? (
          <>
            <p>
              <strong>{preview.data.subject}</strong>
            </p>
            <iframe title="Preview" sandbox="" srcDoc={preview.data.html} style={{ width: '100%', height: 380, border: '1px solid #e4e7eb', borderRadius: 6 }} />
          </>
        ) : (
          <LoadingState label="Rendering…" />
        )}
      </div>
    </div>
  );
}

import { useState } from 'react';
import { scoreReadiness } from '../../../core/readiness/readiness.ts';
import { isApiError } from '../../app/api.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { useCanWrite } from '../../app/session.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, Select, SelectField, TextAreaField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useContacts } from '../contacts/contacts.api.ts';
import type { Project } from '../projects/projects.api.ts';
import { AnswerControl } from './AnswerControl.tsx';
import {
  AREA_LABELS,
  useDiscardAssessment,
  useOverrideGate,
  useProjectReadiness,
  useQuestionnaires,
  useResolveRisk,
  useSaveAnswers,
  useSendAssessment,
  useStartAssessment,
  useSubmitAssessment,
  VERDICT_LABELS,
  type AnswerValue,
  type Assessment,
  type ProjectReadiness,
} from './readiness.api.ts';
import { ScoreBars, VerdictBadge } from './ScoreBars.tsx';

/** The project's readiness: the gate, the risk, the latest verdict, and the assessment under way. */
export function ReadinessTab({ project }: { project: Project }) {
  const readiness = useProjectReadiness(project.id);
  if (readiness.isPending) return <LoadingState label="Loading readiness…" />;
  if (readiness.isError) return <ErrorState error={readiness.error} onRetry={() => void readiness.refetch()} />;
  const data = readiness.data;
  return (
    <div className="readiness">
      <GateCallout project={project} readiness={data} />
      <RiskCallout project={project} readiness={data} />
      <div className="readiness-grid">
        <div>
          {data.current ? (
            <AssessmentForm key={data.current.id} project={project} assessment={data.current} />
          ) : (
            <StartAssessment project={project} hasLatest={Boolean(data.latest)} />
          )}
        </div>
        <div className="stack">
          <LatestResult readiness={data} />
          <PastAssessments readiness={data} />
        </div>
      </div>
    </div>
  );
}

function GateCallout({ project, readiness }: { project: Project; readiness: ProjectReadiness }) {
  const canWrite = useCanWrite();
  const [overriding, setOverriding] = useState(false);
  const { gate, override } = readiness;
  if (!gate.on) return null;
  if (override) {
    return (
      <div className="readiness-callout is-override" role="note">
        <div>
          <strong>Readiness gate overridden</strong>
          <p>
            {override.byName} let this project leave Mobilization on {formatDate(override.at.slice(0, 10))}: “{override.reason}”
          </p>
        </div>
      </div>
    );
  }
  if (gate.passes) return null;
  return (
    <div className="readiness-callout is-blocked" role="status">
      <div>
        <strong>Held in Mobilization</strong>
        <p>{gate.message}</p>
      </div>
      {canWrite && gate.canOverride && (
        <Button size="sm" onClick={() => setOverriding(true)}>
          Override the gate…
        </Button>
      )}
      {overriding && <ReasonDialog project={project} kind="override" onClose={() => setOverriding(false)} />}
    </div>
  );
}

function RiskCallout({ project, readiness }: { project: Project; readiness: ProjectReadiness }) {
  const canWrite = useCanWrite();
  const [resolving, setResolving] = useState(false);
  const { risk } = readiness;
  if (!risk) return null;
  return (
    <div className="readiness-callout is-risk" role="status">
      <div>
        <strong>Readiness risk</strong>
        <p>{risk.reason}</p>
        <p className="muted">
          Raised {formatDateTime(risk.raisedAt)} by {risk.raisedByName}. A later assessment that scores ready clears it.
        </p>
      </div>
      {canWrite && (
        <Button size="sm" onClick={() => setResolving(true)}>
          Resolve…
        </Button>
      )}
      {resolving && <ReasonDialog project={project} kind="resolve" riskId={risk.id} onClose={() => setResolving(false)} />}
    </div>
  );
}

function ReasonDialog({ project, kind, riskId, onClose }: { project: Project; kind: 'override' | 'resolve'; riskId?: string; onClose: () => void }) {
  const notify = useToast();
  const [reason, setReason] = useState('');
  const override = useOverrideGate(project.id);
  const resolve = useResolveRisk(project.id);
  const mutation = kind === 'override' ? override : resolve;
  const error = mutation.error;
  const fieldError = isApiError(error) ? error.problem.errors.find((e) => e.path[1] === 'reason')?.message : undefined;
  const submit = () => {
    const done = { onSuccess: () => (notify(kind === 'override' ? 'Gate overridden: later stages may start' : 'Risk resolved'), onClose()) };
    if (kind === 'override') override.mutate(reason, done);
    else resolve.mutate({ riskId: riskId!, reason }, done);
  };
  return (
    <Dialog
      title={kind === 'override' ? 'Override the readiness gate' : 'Resolve the readiness risk'}
      description={
        kind === 'override'
          ? 'Tasks after Mobilization may start although readiness does not pass. Your reason is kept in the history and shown on the project.'
          : 'Say how the risk was dealt with; it goes in the project’s history.'
      }
      onClose={onClose}
      size="sm"
    >
      <DialogForm
        onSubmit={submit}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={mutation.isPending}>
              {kind === 'override' ? 'Override' : 'Resolve'}
            </Button>
          </>
        }
      >
        <div className="stack">
          <TextAreaField
            label="Reason"
            required
            autoFocus
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={fieldError}
          />
          <FormMessage message={error && !fieldError ? errorText(error) : undefined} />
        </div>
      </DialogForm>
    </Dialog>
  );
}

function StartAssessment({ project, hasLatest }: { project: Project; hasLatest: boolean }) {
  const canWrite = useCanWrite();
  const questionnaires = useQuestionnaires();
  const start = useStartAssessment(project.id);
  const [questionnaireId, setQuestionnaireId] = useState('');
  const options = (questionnaires.data ?? []).map((q) => ({ value: q.id, label: `${q.name}${q.builtin ? ' (built-in)' : ''}` }));
  const chosen = questionnaireId || options[0]?.value || '';
  return (
    <div className="card card-pad">
      <EmptyState
        title={hasLatest ? 'No assessment under way' : 'No readiness assessment yet'}
        action={
          canWrite && (
            <div className="stack">
              {options.length > 1 && (
                <SelectField label="Questionnaire" options={options} value={chosen} onChange={(event) => setQuestionnaireId(event.target.value)} />
              )}
              <Button variant="primary" busy={start.isPending} disabled={!chosen} onClick={() => start.mutate(chosen)}>
                {hasLatest ? 'Start a new assessment' : 'Start the assessment'}
              </Button>
              <FormMessage message={start.error ? errorText(start.error) : undefined} />
            </div>
          )
        }
      >
        {hasLatest
          ? 'Assess again when things change: the latest submitted score is what the verdict and the gate go by.'
          : 'Ask whether the customer has the people, processes and technology to succeed. Fill it in with them, or send it to a contact to answer through the portal.'}
      </EmptyState>
    </div>
  );
}

type Draft = Record<string, AnswerValue>;

function AssessmentForm({ project, assessment }: { project: Project; assessment: Assessment }) {
  const canWrite = useCanWrite();
  const notify = useToast();
  const [draft, setDraft] = useState<Draft>({});
  const save = useSaveAnswers(project.id, assessment.id);
  const submit = useSubmitAssessment(project.id, assessment.id);
  const discard = useDiscardAssessment(project.id, assessment.id);
  const [sending, setSending] = useState(false);
  const changed = Object.keys(draft).length > 0;
  const error = save.error ?? submit.error;
  const errorFor = (key: string) =>
    isApiError(error) ? error.problem.errors.find((e) => e.path[e.path.length - 1] === key && e.path.includes('answers'))?.message : undefined;
  const valueOf = (key: string) => (key in draft ? draft[key] : assessment.answers[key]?.value);

  const saveDraft = async () => {
    if (!changed) return;
    await save.mutateAsync(draft);
    setDraft({});
  };
  const onSubmit = async () => {
    try {
      submit.reset();
      await saveDraft();
      const result = await submit.mutateAsync(undefined);
      notify(`Assessment submitted: ${result.score.overall}/100, ${VERDICT_LABELS[result.score.verdict!].toLowerCase()}`);
    } catch {
      // shown next to the answers
    }
  };
  // What the answers on screen would score, saved or not: the same scoring as the server's.
  const values = Object.fromEntries(assessment.questions.map((q) => [q.key, valueOf(q.key)]));
  const thresholds = assessment.score.thresholds;
  // The server refuses a text question that weighs anything but 0; core's type says so, the API's does not.
  const questions = assessment.questions.map((q) => (q.type === 'text' ? { ...q, weight: 0 as const } : q));
  const preview = { ...scoreReadiness({ name: assessment.questionnaire.name, questions, thresholds }, values), thresholds };
  const areas = (['people', 'processes', 'technology'] as const).filter((area) => assessment.questions.some((q) => q.area === area));
  return (
    <Section
      title="Assessment under way"
      description={
        <>
          {assessment.questionnaire.name} (version {assessment.questionnaire.version}), started by {assessment.startedByName} on{' '}
          {formatDate(assessment.createdAt.slice(0, 10))}.{' '}
          {assessment.sentTo
            ? `Sent to ${assessment.sentTo.name} (${assessment.sentTo.email}) on ${formatDate(assessment.sentAt!.slice(0, 10))}: they answer through the portal, and you can fill in too.`
            : 'Fill it in with the customer, or send it to a contact to answer through the portal.'}
        </>
      }
    >
      <form
        className="card card-pad"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        {areas.map((area) => (
          <div key={area}>
            <h3 className="readiness-area-title">{AREA_LABELS[area]}</h3>
            {assessment.questions
              .filter((question) => question.area === area)
              .map((question) => {
                const answer = assessment.answers[question.key];
                return (
                  <AnswerControl
                    key={question.key}
                    question={question}
                    value={valueOf(question.key)}
                    disabled={!canWrite}
                    error={errorFor(question.key)}
                    answeredBy={
                      answer && !(question.key in draft)
                        ? `Answered by ${answer.by.name}${answer.by.side === 'customer' ? ' (customer)' : ''}, ${formatDateTime(answer.at)}`
                        : undefined
                    }
                    onChange={(value) => setDraft((current) => ({ ...current, [question.key]: value }))}
                  />
                );
              })}
          </div>
        ))}
        <FormMessage message={error ? errorText(error) : undefined} />
        {canWrite && (
          <div className="readiness-actions">
            <Button variant="ghost" busy={discard.isPending} onClick={() => discard.mutate(undefined, { onSuccess: () => notify('Assessment discarded') })}>
              Discard
            </Button>
            <Button onClick={() => setSending(true)}>{assessment.sentTo ? 'Send to someone else…' : 'Send to the customer…'}</Button>
            <Button
              disabled={!changed}
              busy={save.isPending && !submit.isPending}
              onClick={() => void saveDraft().then(() => notify('Answers saved'), () => undefined)}
            >
              Save answers
            </Button>
            <Button type="submit" variant="primary" busy={submit.isPending}>
              Submit and score
            </Button>
          </div>
        )}
      </form>
      <div className="card card-pad form-note">
        <ScoreBars score={preview} preview />
      </div>
      {sending && <SendDialog project={project} assessment={assessment} onClose={() => setSending(false)} />}
    </Section>
  );
}

function SendDialog({ project, assessment, onClose }: { project: Project; assessment: Assessment; onClose: () => void }) {
  const notify = useToast();
  const contacts = useContacts(project.accountId, 'current');
  const send = useSendAssessment(project.id, assessment.id);
  const [contactId, setContactId] = useState(assessment.sentTo?.contactId ?? '');
  const options = (contacts.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }));
  const fieldError = isApiError(send.error) ? send.error.problem.errors.find((e) => e.path[1] === 'contactId')?.message : undefined;
  return (
    <Dialog title="Send to the customer" description="The contact answers through the customer portal; the answers show here as they come in." onClose={onClose} size="sm">
      <DialogForm
        onSubmit={() => send.mutate(contactId, { onSuccess: (a) => (notify(`Sent to ${a.sentTo?.name ?? 'the contact'}`), onClose()) })}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={send.isPending} disabled={!contactId}>
              Send
            </Button>
          </>
        }
      >
        {contacts.isPending ? (
          <LoadingState label="Loading contacts…" />
        ) : options.length === 0 ? (
          <EmptyState title="No contacts at this customer yet">Add the customer’s champion or project lead on the account page, then send it to them.</EmptyState>
        ) : (
          <div className="stack">
            <label className="field-label" htmlFor="readiness-send-contact">
              Contact
            </label>
            <Select id="readiness-send-contact" options={options} placeholder="Choose a contact" value={contactId} onChange={(event) => setContactId(event.target.value)} autoFocus />
            <FormMessage message={fieldError ?? (send.error ? errorText(send.error) : undefined)} />
          </div>
        )}
      </DialogForm>
    </Dialog>
  );
}

function LatestResult({ readiness }: { readiness: ProjectReadiness }) {
  const latest = readiness.latest;
  return (
    <Section title="Latest result">
      <div className="card card-pad">
        {latest ? (
          <>
            <p>
              <VerdictBadge verdict={latest.score.verdict} /> <strong>{latest.score.overall}/100</strong>{' '}
              <span className="muted">
                submitted by {latest.submittedByName} on {formatDate(latest.submittedAt!.slice(0, 10))}
              </span>
            </p>
            <ScoreBars score={latest.score} />
            {latest.score.weakest.length > 0 && (
              <>
                <p className="readiness-area-title">Talk about first</p>
                <ul className="readiness-weakest">
                  {latest.score.weakest.map((w) => (
                    <li key={w.key}>
                      {w.text} <span className="muted">({w.score}/100)</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        ) : (
          <EmptyState title="Not scored yet">Submit an assessment to see the customer’s readiness per area and overall.</EmptyState>
        )}
      </div>
    </Section>
  );
}

function PastAssessments({ readiness }: { readiness: ProjectReadiness }) {
  const past = readiness.history.filter((h) => h.state === 'submitted');
  if (past.length < 2) return null;
  return (
    <Section title="Earlier assessments" count={past.length - 1}>
      <ul className="card card-pad readiness-weakest">
        {past.slice(1).map((h) => (
          <li key={h.id}>
            {formatDate(h.submittedAt!.slice(0, 10))}: {h.overall}/100 <VerdictBadge verdict={h.verdict} /> <span className="muted">{h.questionnaireName}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

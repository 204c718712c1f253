import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { HANDOFF_FIELD_LABELS, HANDOFF_FIELDS, type HandoffAnswers, type HandoffField } from '../../../core/handoffs/quality.ts';
import { formatRelative } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { FormMessage, TextAreaField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useAnswerQuestion, useAskQuestion, useHandoff, useSaveHandoff, useSubmitHandoff, type Handoff } from './handoffs.api.ts';
import './handoffs.css';

const TEXT_FIELDS = HANDOFF_FIELDS.filter((field) => field !== 'promises' && field !== 'stakeholders') as Exclude<
  HandoffField,
  'promises' | 'stakeholders'
>[];

const HINTS: Partial<Record<HandoffField, string>> = {
  why_they_bought: 'The pain, in the customer’s words, that made them sign now.',
  definition_of_success: 'What they will measure, and by when, to say this worked.',
  risks: 'What could slow the onboarding: people, timing, other projects, politics.',
  technical_environment: 'Systems to integrate, SSO, data sources, who owns them.',
};

/** The rep’s knowledge transfer at signature, checked for substance before the onboarding team starts. */
export function HandoffPage() {
  const { id = '' } = useParams();
  const handoff = useHandoff(id);
  useDocumentTitle('Sales hand-off');
  return (
    <div className="page page-narrow">
      <PageHeader
        title="Sales hand-off"
        description={
          <>
            What sales knows, handed to the team that onboards the customer. <Link to={`/projects/${id}`}>Back to the project</Link>
          </>
        }
      />
      {handoff.isPending ? (
        <LoadingState />
      ) : handoff.isError ? (
        <ErrorState error={handoff.error} onRetry={() => void handoff.refetch()} />
      ) : (
        <HandoffForm handoff={handoff.data} />
      )}
    </div>
  );
}

function StatusBadge({ handoff }: { handoff: Handoff }) {
  if (handoff.status === 'complete') return <Badge tone="green">Hand-off complete</Badge>;
  if (handoff.status === 'questions') return <Badge tone="amber">Questions for the rep</Badge>;
  return <Badge tone="red">Hand-off incomplete</Badge>;
}

function HandoffForm({ handoff }: { handoff: Handoff }) {
  const notify = useToast();
  const [answers, setAnswers] = useState<HandoffAnswers>(handoff.answers);
  const save = useSaveHandoff(handoff.projectId);
  const submit = useSubmitHandoff(handoff.projectId);
  // Until someone tries to hand over, only thin answers are pointed out next to their field: an empty
  // form should invite, not scold (the list above says what is still missing).
  const [attempted, setAttempted] = useState(false);
  const flagFor = (field: HandoffField) =>
    handoff.quality.flags.find((flag) => flag.field === field && (attempted || flag.problem === 'thin'));
  const required = (field: HandoffField) => handoff.requiredFields.includes(field);
  const setText = (field: HandoffField, value: string) => setAnswers((current) => ({ ...current, [field]: value }));
  const stakeholders = answers.stakeholders ?? [];
  const promises = answers.promises ?? [];

  return (
    <div className="stack">
      <div className="card">
        <div className="handoff-summary">
          <StatusBadge handoff={handoff} />
          <span className="muted">
            {handoff.quality.score}% answered{handoff.rep ? ` · rep: ${handoff.rep.name}` : ''}
            {handoff.submittedAt ? ` · handed over ${formatRelative(handoff.submittedAt)}` : ''}
          </span>
        </div>
        {handoff.quality.flags.length > 0 && (
          <ul className="flag-list" aria-label="What the hand-off still lacks">
            {handoff.quality.flags.map((flag) => (
              <li key={flag.field} className={flag.required ? 'flag flag-required' : 'flag'}>
                {flag.message}
                {flag.required ? ' (required)' : ''}
              </li>
            ))}
          </ul>
        )}
      </div>

      <form
        className="card form-card"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setAttempted(true);
          save.mutate(answers, {
            onSuccess: () => submit.mutate(undefined, { onSuccess: (result) => notify(result.status === 'complete' ? 'Handed over' : 'Handed over, with open questions') }),
          });
        }}
      >
        <div className="stack">
          {TEXT_FIELDS.map((field) => (
            <TextAreaField
              key={field}
              label={HANDOFF_FIELD_LABELS[field]}
              optional={!required(field)}
              hint={HINTS[field]}
              rows={3}
              value={(answers[field] as string | undefined) ?? ''}
              onChange={(event) => setText(field, event.target.value)}
              error={flagFor(field)?.message}
            />
          ))}
          <fieldset className="stack">
            <legend className="field-label">
              {HANDOFF_FIELD_LABELS.stakeholders}
              {!required('stakeholders') && <span className="muted"> (optional)</span>}
            </legend>
            {stakeholders.map((person, index) => (
              <div className="inline-form" key={index}>
                <input
                  className="input"
                  aria-label={`Stakeholder ${index + 1} name`}
                  placeholder="Name"
                  value={person.name}
                  onChange={(event) =>
                    setAnswers((current) => ({
                      ...current,
                      stakeholders: stakeholders.map((s, i) => (i === index ? { ...s, name: event.target.value } : s)),
                    }))
                  }
                />
                <input
                  className="input"
                  aria-label={`Stakeholder ${index + 1} role`}
                  placeholder="Role (champion, sponsor, IT lead…)"
                  value={person.role}
                  onChange={(event) =>
                    setAnswers((current) => ({
                      ...current,
                      stakeholders: stakeholders.map((s, i) => (i === index ? { ...s, role: event.target.value } : s)),
                    }))
                  }
                />
                <Button type="button" variant="ghost" onClick={() => setAnswers((c) => ({ ...c, stakeholders: stakeholders.filter((_, i) => i !== index) }))}>
                  Remove
                </Button>
              </div>
            ))}
            <div>
              <Button type="button" onClick={() => setAnswers((c) => ({ ...c, stakeholders: [...stakeholders, { name: '', role: '' }] }))}>
                Add stakeholder
              </Button>
            </div>
            {flagFor('stakeholders') && <p className="field-error">{flagFor('stakeholders')!.message}</p>}
          </fieldset>
          <fieldset className="stack">
            <legend className="field-label">
              {HANDOFF_FIELD_LABELS.promises}
              {!required('promises') && <span className="muted"> (optional)</span>}
            </legend>
            {promises.map((promise, index) => (
              <div className="inline-form" key={index}>
                <select
                  className="input"
                  aria-label={`Promise ${index + 1} kind`}
                  value={promise.kind}
                  onChange={(event) =>
                    setAnswers((c) => ({
                      ...c,
                      promises: promises.map((p, i) => (i === index ? { ...p, kind: event.target.value as typeof p.kind } : p)),
                    }))
                  }
                >
                  <option value="feature">Feature</option>
                  <option value="date">Date</option>
                  <option value="price">Price</option>
                  <option value="other">Other</option>
                </select>
                <input
                  className="input"
                  aria-label={`Promise ${index + 1}`}
                  placeholder="What exactly was promised"
                  value={promise.what}
                  onChange={(event) =>
                    setAnswers((c) => ({ ...c, promises: promises.map((p, i) => (i === index ? { ...p, what: event.target.value } : p)) }))
                  }
                />
                <Button type="button" variant="ghost" onClick={() => setAnswers((c) => ({ ...c, promises: promises.filter((_, i) => i !== index) }))}>
                  Remove
                </Button>
              </div>
            ))}
            <div>
              <Button type="button" onClick={() => setAnswers((c) => ({ ...c, promises: [...promises, { kind: 'feature', what: '' }] }))}>
                Add promise
              </Button>
            </div>
          </fieldset>
        </div>
        <FormMessage message={save.isError ? errorText(save.error) : submit.isError ? errorText(submit.error) : undefined} />
        <div className="form-actions">
          <Button type="button" busy={save.isPending && !submit.isPending} onClick={() => save.mutate(answers, { onSuccess: () => notify('Draft saved') })}>
            Save draft
          </Button>
          <Button type="submit" variant="primary" busy={submit.isPending}>
            Hand over
          </Button>
        </div>
      </form>
      <Questions handoff={handoff} />
    </div>
  );
}

function Questions({ handoff }: { handoff: Handoff }) {
  const ask = useAskQuestion(handoff.projectId);
  const answer = useAnswerQuestion(handoff.projectId);
  const [text, setText] = useState('');
  const [field, setField] = useState<HandoffField | ''>('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  return (
    <section className="card" aria-label="Questions for the rep">
      <h2 className="card-title">Questions for the rep</h2>
      {handoff.questions.length === 0 ? (
        <p className="muted">No questions yet. Ask the rep anything the hand-off leaves unclear; they get an email.</p>
      ) : (
        <ul className="question-list">
          {handoff.questions.map((question) => (
            <li key={question.id} className="question">
              <p>
                <strong>{question.askedByName}</strong>
                {question.field ? ` on ${HANDOFF_FIELD_LABELS[question.field]}` : ''}: {question.text}
              </p>
              {question.answer ? (
                <p className="answer">
                  <strong>{question.answeredByName}</strong>: {question.answer}
                </p>
              ) : (
                <form
                  className="inline-form"
                  onSubmit={(event) => {
                    event.preventDefault();
                    const reply = answers[question.id]?.trim();
                    if (reply) answer.mutate({ questionId: question.id, answer: reply });
                  }}
                >
                  <input
                    className="input"
                    aria-label={`Answer to: ${question.text}`}
                    placeholder="Your answer"
                    value={answers[question.id] ?? ''}
                    onChange={(event) => setAnswers((current) => ({ ...current, [question.id]: event.target.value }))}
                  />
                  <Button type="submit" busy={answer.isPending}>
                    Answer
                  </Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (!text.trim()) return;
          ask.mutate({ text: text.trim(), field: field || null }, { onSuccess: () => setText('') });
        }}
      >
        <div className="inline-form">
          <select className="input" aria-label="About" value={field} onChange={(event) => setField(event.target.value as HandoffField | '')}>
            <option value="">About the whole hand-off</option>
            {HANDOFF_FIELDS.map((f) => (
              <option key={f} value={f}>
                {HANDOFF_FIELD_LABELS[f]}
              </option>
            ))}
          </select>
          <input className="input" aria-label="Question" placeholder="Ask the rep…" value={text} onChange={(event) => setText(event.target.value)} />
          <Button type="submit" busy={ask.isPending}>
            Ask
          </Button>
        </div>
        {ask.isError && <p className="field-error">{errorText(ask.error)}</p>}
      </form>
    </section>
  );
}

import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { useCanWrite } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { FormMessage, SelectField, TextAreaField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import {
  AREA_LABELS,
  useArchiveQuestionnaire,
  useCreateQuestionnaire,
  useQuestionnaire,
  useUpdateQuestionnaire,
  type ReadinessQuestion,
  type Questionnaire,
  type QuestionnaireInput,
} from './readiness.api.ts';
import './readiness.css';

const TYPE_LABELS: Record<ReadinessQuestion['type'], string> = {
  yes_no: 'Yes / no',
  scale: 'Scale 1–5',
  single_choice: 'Single choice',
  multiple_choice: 'Multiple choice',
  text: 'Text (not scored)',
};

/** A question as typed: numbers as text until saved, so a half-typed weight is not lost. */
interface QuestionDraft {
  key: string;
  area: ReadinessQuestion['area'];
  type: ReadinessQuestion['type'];
  text: string;
  weight: string;
  choices: { label: string; score: string }[];
  /** A new question's key follows its text until someone types a key. */
  autoKey: boolean;
}

const toDraft = (q: ReadinessQuestion): QuestionDraft => ({
  key: q.key,
  area: q.area,
  type: q.type,
  text: q.text,
  weight: String(q.weight),
  choices: 'choices' in q ? q.choices.map((c) => ({ label: c.label, score: String(c.score) })) : [],
  autoKey: false,
});

const keyFrom = (text: string, taken: string[]) => {
  const base = text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').replace(/^(\d)/, 'q_$1').slice(0, 40) || 'question';
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}_${n}`;
  return key;
};

const toQuestion = (d: QuestionDraft): ReadinessQuestion => {
  const common = { key: d.key, area: d.area, text: d.text };
  const weight = d.weight === '' ? Number.NaN : Number(d.weight);
  if (d.type === 'text') return { ...common, type: 'text', weight: 0 };
  if (d.type === 'single_choice' || d.type === 'multiple_choice') {
    return { ...common, type: d.type, weight, choices: d.choices.map((c) => ({ label: c.label, score: c.score === '' ? Number.NaN : Number(c.score) })) };
  }
  return { ...common, type: d.type, weight };
};

export function QuestionnaireEditorPage() {
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  const questionnaire = useQuestionnaire(isNew ? undefined : id);
  useDocumentTitle(isNew ? 'New questionnaire' : (questionnaire.data?.name ?? 'Questionnaire'));
  if (!isNew && questionnaire.isPending) return <LoadingState />;
  if (!isNew && questionnaire.isError) return <ErrorState error={questionnaire.error} onRetry={() => void questionnaire.refetch()} />;
  return <Editor key={questionnaire.data?.version ?? 'new'} questionnaire={isNew ? undefined : questionnaire.data} />;
}

function Editor({ questionnaire }: { questionnaire: Questionnaire | undefined }) {
  const canWrite = useCanWrite();
  const notify = useToast();
  const navigate = useNavigate();
  const create = useCreateQuestionnaire();
  const update = useUpdateQuestionnaire(questionnaire?.id ?? '');
  const archive = useArchiveQuestionnaire(questionnaire?.id ?? '');
  const save = questionnaire ? update : create;
  const [name, setName] = useState(questionnaire?.name ?? '');
  const [description, setDescription] = useState(questionnaire?.description ?? '');
  const [questions, setQuestions] = useState<QuestionDraft[]>(
    questionnaire?.questions.map(toDraft) ?? [{ key: 'question', area: 'people', type: 'yes_no', text: '', weight: '1', choices: [], autoKey: true }],
  );
  const errors = isApiError(save.error) ? save.error.problem.errors : [];
  const errorAt = (...path: (string | number)[]) =>
    errors.find((e) => e.path.length === path.length + 1 && path.every((p, i) => e.path[i + 1] === p))?.message;

  const change = (index: number, patch: Partial<QuestionDraft>) =>
    setQuestions((all) => all.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  const move = (index: number, by: number) =>
    setQuestions((all) => {
      const next = [...all];
      const [item] = next.splice(index, 1);
      next.splice(Math.max(0, Math.min(next.length, index + by)), 0, item!);
      return next;
    });
  const add = () =>
    setQuestions((all) => [...all, { key: keyFrom('question', all.map((q) => q.key)), area: 'people', type: 'yes_no', text: '', weight: '1', choices: [], autoKey: true }]);
  const changeText = (index: number, text: string) =>
    setQuestions((all) =>
      all.map((q, i) => (i !== index ? q : { ...q, text, ...(q.autoKey ? { key: keyFrom(text, all.filter((_, j) => j !== index).map((o) => o.key)) } : {}) })),
    );

  const submit = () => {
    const input: QuestionnaireInput = { name, description: description.trim() || null, questions: questions.map(toQuestion) };
    save.mutate(input, {
      onSuccess: (saved) => {
        notify(questionnaire ? `Saved as version ${saved.version}` : 'Questionnaire created');
        if (!questionnaire) void navigate(`/settings/readiness/questionnaires/${saved.id}`, { replace: true });
      },
    });
  };

  return (
    <div className="page">
      <PageHeader
        breadcrumb={<Link to="/settings/readiness">Readiness</Link>}
        title={questionnaire ? questionnaire.name : 'New questionnaire'}
        meta={
          questionnaire && (
            <>
              {questionnaire.builtin && <Badge>Built-in</Badge>}
              {questionnaire.archivedAt && <Badge tone="amber">Archived</Badge>}
              <span className="meta-text">
                Version {questionnaire.version} · used by {questionnaire.assessmentCount} assessment{questionnaire.assessmentCount === 1 ? '' : 's'}
              </span>
            </>
          )
        }
        actions={
          canWrite &&
          questionnaire && (
            <Button busy={archive.isPending} onClick={() => archive.mutate(!questionnaire.archivedAt)}>
              {questionnaire.archivedAt ? 'Restore' : 'Archive'}
            </Button>
          )
        }
      />
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="card form-card stack">
          <TextField label="Name" required value={name} disabled={!canWrite} onChange={(e) => setName(e.target.value)} error={errorAt('name')} />
          <TextAreaField
            label="Description"
            optional
            rows={2}
            value={description}
            disabled={!canWrite}
            onChange={(e) => setDescription(e.target.value)}
            error={errorAt('description')}
          />
        </div>
        {errorAt('questions') && <p className="field-error">{errorAt('questions')}</p>}
        {questions.map((q, index) => (
          <fieldset key={index} className="question-editor card" disabled={!canWrite}>
            <legend className="sr-only">Question {index + 1}</legend>
            <TextField
              label={`Question ${index + 1}`}
              value={q.text}
              onChange={(e) => changeText(index, e.target.value)}
              error={errorAt('questions', index, 'text')}
            />
            <div className="question-editor-row">
              <TextField
                label="Key"
                value={q.key}
                onChange={(e) => change(index, { key: e.target.value, autoKey: false })}
                error={errorAt('questions', index, 'key')}
                hint="Names the answer in exports; keep it once used."
              />
              <SelectField
                label="Area"
                value={q.area}
                options={(['people', 'processes', 'technology'] as const).map((area) => ({ value: area, label: AREA_LABELS[area] }))}
                onChange={(e) => change(index, { area: e.target.value as ReadinessQuestion['area'] })}
                error={errorAt('questions', index, 'area')}
              />
              <SelectField
                label="Type"
                value={q.type}
                options={Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label }))}
                onChange={(e) => {
                  const type = e.target.value as ReadinessQuestion['type'];
                  const needsChoices = (type === 'single_choice' || type === 'multiple_choice') && q.choices.length === 0;
                  change(index, {
                    type,
                    ...(type === 'text' ? { weight: '0' } : {}),
                    ...(needsChoices ? { choices: [{ label: 'Yes', score: '1' }, { label: 'No', score: '0' }] } : {}),
                  });
                }}
                error={errorAt('questions', index, 'type')}
              />
              <TextField
                label="Weight"
                type="number"
                min={0}
                max={10}
                step="any"
                value={q.weight}
                disabled={q.type === 'text'}
                onChange={(e) => change(index, { weight: e.target.value })}
                error={errorAt('questions', index, 'weight')}
              />
            </div>
            {(q.type === 'single_choice' || q.type === 'multiple_choice') && (
              <div className="stack">
                {q.choices.map((c, ci) => (
                  <div key={ci} className="choice-row">
                    <TextField
                      label={`Choice ${ci + 1}`}
                      value={c.label}
                      onChange={(e) => change(index, { choices: q.choices.map((x, i) => (i === ci ? { ...x, label: e.target.value } : x)) })}
                      error={errorAt('questions', index, 'choices', ci, 'label')}
                    />
                    <TextField
                      label="Score (0–1)"
                      type="number"
                      min={0}
                      max={1}
                      step="any"
                      value={c.score}
                      onChange={(e) => change(index, { choices: q.choices.map((x, i) => (i === ci ? { ...x, score: e.target.value } : x)) })}
                      error={errorAt('questions', index, 'choices', ci, 'score')}
                    />
                    <Button size="sm" variant="ghost" aria-label={`Remove choice ${ci + 1}`} onClick={() => change(index, { choices: q.choices.filter((_, i) => i !== ci) })}>
                      Remove
                    </Button>
                  </div>
                ))}
                {errorAt('questions', index, 'choices') && <p className="field-error">{errorAt('questions', index, 'choices')}</p>}
                <div>
                  <Button size="sm" onClick={() => change(index, { choices: [...q.choices, { label: '', score: '0' }] })}>
                    Add a choice
                  </Button>
                </div>
              </div>
            )}
            <div className="readiness-actions">
              <Button size="sm" variant="ghost" disabled={index === 0} onClick={() => move(index, -1)}>
                Move up
              </Button>
              <Button size="sm" variant="ghost" disabled={index === questions.length - 1} onClick={() => move(index, 1)}>
                Move down
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setQuestions((all) => all.filter((_, i) => i !== index))}>
                Remove question
              </Button>
            </div>
          </fieldset>
        ))}
        {questions.length === 0 && <p className="muted">No questions yet: add the first one below.</p>}
        <FormMessage
          message={
            errors.length > 0
              ? `Please correct the ${errors.length === 1 ? 'highlighted problem' : `${errors.length} highlighted problems`}.`
              : save.error
                ? errorText(save.error)
                : undefined
          }
        />
        {canWrite && (
          <div className="form-actions">
            <Button onClick={add}>Add a question</Button>
            <Button type="submit" variant="primary" busy={save.isPending}>
              {questionnaire ? 'Save as a new version' : 'Create questionnaire'}
            </Button>
          </div>
        )}
      </form>
    </div>
  );
}

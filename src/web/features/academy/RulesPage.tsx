import { useState, type FormEvent } from 'react';
import type { Audience, EnrolmentRule } from '../../../contract/academy.ts';
import { RULE_TRIGGERS, type RuleTrigger } from '../../../core/academy/words.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useCreateRule, useDeleteRule, usePaths, useRules, useUpdateRule } from './academy.api.ts';
import { AudienceFields, audienceText, EMPTY_AUDIENCE } from './AudienceFields.tsx';

export const TRIGGER_LABELS: Record<RuleTrigger, string> = {
  matching: 'Everyone who matches, now and in future',
  contact_joined: 'When a contact joins',
  role_changed: 'When a contact’s role changes',
  release_published: 'When a release is published',
  milestone_reached: 'When a project milestone is reached',
};

export function RulesPage() {
  useDocumentTitle('Enrolment rules');
  const rules = useRules();
  const paths = usePaths();
  const [editing, setEditing] = useState<EnrolmentRule | 'new' | null>(null);
  const remove = useDeleteRule();
  const update = useUpdateRule();
  const notify = useToast();
  const noPaths = paths.data?.length === 0;
  return (
    <Section
      title="Enrolment rules"
      count={rules.data?.length}
      description="A rule enrols the contacts who match it in a path: existing contacts when saved, new ones within a minute of being added."
      actions={!noPaths && <Button variant="primary" onClick={() => setEditing('new')}>New rule</Button>}
    >
      {editing && <RuleForm rule={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />}
      {rules.isPending ? (
        <LoadingState />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data.length === 0 && !editing ? (
        <div className="card">
          {noPaths ? (
            <EmptyState title="Make a learning path first" action={<ButtonLink to="/academy/paths/new" variant="primary">New learning path</ButtonLink>}>
              A rule enrols contacts in a path, so the path comes first.
            </EmptyState>
          ) : (
            <EmptyState title="No enrolment rules yet" action={<Button variant="primary" onClick={() => setEditing('new')}>New rule</Button>}>
              For example: end users of every account are enrolled in “Getting started” — and so is every end user added later.
            </EmptyState>
          )}
        </div>
      ) : (
        <ul className="academy-grid" aria-label="Enrolment rules">
          {rules.data.map((rule) => (
            <li key={rule.id} className="card card-pad academy-card">
              <h3>{rule.name}</h3>
              <div className="academy-row">
                <Badge tone={rule.active ? 'green' : 'neutral'}>{rule.active ? 'Active' : 'Paused'}</Badge>
                <span className="muted">{rule.enrolledCount} enrolled</span>
              </div>
              <p className="muted lesson-small">
                {TRIGGER_LABELS[rule.trigger]} → {rule.pathTitle}
              </p>
              <p className="muted lesson-small">For: {audienceText(rule.audience)}</p>
              <div className="academy-row">
                <Button size="sm" onClick={() => setEditing(rule)}>
                  Edit
                </Button>
                <Button size="sm" onClick={() => update.mutate({ id: rule.id, patch: { active: !rule.active } }, { onSuccess: (saved) => notify(saved.active ? `Rule on: ${saved.newlyEnrolled} newly enrolled` : 'Rule paused') })}>
                  {rule.active ? 'Pause' : 'Resume'}
                </Button>
                <Button size="sm" variant="ghost" onClick={() => window.confirm(`Delete the rule "${rule.name}"? Its enrolments with no progress yet are withdrawn (kept as history); learners who have started stay enrolled.`) && remove.mutate(rule.id)}>
                  Delete
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function RuleForm({ rule, onDone }: { rule?: EnrolmentRule | undefined; onDone: () => void }) {
  const paths = usePaths();
  const create = useCreateRule();
  const update = useUpdateRule();
  const notify = useToast();
  const [name, setName] = useState(rule?.name ?? '');
  const [pathId, setPathId] = useState(rule?.pathId ?? '');
  const [trigger, setTrigger] = useState<RuleTrigger>(rule?.trigger ?? 'matching');
  const [audience, setAudience] = useState<Audience>(rule?.audience ?? EMPTY_AUDIENCE);
  const [releaseProduct, setReleaseProduct] = useState(rule?.releaseProduct ?? '');
  const mutation = rule ? update : create;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = { name, pathId, audience, trigger, releaseProduct: trigger === 'release_published' && releaseProduct.trim() ? releaseProduct.trim() : null };
    try {
      const saved = rule ? await update.mutateAsync({ id: rule.id, patch: fields }) : await create.mutateAsync(fields);
      const withdrawn = saved.withdrawn ? `, ${saved.withdrawn} no longer matching withdrawn` : '';
      const kept = saved.keptWithProgress ? `; ${saved.keptWithProgress} no longer matching stay enrolled because they have started` : '';
      notify(`Rule saved: ${saved.newlyEnrolled} contact${saved.newlyEnrolled === 1 ? '' : 's'} newly enrolled${withdrawn}${kept}`);
      onDone();
    } catch {
      // shown below
    }
  };
  const problem = formProblem(mutation.error, ['name', 'pathId', 'trigger', 'audience', 'releaseProduct']);
  return (
    <form className="card card-pad stack" style={{ marginBottom: 16 }} onSubmit={(e) => void submit(e)} noValidate aria-label="Enrolment rule">
      <TextField label="Rule name" value={name} onChange={(e) => setName(e.target.value)} error={problem.fieldError('name')} required />
      <div className="academy-row">
        <SelectField label="Learning path" value={pathId} onChange={(e) => setPathId(e.target.value)} placeholder="Choose a path…" options={(paths.data ?? []).map((p) => ({ value: p.id, label: p.title }))} error={problem.fieldError('pathId')} />
        <SelectField label="When" value={trigger} onChange={(e) => setTrigger(e.target.value as RuleTrigger)} options={RULE_TRIGGERS.map((t) => ({ value: t, label: TRIGGER_LABELS[t] }))} error={problem.fieldError('trigger')} />
      </div>
      {trigger === 'release_published' && <TextField label="Only releases of product" optional value={releaseProduct} onChange={(e) => setReleaseProduct(e.target.value)} />}
      <AudienceFields audience={audience} onChange={setAudience} />
      {rule && (
        <p className="muted lesson-small">
          Saving re-evaluates the rule: contacts it now matches are enrolled; those it enrolled who no longer match are withdrawn if they have not started (kept as history), and stay enrolled if they have.
        </p>
      )}
      <FormMessage message={problem.message} />
      <div className="academy-row">
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          Save rule
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

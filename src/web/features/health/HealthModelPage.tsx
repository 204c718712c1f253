import { useState } from 'react';
import { HEALTH_MEASURES, MISSING_RULES, type HealthMeasureKey, type MissingRule } from '../../../core/health/score.ts';
import { SEGMENT_LABELS, type Segment } from '../../../core/people.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useIsAdmin } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { LAER_STAGE_LABELS } from '../accounts/labels.tsx';
import { useHealthModel, useLaerSummary, useUpdateHealthModel, type HealthModel } from './health.api.ts';
import './health.css';

const MISSING_LABELS: Record<MissingRule, string> = {
  ignore: 'Leave out, re-weight the others',
  red: 'Count as red (0)',
  neutral: 'Count as neutral (50)',
};
const kindOptions = [
  { value: 'weighted', label: 'Weighted: measures add up by their weights' },
  { value: 'worst_of', label: 'Worst-of: the weakest measure is the score' },
];

export function HealthModelPage() {
  useDocumentTitle('Health model');
  const model = useHealthModel();
  return (
    <div className="page">
      <PageHeader
        title="Health model"
        description="How every account’s health is scored: each measure turns its fact into 0–100 (100 at the green threshold, 0 at the red one), then the model combines them. Saving re-scores every account."
      />
      {model.isPending ? (
        <LoadingState />
      ) : model.isError ? (
        <ErrorState error={model.error} onRetry={() => void model.refetch()} />
      ) : (
        <ModelForm key={JSON.stringify(model.data)} model={model.data} />
      )}
      <LaerSummarySection />
    </div>
  );
}

interface Row {
  key: HealthMeasureKey;
  included: boolean;
  weight: string;
  green: string;
  red: string;
  missing: MissingRule;
}

function ModelForm({ model }: { model: HealthModel }) {
  const canEdit = useIsAdmin();
  const notify = useToast();
  const update = useUpdateHealthModel();
  const [kind, setKind] = useState(model.kind);
  const [rows, setRows] = useState<Row[]>(() =>
    HEALTH_MEASURES.map((key) => {
      const measure = model.measures.find((m) => m.key === key);
      return {
        key,
        included: Boolean(measure),
        weight: String(measure?.weight ?? 10),
        green: String(measure?.green ?? ''),
        red: String(measure?.red ?? ''),
        missing: measure?.missing ?? 'ignore',
      };
    }),
  );
  const problem = formProblem(update.error, ['kind', 'measures']);
  const info = Object.fromEntries(model.catalogue.map((c) => [c.key, c]));
  const change = (key: HealthMeasureKey, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const save = () => {
    const measures = rows
      .filter((r) => r.included)
      .map((r) => ({ key: r.key, weight: Number(r.weight), green: Number(r.green), red: Number(r.red), missing: r.missing }));
    update.mutate({ kind, measures }, { onSuccess: () => notify('Health model saved; every account re-scored') });
  };

  return (
    <Section title="Measures" description={model.isDefault ? 'The built-in model: change it to fit how your team judges an account.' : undefined}>
      <div className="card">
        <SelectField label="Model" value={kind} disabled={!canEdit} options={kindOptions} onChange={(e) => setKind(e.target.value as HealthModel['kind'])} />
        {rows.map((row) => {
          const about = info[row.key]!;
          return (
            <fieldset key={row.key} className="health-model-measure" disabled={!canEdit}>
              <legend>
                <label>
                  <input type="checkbox" checked={row.included} onChange={(e) => change(row.key, { included: e.target.checked })} /> {about.label}
                </label>{' '}
                <span className="muted health-small">
                  {about.explain} ({about.higherIsBetter ? 'higher is better' : 'lower is better'})
                </span>
              </legend>
              {row.included && (
                <>
                  <TextField label="Weight" type="number" min={0} inputMode="decimal" value={row.weight} onChange={(e) => change(row.key, { weight: e.target.value })} />
                  <TextField label={`Green at (${about.unit})`} type="number" inputMode="decimal" value={row.green} onChange={(e) => change(row.key, { green: e.target.value })} />
                  <TextField label={`Red at (${about.unit})`} type="number" inputMode="decimal" value={row.red} onChange={(e) => change(row.key, { red: e.target.value })} />
                  <SelectField
                    label="No fact"
                    value={row.missing}
                    options={MISSING_RULES.map((value) => ({ value, label: MISSING_LABELS[value] }))}
                    onChange={(e) => change(row.key, { missing: e.target.value as MissingRule })}
                  />
                </>
              )}
            </fieldset>
          );
        })}
        <FormMessage message={problem.message ?? problem.fieldError('measures') ?? problem.fieldError('kind')} />
        {canEdit ? (
          <Button onClick={save} disabled={update.isPending}>
            {update.isPending ? 'Saving and re-scoring…' : 'Save and re-score'}
          </Button>
        ) : (
          <p className="muted">Only admins change the health model.</p>
        )}
      </div>
    </Section>
  );
}

function LaerSummarySection() {
  const summary = useLaerSummary();
  return (
    <Section title="LAER stages" description="Active accounts per stage and the average days they have been in it, by segment.">
      {summary.isPending ? (
        <LoadingState />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : summary.data.rows.length === 0 ? (
        <div className="card">
          <EmptyState title="No accounts yet">Add an account (or connect your CRM) and its stage shows here.</EmptyState>
        </div>
      ) : (
        <div className="card card-flush">
          <Table caption="Accounts per LAER stage and segment, with average days in stage">
            <thead>
              <tr>
                <th scope="col">Segment</th>
                <th scope="col">Stage</th>
                <th scope="col" className="num">
                  Accounts
                </th>
                <th scope="col" className="num">
                  Average days in stage
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.data.rows.map((row) => (
                <tr key={`${row.segment}-${row.stage}`}>
                  <td>{SEGMENT_LABELS[row.segment as Segment] ?? row.segment}</td>
                  <td>
                    <Badge>{LAER_STAGE_LABELS[row.stage]}</Badge>
                  </td>
                  <td className="num">{row.accounts}</td>
                  <td className="num">{Number.isFinite(row.averageDays) ? Math.round(row.averageDays) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </Section>
  );
}

import { useState } from 'react';
import { formProblem } from '../../app/formProblem.ts';
import { useCanWrite } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { usePaths } from '../academy/academy.api.ts';
import { useCadences } from '../cadences/cadences.api.ts';
import { useProducts, useSaveProduct, type Product } from './products.api.ts';

/** One stage as the form holds it: text fields, turned into the criteria when saved. */
interface StageForm {
  key: string;
  name: string;
  modules: string;
  pathId: string;
  percent: string;
  outcomes: string;
  metric: string;
  atLeast: string;
  nextPathId: string;
  cadenceId: string;
}

const toForm = (stage: Product['stages'][number]): StageForm => ({
  key: stage.key,
  name: stage.name,
  modules: stage.criteria.modules.join(', '),
  pathId: stage.criteria.paths[0]?.pathId ?? '',
  percent: String(stage.criteria.paths[0]?.percent ?? 80),
  outcomes: String(stage.criteria.outcomesVerified),
  metric: stage.criteria.usage[0]?.metric ?? '',
  atLeast: String(stage.criteria.usage[0]?.atLeast ?? ''),
  nextPathId: stage.pathId ?? '',
  cadenceId: stage.cadenceId ?? '',
});

const fromForm = (stage: StageForm) => ({
  key: stage.key.trim(),
  name: stage.name.trim(),
  criteria: {
    modules: stage.modules.split(',').map((m) => m.trim()).filter(Boolean),
    paths: stage.pathId ? [{ pathId: stage.pathId, percent: Number.parseInt(stage.percent, 10) }] : [],
    outcomesVerified: Number.parseInt(stage.outcomes, 10) || 0,
    usage: stage.metric.trim() ? [{ metric: stage.metric.trim(), atLeast: Number(stage.atLeast) }] : [],
  },
  pathId: stage.nextPathId || null,
  cadenceId: stage.cadenceId || null,
});

/** Settings → Maturity: each product's stages, in order, with what reaching each takes and what it starts. */
export function MaturitySettingsPage() {
  useDocumentTitle('Maturity model');
  const products = useProducts();
  const [productId, setProductId] = useState('');
  const live = products.data?.filter((p) => !p.archivedAt) ?? [];
  const product = live.find((p) => p.id === productId) ?? live[0];
  return (
    <div className="page page-narrow">
      <PageHeader
        title="Maturity model"
        description="Stages per product, in order (basic → intermediate → advanced, or modules in the order they are adopted). An account or user reaches a stage when its criteria and every earlier stage's are met; reaching it enrols the stage's path, opens a success-plan review and moves the project to the stage's cadence. Evaluated on events and every night."
      />
      {products.isPending ? (
        <LoadingState />
      ) : products.isError ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : !product ? (
        <div className="card">
          <EmptyState title="No products yet" action={<ButtonLink to="/settings/products">Add a product</ButtonLink>}>
            Add the products you sell first; then give each its stages here.
          </EmptyState>
        </div>
      ) : (
        <>
          <SelectField label="Product" options={live.map((p) => ({ value: p.id, label: p.name }))} value={product.id} onChange={(e) => setProductId(e.target.value)} />
          <StagesForm key={`${product.id}-${JSON.stringify(product.stages)}`} product={product} />
        </>
      )}
    </div>
  );
}

function StagesForm({ product }: { product: Product }) {
  const canWrite = useCanWrite();
  const notify = useToast();
  const save = useSaveProduct(product.id);
  const paths = usePaths();
  const cadences = useCadences();
  const [stages, setStages] = useState<StageForm[]>(product.stages.map(toForm));
  const problem = formProblem(save.error, ['stages']);
  const pathOptions = (paths.data ?? []).map((p) => ({ value: p.id, label: p.title }));
  const update = (index: number, change: Partial<StageForm>) => setStages(stages.map((s, i) => (i === index ? { ...s, ...change } : s)));
  const blank: StageForm = { key: `stage-${stages.length + 1}`, name: '', modules: '', pathId: '', percent: '80', outcomes: '0', metric: '', atLeast: '', nextPathId: '', cadenceId: '' };
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ stages: stages.map(fromForm) }, { onSuccess: () => notify(`${product.name}'s stages saved`) });
      }}
    >
      {stages.length === 0 && (
        <div className="card">
          <EmptyState title={`${product.name} has no stages`}>Add its first stage (e.g. Basic: the core module in use, the essentials path completed by 80% of users).</EmptyState>
        </div>
      )}
      {stages.map((stage, index) => (
        <Section key={index} title={`${index + 1}. ${stage.name || 'New stage'}`}>
          <div className="card stack">
            <TextField label="Name" value={stage.name} disabled={!canWrite} onChange={(e) => update(index, { name: e.target.value })} />
            <TextField label="Key" value={stage.key} disabled={!canWrite} hint="Lowercase, used by the API" onChange={(e) => update(index, { key: e.target.value })} />
            <TextField label="Modules in use" optional hint={`Of ${product.modules.join(', ') || 'the product (it lists no modules yet)'}`} value={stage.modules} disabled={!canWrite} onChange={(e) => update(index, { modules: e.target.value })} />
            <SelectField label="Path completed" optional options={pathOptions} placeholder="No path" value={stage.pathId} disabled={!canWrite} onChange={(e) => update(index, { pathId: e.target.value })} />
            {stage.pathId && <TextField label="By this % of users" type="number" min={1} max={100} value={stage.percent} disabled={!canWrite} onChange={(e) => update(index, { percent: e.target.value })} />}
            <TextField label="Outcomes verified (at least)" type="number" min={0} value={stage.outcomes} disabled={!canWrite} onChange={(e) => update(index, { outcomes: e.target.value })} />
            <TextField label="Usage metric" optional hint="As posted to POST /accounts/:id/usage, e.g. weekly_active" value={stage.metric} disabled={!canWrite} onChange={(e) => update(index, { metric: e.target.value })} />
            {stage.metric && <TextField label="At least" type="number" value={stage.atLeast} disabled={!canWrite} onChange={(e) => update(index, { atLeast: e.target.value })} />}
            <SelectField label="When reached, enrol in" optional options={pathOptions} placeholder="No path" value={stage.nextPathId} disabled={!canWrite} onChange={(e) => update(index, { nextPathId: e.target.value })} />
            <SelectField
              label="When reached, follow the cadence"
              optional
              options={(cadences.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              placeholder="Keep the project's cadence"
              value={stage.cadenceId}
              disabled={!canWrite}
              onChange={(e) => update(index, { cadenceId: e.target.value })}
            />
            {canWrite && (
              <div>
                <Button size="sm" variant="ghost" onClick={() => setStages(stages.filter((_, i) => i !== index))}>
                  Remove stage
                </Button>
              </div>
            )}
          </div>
        </Section>
      ))}
      <FormMessage message={problem.message} />
      {canWrite && (
        <div className="cluster" style={{ flexWrap: 'wrap', gap: '0.5rem' }}>
          <Button onClick={() => setStages([...stages, blank])}>Add a stage</Button>
          <Button type="submit" variant="primary" busy={save.isPending}>
            Save stages
          </Button>
        </div>
      )}
    </form>
  );
}

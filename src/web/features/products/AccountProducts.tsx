import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useCanWrite } from '../../app/session.tsx';
import { useFormValues } from '../../app/useFormValues.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import type { Account } from '../accounts/accounts.api.ts';
import { useAccountProducts, useAddAccountProduct, useAddOrganizationOnboarding, useModeSuggestion, useProducts, type AccountProductsView } from './products.api.ts';

type ProductLine = AccountProductsView['products'][number];

const MODE_LABELS = { original: 'Original purchase', project: 'Onboarding project', users_only: 'Users only' } as const;
const TYPE_OPTIONS = [
  { value: 'department', label: 'Department' },
  { value: 'subsidiary', label: 'Subsidiary' },
  { value: 'region', label: 'Region' },
];

/** The account's products (with their onboarding and maturity stage) and its organizations, with the actions that add them. */
export function AccountProducts({ account }: { account: Account }) {
  const canWrite = useCanWrite() && !account.archivedAt;
  const view = useAccountProducts(account.id);
  const [adding, setAdding] = useState<'product' | 'organization' | undefined>();

  return (
    <Section
      title="Products & organizations"
      count={view.data?.products.length}
      description="What the account bought after its first product, the departments and subsidiaries that joined, and how far each product has matured."
      actions={
        canWrite && (
          <>
            <Button size="sm" onClick={() => setAdding('product')}>
              Add a product
            </Button>
            <Button size="sm" onClick={() => setAdding('organization')}>
              Add an organization
            </Button>
          </>
        )
      }
    >
      {view.isPending ? (
        <div className="card">
          <LoadingState label="Loading products…" />
        </div>
      ) : view.isError ? (
        <ErrorState title="Could not load the account's products" error={view.error} onRetry={() => void view.refetch()} />
      ) : (
        <div className="stack">
          {view.data.products.length === 0 ? (
            <div className="card">
              <EmptyState title="No products yet">
                {canWrite ? 'Add the product this account bought: it starts its onboarding (a project, or its users only).' : 'This account has no products.'}
              </EmptyState>
            </div>
          ) : (
            view.data.products.map((product) => <ProductCard key={product.name} product={product} />)
          )}
          <OrganizationsTable account={account} organizations={view.data.organizations} canWrite={canWrite} />
          {view.data.usage.length > 0 && (
            <p className="muted">
              Latest usage: {view.data.usage.slice(0, 3).map((u) => `${u.metric} ${u.value} (${formatDate(u.at.slice(0, 10))})`).join(' · ')}
            </p>
          )}
        </div>
      )}
      {adding === 'product' && <AddProductDialog account={account} onClose={() => setAdding(undefined)} />}
      {adding === 'organization' && <AddOrganizationDialog account={account} onClose={() => setAdding(undefined)} />}
    </Section>
  );
}

function ProductCard({ product }: { product: ProductLine }) {
  const [showHistory, setShowHistory] = useState(false);
  const stageName = (key: string | null) => (key ? (product.stages.find((s) => s.key === key)?.name ?? key) : 'Not started');
  return (
    <div className="card">
      <div className="cluster" style={{ justifyContent: 'space-between', flexWrap: 'wrap', gap: '0.5rem' }}>
        <strong>{product.name}</strong>
        <span className="cluster" style={{ flexWrap: 'wrap', gap: '0.25rem' }}>
          <Badge tone={product.mode === 'users_only' ? 'blue' : 'neutral'}>{MODE_LABELS[product.mode]}</Badge>
          {product.stages.length > 0 && <Badge tone="green">{stageName(product.stage)}</Badge>}
        </span>
      </div>
      <p className="muted">
        {product.projectId ? (
          <>
            Onboarding: <Link to={`/projects/${product.projectId}`}>{product.projectName ?? 'project'}</Link>
          </>
        ) : product.mode === 'users_only' ? (
          'Onboarding: its users only (journeys and learning paths), no project.'
        ) : (
          'No onboarding project yet.'
        )}
        {product.addedOn && ` · since ${formatDate(product.addedOn)}`}
      </p>
      {product.stages.length === 0 ? (
        <p className="muted">No maturity model for this product: define its stages under Settings → Maturity.</p>
      ) : (
        <>
          <ol className="cluster" aria-label={`${product.name} maturity stages`} style={{ listStyle: 'none', padding: 0, flexWrap: 'wrap', gap: '0.25rem' }}>
            {product.stages.map((stage) => (
              <li key={stage.key}>
                <Badge tone={stage.key === product.stage ? 'green' : 'neutral'}>{stage.name}</Badge>
              </li>
            ))}
          </ol>
          {product.next.length > 0 && <p className="muted">Next: {product.next.join('; ')}</p>}
          {product.users.length > 0 && (
            <p className="muted">
              Users: {product.users.map((u) => `${u.name} (${stageName(u.stage)})`).join(', ')}
            </p>
          )}
          {product.history.length > 0 && (
            <Button size="sm" variant="ghost" onClick={() => setShowHistory(!showHistory)} aria-expanded={showHistory}>
              {showHistory ? 'Hide stage history' : `Stage history (${product.history.length})`}
            </Button>
          )}
          {showHistory && (
            <ul className="stack">
              {product.history.map((change) => (
                <li key={`${change.at}-${change.to}`}>
                  {formatDateTime(change.at)}: {stageName(change.from)} → {stageName(change.to)} — {change.why}
                  {change.reviewTaskId && ' (success-plan review task opened)'}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function OrganizationsTable({ account, organizations, canWrite }: { account: Account; organizations: AccountProductsView['organizations']; canWrite: boolean }) {
  if (organizations.length === 0) {
    return (
      <div className="card">
        <EmptyState title="No other organizations">
          {canWrite ? 'When a department, subsidiary or region starts using the product, add it: it gets its own project or joins the existing implementation.' : 'No department or subsidiary has joined yet.'}
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="card card-flush">
      <Table caption={`Organizations at ${account.name}`}>
        <thead>
          <tr>
            <th scope="col">Organization</th>
            <th scope="col">Onboarding</th>
            <th scope="col" className="num">
              Users
            </th>
          </tr>
        </thead>
        <tbody>
          {organizations.map((o) => (
            <tr key={o.id} className={o.archived ? 'is-muted' : undefined}>
              <td className="cell-primary">
                <span className="row-title">{o.name}</span> {o.type && <Badge>{o.type}</Badge>}
              </td>
              <td>
                {o.projectId ? <Link to={`/projects/${o.projectId}`}>{o.projectName ?? 'Separate implementation'}</Link> : 'Users join the existing implementation'}
                {o.suggestedMode && o.suggestedMode !== o.mode && <span className="muted"> (the rule suggested otherwise: {o.suggestedBecause})</span>}
              </td>
              <td className="num">{o.users ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function AddProductDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const notify = useToast();
  const catalogue = useProducts();
  const add = useAddAccountProduct(account.id);
  const form = useFormValues({ product: '', mode: '', day0: '' });
  const problem = formProblem(add.error, ['product', 'mode', 'day0']);
  const held = new Set(account.products.map((p) => p.toLowerCase()));
  const options = (catalogue.data ?? []).filter((p) => !p.archivedAt && !held.has(p.name.toLowerCase())).map((p) => ({ value: p.name, label: p.needsImplementation ? p.name : `${p.name} (users only)` }));
  const submit = () =>
    add.mutate(
      { product: form.values.product, ...(form.values.mode ? { mode: form.values.mode as 'project' | 'users_only' } : {}), ...(form.values.day0 ? { day0: form.values.day0 } : {}) },
      {
        onSuccess: (added) => {
          notify(added.mode === 'project' ? `${added.product} added: its onboarding project started` : `${added.product} added: its users will be onboarded`);
          onClose();
        },
      },
    );
  return (
    <Dialog title={`Add a product to ${account.name}`} onClose={onClose} size="sm">
      <DialogForm
        onSubmit={submit}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={add.isPending}>
              Add product
            </Button>
          </>
        }
      >
        <div className="stack">
          {catalogue.isSuccess && options.length === 0 ? (
            <p>Every product of the catalogue is already on this account. Add products under Settings → Products.</p>
          ) : (
            <SelectField label="Product" options={options} placeholder="Choose a product" {...form.bind('product')} error={problem.fieldError('product')} />
          )}
          <SelectField
            label="Onboarding"
            optional
            options={[
              { value: 'project', label: 'An onboarding project from its playbook' },
              { value: 'users_only', label: 'Its users only (journeys and paths)' },
            ]}
            placeholder="As the product says"
            {...form.bind('mode')}
            error={problem.fieldError('mode')}
          />
          <TextField label="Day 0" type="date" optional hint="Omitted: today" {...form.bind('day0')} error={problem.fieldError('day0')} />
        </div>
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

function AddOrganizationDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const notify = useToast();
  const add = useAddOrganizationOnboarding(account.id);
  const form = useFormValues({ name: '', type: 'department', users: '10', mode: '' });
  const users = Number.parseInt(form.values.users, 10);
  const suggestion = useModeSuggestion(account.id, Number.isFinite(users) && users > 0 ? users : 0, form.values.type);
  const problem = formProblem(add.error, ['name', 'type', 'users', 'mode']);
  const submit = () =>
    add.mutate(
      { name: form.values.name, type: form.values.type as 'department', users: Number.isFinite(users) ? users : 0, ...(form.values.mode ? { mode: form.values.mode as 'project' | 'users_only' } : {}) },
      {
        onSuccess: (added) => {
          notify(added.mode === 'project' ? `${form.values.name} added with its own implementation project` : `${form.values.name} added: its users join the existing implementation`);
          onClose();
        },
      },
    );
  return (
    <Dialog title={`Add an organization to ${account.name}`} onClose={onClose} size="sm">
      <DialogForm
        onSubmit={submit}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={add.isPending}>
              Add organization
            </Button>
          </>
        }
      >
        <div className="stack">
          <TextField label="Name" placeholder="e.g. Acme Brazil" {...form.bind('name')} error={problem.fieldError('name')} />
          <SelectField label="Type" options={TYPE_OPTIONS} {...form.bind('type')} error={problem.fieldError('type')} />
          <TextField label="Users" type="number" min={1} inputMode="numeric" {...form.bind('users')} error={problem.fieldError('users')} />
          <SelectField
            label="Onboarding"
            options={[
              { value: 'project', label: 'A separate implementation (its own project)' },
              { value: 'users_only', label: 'Its users join the existing implementation' },
            ]}
            placeholder={suggestion.data ? `As the rule suggests: ${suggestion.data.mode === 'project' ? 'separate implementation' : 'users join'}` : 'As the rule suggests'}
            {...form.bind('mode')}
            error={problem.fieldError('mode')}
            hint={suggestion.data ? `Suggested because ${suggestion.data.because}.` : undefined}
          />
        </div>
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

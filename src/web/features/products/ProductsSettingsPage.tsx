import { useState } from 'react';
import { CONTACT_ROLE_LABELS, CONTACT_ROLES, COMPLEXITIES, type ContactRole } from '../../../core/people.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useCanWrite } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, SelectField, TextAreaField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { usePaths } from '../academy/academy.api.ts';
import { usePlaybooks } from '../playbooks/playbooks.api.ts';
import { useArchiveProduct, useOrganizationRule, useProducts, useSaveOrganizationRule, useSaveProduct, type OrganizationRule, type Product } from './products.api.ts';

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** Settings → Products: what the workspace sells, and when a new organization of an account gets its own implementation. */
export function ProductsSettingsPage() {
  useDocumentTitle('Products');
  const products = useProducts();
  const canWrite = useCanWrite();
  const archive = useArchiveProduct();
  const [editing, setEditing] = useState<Product | 'new' | undefined>();
  return (
    <div className="page page-narrow">
      <PageHeader
        title="Products"
        description="What the workspace sells. Accounts, contacts, projects, cadences and courses may only name these products (and their modules). A product that needs no implementation onboards its buyers' users only."
        actions={
          canWrite && (
            <Button variant="primary" onClick={() => setEditing('new')}>
              Add a product
            </Button>
          )
        }
      />
      {products.isPending ? (
        <LoadingState />
      ) : products.isError ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : products.data.length === 0 ? (
        <div className="card">
          <EmptyState title="No products yet">Add the products you sell, with their modules: until then any product name is accepted.</EmptyState>
        </div>
      ) : (
        <div className="card card-flush">
          <Table caption="Products the workspace sells">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Onboarding</th>
                <th scope="col" className="num">
                  Accounts
                </th>
                {canWrite && (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {products.data.map((product) => (
                <tr key={product.id} className={product.archivedAt ? 'is-muted' : undefined}>
                  <td className="cell-primary">
                    <span className="row-title">{product.name}</span> {product.archivedAt && <Badge>No longer sold</Badge>}
                    {product.modules.length > 0 && <div className="muted">{product.modules.join(', ')}</div>}
                  </td>
                  <td>{product.needsImplementation ? `Project${product.playbookName ? ` (${product.playbookName})` : ''}` : 'Users only'}</td>
                  <td className="num">{product.accountCount}</td>
                  {canWrite && (
                    <td className="cell-actions">
                      <Button size="sm" variant="ghost" aria-label={`Edit ${product.name}`} onClick={() => setEditing(product)}>
                        Edit
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => archive.mutate({ id: product.id, archived: !product.archivedAt })}>
                        {product.archivedAt ? 'Sell again' : 'Stop selling'}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      <RuleSection canWrite={canWrite} />
      {editing && <ProductDialog product={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
    </div>
  );
}

function ProductDialog({ product, onClose }: { product?: Product; onClose: () => void }) {
  const notify = useToast();
  const save = useSaveProduct(product?.id);
  const playbooks = usePlaybooks();
  const paths = usePaths();
  const [values, setValues] = useState({
    name: product?.name ?? '',
    description: product?.description ?? '',
    modules: product?.modules.join(', ') ?? '',
    needsImplementation: product?.needsImplementation ?? true,
    playbookId: product?.playbookId ?? '',
    pathId: product?.enablement[0]?.pathId ?? '',
    roles: (product?.enablement[0]?.roles ?? []) as ContactRole[],
  });
  const problem = formProblem(save.error, ['name', 'description', 'modules', 'playbookId', 'enablement']);
  const submit = () =>
    save.mutate(
      {
        name: values.name,
        description: values.description.trim() || null,
        modules: list(values.modules),
        needsImplementation: values.needsImplementation,
        playbookId: values.playbookId || null,
        enablement: values.pathId ? [{ pathId: values.pathId, roles: values.roles }, ...(product?.enablement.slice(1) ?? [])] as { pathId: string; roles: ContactRole[] }[] : [],
      },
      {
        onSuccess: (saved) => {
          notify(`${saved.name} saved`);
          onClose();
        },
      },
    );
  return (
    <Dialog title={product ? `Edit ${product.name}` : 'Add a product'} onClose={onClose}>
      <DialogForm
        onSubmit={submit}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={save.isPending}>
              Save product
            </Button>
          </>
        }
      >
        <div className="stack">
          <TextField label="Name" value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} error={problem.fieldError('name')} />
          <TextAreaField label="Why it matters, where it fits" optional value={values.description} onChange={(e) => setValues({ ...values, description: e.target.value })} error={problem.fieldError('description')} />
          <TextField label="Modules" hint="Separated by commas, in the order they are usually adopted" optional value={values.modules} onChange={(e) => setValues({ ...values, modules: e.target.value })} error={problem.fieldError('modules')} />
          <label>
            <input type="checkbox" checked={values.needsImplementation} onChange={(e) => setValues({ ...values, needsImplementation: e.target.checked })} /> Needs an implementation (an
            onboarding project); unticked, buying it onboards its users only
          </label>
          <SelectField
            label="Playbook"
            optional
            options={(playbooks.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            placeholder="The best match for the account"
            value={values.playbookId}
            onChange={(e) => setValues({ ...values, playbookId: e.target.value })}
            error={problem.fieldError('playbookId')}
          />
          <SelectField
            label="Enablement path"
            optional
            options={(paths.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
            placeholder="None"
            value={values.pathId}
            onChange={(e) => setValues({ ...values, pathId: e.target.value })}
            hint="The academy enrols people through rules with this product in their audience."
          />
          {values.pathId && (
            <fieldset>
              <legend>For roles</legend>
              {CONTACT_ROLES.map((role) => (
                <label key={role} style={{ marginRight: '0.75rem', whiteSpace: 'nowrap' }}>
                  <input
                    type="checkbox"
                    checked={values.roles.includes(role)}
                    onChange={(e) => setValues({ ...values, roles: e.target.checked ? [...values.roles, role] : values.roles.filter((r) => r !== role) })}
                  />{' '}
                  {CONTACT_ROLE_LABELS[role]}
                </label>
              ))}
            </fieldset>
          )}
        </div>
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

function RuleSection({ canWrite }: { canWrite: boolean }) {
  const rule = useOrganizationRule();
  return (
    <Section title="New organizations" description="When a department, subsidiary or region of an account starts using a product, this rule suggests a separate implementation or onboarding its users to the existing one.">
      {rule.isPending ? <LoadingState /> : rule.isError ? <ErrorState error={rule.error} onRetry={() => void rule.refetch()} /> : <RuleForm key={JSON.stringify(rule.data)} rule={rule.data} canWrite={canWrite} />}
    </Section>
  );
}

function RuleForm({ rule, canWrite }: { rule: OrganizationRule; canWrite: boolean }) {
  const notify = useToast();
  const save = useSaveOrganizationRule();
  const [users, setUsers] = useState(String(rule.separateFromUsers));
  const [types, setTypes] = useState<string[]>(rule.separateTypes);
  const [complexities, setComplexities] = useState<string[]>(rule.separateComplexities);
  const problem = formProblem(save.error, ['separateFromUsers']);
  const toggle = (values: string[], value: string, on: boolean) => (on ? [...values, value] : values.filter((v) => v !== value));
  return (
    <form
      className="card stack"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          { separateFromUsers: Number.parseInt(users, 10), separateTypes: types as OrganizationRule['separateTypes'], separateComplexities: complexities as OrganizationRule['separateComplexities'] },
          { onSuccess: () => notify('Rule saved') },
        );
      }}
    >
      <TextField label="A separate implementation from this many users" type="number" min={1} value={users} disabled={!canWrite} onChange={(e) => setUsers(e.target.value)} error={problem.fieldError('separateFromUsers')} />
      <fieldset>
        <legend>Always separate for</legend>
        {['department', 'subsidiary', 'region'].map((type) => (
          <label key={type} style={{ marginRight: '0.75rem' }}>
            <input type="checkbox" disabled={!canWrite} checked={types.includes(type)} onChange={(e) => setTypes(toggle(types, type, e.target.checked))} /> a {type}
          </label>
        ))}
        {COMPLEXITIES.map((complexity) => (
          <label key={complexity} style={{ marginRight: '0.75rem' }}>
            <input type="checkbox" disabled={!canWrite} checked={complexities.includes(complexity)} onChange={(e) => setComplexities(toggle(complexities, complexity, e.target.checked))} /> an account of {complexity}{' '}
            complexity
          </label>
        ))}
      </fieldset>
      <FormMessage message={problem.message} />
      {canWrite && (
        <div>
          <Button type="submit" variant="primary" busy={save.isPending}>
            Save rule
          </Button>
        </div>
      )}
    </form>
  );
}

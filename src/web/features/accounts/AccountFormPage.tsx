import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  DEFAULT_TOUCH_MODEL,
  MEMBER_ROLE_LABELS,
  OWNER_ROLES,
  TOUCH_MODELS,
  TOUCH_MODEL_LABELS,
  type Complexity,
  type LaerStage,
  type OwnerRole,
  type Segment,
  type TouchModel,
} from '../../../core/people.ts';
import { timezones } from '../../app/format.ts';
import { choiceError, formProblem } from '../../app/formProblem.ts';
import { useCanWrite, useSession } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { orNull, useFormValues } from '../../app/useFormValues.ts';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { Field, FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useMembers } from '../members/members.api.ts';
import { useAccount, useAccountFacets, useCreateAccount, useUpdateAccount, type Account, type AccountInput } from './accounts.api.ts';
import { complexityOptions, segmentOptions, stageOptions } from './labels.tsx';
import './accounts.css';

const FIELDS = [
  'name',
  'domain',
  'industry',
  'segment',
  'touchModel',
  'complexity',
  'contractValue',
  'currency',
  'contractSignedOn',
  'renewalOn',
  'products',
  'timezone',
  'laerStage',
  'owners',
] as const;

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY', 'SEK', 'NOK', 'DKK', 'INR', 'BRL', 'SGD', 'NZD'];

export interface AccountFormValues {
  name: string;
  domain: string;
  industry: string;
  segment: string;
  /** '' = follow the segment's default. */
  touchModel: string;
  complexity: string;
  contractValue: string;
  currency: string;
  contractSignedOn: string;
  renewalOn: string;
  products: string;
  timezone: string;
  laerStage: string;
  owners: Record<OwnerRole, string>;
}

const noOwners = (): Record<OwnerRole, string> => ({ onboarding_manager: '', implementation_manager: '', csm: '', sales: '' });

export function valuesFromAccount(account: Account | undefined, workspaceTimezone: string): AccountFormValues {
  if (!account) {
    return {
      name: '',
      domain: '',
      industry: '',
      segment: '',
      touchModel: '',
      complexity: '',
      contractValue: '',
      currency: 'USD',
      contractSignedOn: '',
      renewalOn: '',
      products: '',
      timezone: workspaceTimezone,
      laerStage: 'land',
      owners: noOwners(),
    };
  }
  const owners = noOwners();
  for (const owner of account.owners) owners[owner.role] = owner.memberId;
  return {
    name: account.name,
    domain: account.domain ?? '',
    industry: account.industry,
    segment: account.segment,
    touchModel: account.touchModel === DEFAULT_TOUCH_MODEL[account.segment] ? '' : account.touchModel,
    complexity: account.complexity,
    contractValue: String(account.contractValue),
    currency: account.currency,
    contractSignedOn: account.contractSignedOn ?? '',
    renewalOn: account.renewalOn ?? '',
    products: account.products.join(', '),
    timezone: account.timezone,
    laerStage: account.laerStage,
    owners,
  };
}

/** "120,000" or "120 000" → 120000; anything else goes to the server as typed, which says what is wrong. */
function parseAmount(text: string): number | string {
  const cleaned = text.replace(/[\s,_]/g, '').replace(/^\$/, '');
  if (cleaned === '') return 0;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : text;
}

export function inputFromValues(values: AccountFormValues, mode: 'create' | 'edit'): AccountInput {
  const segment = values.segment as Segment;
  const touchModel = (values.touchModel || (mode === 'edit' && segment ? DEFAULT_TOUCH_MODEL[segment] : '')) as TouchModel | '';
  return {
    name: values.name,
    domain: orNull(values.domain),
    industry: values.industry.trim(),
    // Empty selects go as undefined/'' so the server names the missing field.
    segment: (values.segment || undefined) as Segment,
    ...(touchModel ? { touchModel } : {}),
    complexity: (values.complexity || undefined) as Complexity,
    contractValue: parseAmount(values.contractValue) as number,
    currency: values.currency,
    contractSignedOn: orNull(values.contractSignedOn),
    renewalOn: orNull(values.renewalOn),
    products: values.products
      .split(',')
      .map((product) => product.trim())
      .filter(Boolean),
    ...(values.timezone ? { timezone: values.timezone } : {}),
    laerStage: values.laerStage as LaerStage,
    owners: OWNER_ROLES.filter((role) => values.owners[role]).map((role) => ({ role, memberId: values.owners[role] })),
  };
}

/** /accounts/new and /accounts/:id/edit */
export function AccountFormPage() {
  const { id } = useParams();
  const account = useAccount(id ?? '');
  const canWrite = useCanWrite();
  if (!canWrite) {
    return (
      <div className="page page-narrow">
        <ErrorState title="Read-only access" error={new Error('Your role can look at accounts but not change them.')} />
      </div>
    );
  }
  if (!id) return <AccountForm />;
  if (account.isPending) return <LoadingState label="Loading account…" />;
  if (account.isError) return <ErrorState title="Could not load this account" error={account.error} onRetry={() => void account.refetch()} />;
  return <AccountForm account={account.data} />;
}

function AccountForm({ account }: { account?: Account }) {
  const mode = account ? 'edit' : 'create';
  useDocumentTitle(account ? `Edit ${account.name}` : 'New account');
  const { workspace } = useSession();
  const navigate = useNavigate();
  const notify = useToast();
  const form = useFormValues<AccountFormValues>(() => valuesFromAccount(account, workspace.timezone));
  const create = useCreateAccount();
  const update = useUpdateAccount(account?.id ?? '');
  const mutation = account ? update : create;
  const problem = formProblem(mutation.error, FIELDS);
  const facets = useAccountFacets();
  const members = useMembers();
  const zones = useMemo(() => timezones().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })), []);
  const memberOptions = useMemo(() => (members.data ?? []).map((m) => ({ value: m.id, label: m.name })), [members.data]);

  const segment = form.values.segment as Segment | '';
  const defaultTouch = segment ? TOUCH_MODEL_LABELS[DEFAULT_TOUCH_MODEL[segment]] : undefined;
  const touchOptions = [
    { value: '', label: defaultTouch ? `Default for segment (${defaultTouch})` : 'Default for segment' },
    ...TOUCH_MODELS.map((value) => ({ value, label: TOUCH_MODEL_LABELS[value] })),
  ];
  const cancelTo = account ? `/accounts/${account.id}` : '/accounts';

  const submit = () => {
    const input = inputFromValues(form.values, mode);
    mutation.mutate(input, {
      onSuccess: (saved) => {
        notify(account ? 'Changes saved' : `${saved.name} created`);
        void navigate(`/accounts/${saved.id}`, { replace: !account });
      },
    });
  };

  return (
    <div className="page page-narrow">
      <PageHeader
        breadcrumb={
          <>
            <Link to="/accounts">Accounts</Link>
            {account && (
              <>
                <span aria-hidden="true">/</span>
                <Link to={`/accounts/${account.id}`}>{account.name}</Link>
              </>
            )}
          </>
        }
        title={account ? `Edit ${account.name}` : 'New account'}
        description={account ? undefined : 'The customer company you are onboarding. You can add contacts and organizations next.'}
      />
      <form
        className="card form-card"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        aria-label={account ? 'Edit account' : 'New account'}
      >
        <fieldset className="form-section">
          <legend>Company</legend>
          <div className="form-grid">
            <TextField label="Name" autoFocus autoComplete="off" {...form.bind('name')} error={problem.fieldError('name')} />
            <TextField
              label="Domain"
              optional
              placeholder="example.com"
              autoComplete="off"
              spellCheck={false}
              {...form.bind('domain')}
              error={problem.fieldError('domain')}
            />
            <TextField
              label="Industry"
              list="industry-suggestions"
              autoComplete="off"
              placeholder="e.g. Retail"
              {...form.bind('industry')}
              error={problem.fieldError('industry')}
            />
            <datalist id="industry-suggestions">
              {(facets.data?.industries ?? []).map((industry) => (
                <option key={industry} value={industry} />
              ))}
            </datalist>
            <SelectField label="Timezone" options={zones} {...form.bind('timezone')} error={problem.fieldError('timezone')} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>Onboarding approach</legend>
          <div className="form-grid">
            <SelectField
              label="Segment"
              options={segmentOptions}
              placeholder="Choose a segment"
              {...form.bind('segment')}
              error={choiceError(problem, 'segment', form.values.segment)}
            />
            <SelectField
              label="Touch model"
              options={touchOptions}
              hint="Enterprise is high touch, mid-market medium, SMB digital — unless you choose otherwise."
              {...form.bind('touchModel')}
              error={problem.fieldError('touchModel')}
            />
            <SelectField
              label="Complexity"
              options={complexityOptions}
              placeholder="Choose a complexity"
              {...form.bind('complexity')}
              error={choiceError(problem, 'complexity', form.values.complexity)}
            />
            <SelectField label="Lifecycle stage" options={stageOptions} {...form.bind('laerStage')} error={problem.fieldError('laerStage')} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>Contract</legend>
          <div className="form-grid">
            <Field label="Contract value" optional error={problem.fieldError('contractValue')} hint="Whole amount, e.g. 120000.">
              {(control) => (
                <div className="input-group">
                  <span className="input-addon" aria-hidden="true">
                    {form.values.currency}
                  </span>
                  <input className="input" inputMode="numeric" autoComplete="off" {...form.bind('contractValue')} {...control} />
                </div>
              )}
            </Field>
            <SelectField
              label="Currency"
              options={CURRENCIES.map((code) => ({ value: code, label: code }))}
              {...form.bind('currency')}
              error={problem.fieldError('currency')}
            />
            <TextField
              label="Contract signed"
              type="date"
              optional
              hint="Day 0 of onboarding."
              {...form.bind('contractSignedOn')}
              error={problem.fieldError('contractSignedOn')}
            />
            <TextField label="Renewal" type="date" optional {...form.bind('renewalOn')} error={problem.fieldError('renewalOn')} />
            <TextField
              label="Products"
              optional
              list="product-suggestions"
              autoComplete="off"
              hint="Separate several products with commas."
              fieldClassName="span-2"
              {...form.bind('products')}
              error={problem.fieldError('products')}
            />
            <datalist id="product-suggestions">
              {(facets.data?.products ?? []).map((product) => (
                <option key={product} value={product} />
              ))}
            </datalist>
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>Owners</legend>
          <div className="form-grid">
            {OWNER_ROLES.map((role) => (
              <SelectField
                key={role}
                label={MEMBER_ROLE_LABELS[role]}
                optional
                options={memberOptions}
                placeholder="Nobody yet"
                value={form.values.owners[role]}
                onChange={(event) => form.set('owners', { ...form.values.owners, [role]: event.target.value })}
              />
            ))}
          </div>
          {problem.fieldError('owners') && <p className="field-error">Owners: {problem.fieldError('owners')}</p>}
        </fieldset>

        <FormMessage message={problem.message} />
        <div className="form-actions">
          <ButtonLink to={cancelTo} variant="ghost">
            Cancel
          </ButtonLink>
          <Button type="submit" variant="primary" busy={mutation.isPending}>
            {account ? 'Save changes' : 'Create account'}
          </Button>
        </div>
      </form>
    </div>
  );
}

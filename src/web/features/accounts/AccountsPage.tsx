import { useCallback, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MEMBER_ROLE_LABELS, OWNER_ROLES } from '../../../core/people.ts';
import { formatDate, formatMoney, initials } from '../../app/format.ts';
import { useCanWrite } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Select } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { PlusIcon } from '../../components/ui/PlusIcon.tsx';
import { Pagination } from '../../components/ui/Pagination.tsx';
import { SearchInput } from '../../components/ui/SearchInput.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { SortHeader, Table } from '../../components/ui/Table.tsx';
import { useMembers } from '../members/members.api.ts';
import { useAccountFacets, useAccounts, type Account } from './accounts.api.ts';
import {
  defaultListState,
  hasFilters,
  parseListState,
  serializeListState,
  sortDirection,
  toApiQuery,
  toggleSort,
  type AccountListState,
  type SortField,
} from './accountListState.ts';
import { complexityOptions, ComplexityLevel, SegmentBadge, segmentOptions, StageBadge, stageOptions } from './labels.tsx';
import './accounts.css';
import { ExportCsvButton } from '../imports/ExportCsvButton.tsx';

const exportQuery = (state: AccountListState) => ({ ...toApiQuery(state), limit: undefined, offset: undefined });

/** The list state, read from and written to the URL. */
export function useAccountListState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseListState(params), [params]);
  const update = useCallback(
    (change: Partial<AccountListState>, options: { replace?: boolean } = {}) => {
      const next = { ...state, ...change };
      // Any change other than paging starts again from the first page.
      if (!('offset' in change)) next.offset = 0;
      setParams(serializeListState(next), { replace: options.replace ?? false });
    },
    [state, setParams],
  );
  return [state, update] as const;
}

const statusOptions = [
  { value: 'active', label: 'Active' },
  { value: 'archived', label: 'Archived' },
  { value: 'all', label: 'All' },
];

export function AccountsPage() {
  useDocumentTitle('Accounts');
  const canWrite = useCanWrite();
  const [state, update] = useAccountListState();
  const accounts = useAccounts(state);
  const facets = useAccountFacets();
  const members = useMembers();
  const filtered = hasFilters(state);

  const industryOptions = useMemo(() => {
    const known = facets.data?.industries ?? [];
    const selected = state.industry.filter((industry) => !known.includes(industry));
    return [...known, ...selected].map((value) => ({ value, label: value }));
  }, [facets.data, state.industry]);
  const ownerOptions = useMemo(
    () => (members.data ?? []).map((member) => ({ value: member.id, label: member.name })),
    [members.data],
  );

  const sortBy = (field: SortField) => update({ sort: toggleSort(state.sort, field) });
  const header = (label: string, field: SortField, align?: 'right') => (
    <SortHeader label={label} direction={sortDirection(state.sort, field)} onSort={() => sortBy(field)} align={align} />
  );
  const single = (values: string[]) => (values.length === 1 ? values[0] : '');

  return (
    <div className="page">
      <PageHeader
        title="Accounts"
        description="Every customer, from contract signed to renewal."
        actions={
          <>
            <ExportCsvButton path="/accounts/export.csv" query={exportQuery(state)} />
            {canWrite && <ButtonLink to="/accounts/import">Import CSV</ButtonLink>}
            {canWrite && (
              <ButtonLink to="/accounts/new" variant="primary" icon={<PlusIcon />}>
                New account
              </ButtonLink>
            )}
          </>
        }
      />

      <div className="toolbar" role="search" aria-label="Filter accounts">
        <SearchInput
          label="Search accounts"
          placeholder="Search by name or domain"
          value={state.q}
          onSearch={(q) => update({ q }, { replace: true })}
        />
        <FilterSelect
          label="Segment"
          value={single(state.segment)}
          options={segmentOptions}
          allLabel="All segments"
          onChange={(value) => update({ segment: value ? [value as AccountListState['segment'][number]] : [] })}
        />
        <FilterSelect
          label="Industry"
          value={single(state.industry)}
          options={industryOptions}
          allLabel="All industries"
          onChange={(value) => update({ industry: value ? [value] : [] })}
        />
        <FilterSelect
          label="Complexity"
          value={single(state.complexity)}
          options={complexityOptions}
          allLabel="Any complexity"
          onChange={(value) => update({ complexity: value ? [value as AccountListState['complexity'][number]] : [] })}
        />
        <FilterSelect
          label="Stage"
          value={single(state.laerStage)}
          options={stageOptions}
          allLabel="All stages"
          onChange={(value) => update({ laerStage: value ? [value as AccountListState['laerStage'][number]] : [] })}
        />
        <FilterSelect
          label="Owner"
          value={state.owner}
          options={ownerOptions}
          allLabel="Anyone"
          onChange={(owner) => update({ owner })}
        />
        <FilterSelect
          label="Status"
          value={state.status}
          options={statusOptions}
          onChange={(status) => update({ status: status as AccountListState['status'] })}
        />
        {filtered && (
          <Button variant="ghost" size="sm" className="toolbar-clear" onClick={() => update({ ...defaultListState, sort: state.sort, limit: state.limit })}>
            Clear filters
          </Button>
        )}
      </div>

      {accounts.isPending ? (
        <div className="card">
          <LoadingState label="Loading accounts…" />
        </div>
      ) : accounts.isError ? (
        <ErrorState title="Could not load accounts" error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : accounts.data.total === 0 || accounts.data.items.length === 0 ? (
        <div className="card">
          {filtered ? (
            <EmptyState
              title="No accounts match these filters"
              action={
                <Button onClick={() => update({ ...defaultListState, sort: state.sort, limit: state.limit })}>Clear filters</Button>
              }
            >
              Try a different search, or clear the filters to see every account.
            </EmptyState>
          ) : accounts.data.total > 0 ? (
            <EmptyState title="This page is past the end of the list" action={<Button onClick={() => update({ offset: 0 })}>Go to the first page</Button>} />
          ) : (
            <EmptyState
              title="No accounts yet"
              action={
                canWrite && (
                  <ButtonLink to="/accounts/new" variant="primary" icon={<PlusIcon />}>
                    Create your first account
                  </ButtonLink>
                )
              }
            >
              {canWrite
                ? 'Create your first account to start tracking its onboarding — from contract signed to first value.'
                : 'Accounts appear here once your team creates them.'}
            </EmptyState>
          )}
        </div>
      ) : (
        <div className={`card card-flush${accounts.isPlaceholderData ? ' is-refreshing' : ''}`} aria-busy={accounts.isFetching}>
          <Table caption="Accounts" className="accounts-table">
            <thead>
              <tr>
                {header('Account', 'name')}
                {header('Segment', 'segment')}
                {header('Industry', 'industry')}
                <th scope="col">Complexity</th>
                {header('Contract value', 'contractValue', 'right')}
                {header('Day 0', 'contractSignedOn')}
                {header('Renewal', 'renewalOn')}
                <th scope="col">Stage</th>
                <th scope="col">Owners</th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.items.map((account) => (
                <AccountRow key={account.id} account={account} />
              ))}
            </tbody>
          </Table>
          <Pagination
            total={accounts.data.total}
            limit={state.limit}
            offset={state.offset}
            noun={accounts.data.total === 1 ? 'account' : 'accounts'}
            onOffsetChange={(offset) => {
              update({ offset });
              window.scrollTo({ top: 0 });
            }}
          />
        </div>
      )}
    </div>
  );
}

function AccountRow({ account }: { account: Account }) {
  const navigate = useNavigate();
  const ownersByRole = [...account.owners].sort((a, b) => OWNER_ROLES.indexOf(a.role) - OWNER_ROLES.indexOf(b.role));
  const lead = ownersByRole[0];
  return (
    <tr
      className={`row-link${account.archivedAt ? ' is-muted' : ''}`}
      onClick={(event) => {
        // The name is the real link; the rest of the row is a convenience for the mouse.
        if ((event.target as HTMLElement).closest('a, button')) return;
        if (window.getSelection()?.toString()) return;
        void navigate(`/accounts/${account.id}`);
      }}
    >
      <td className="cell-primary">
        <Link to={`/accounts/${account.id}`} className="row-title">
          {account.name}
        </Link>
        {account.archivedAt && <Badge>Archived</Badge>}
        {account.domain && <div className="cell-sub">{account.domain}</div>}
      </td>
      <td>
        <SegmentBadge segment={account.segment} />
      </td>
      <td>{account.industry}</td>
      <td>
        <ComplexityLevel complexity={account.complexity} />
      </td>
      <td className="num">{formatMoney(account.contractValue, account.currency)}</td>
      <td className="nowrap">{formatDate(account.contractSignedOn)}</td>
      <td className="nowrap">{formatDate(account.renewalOn)}</td>
      <td>
        <StageBadge stage={account.laerStage} />
      </td>
      <td>
        {lead ? (
          <span className="owners">
            <span className="avatars">
              {ownersByRole.map((owner) => (
                <span key={owner.role} className="avatar avatar-sm" title={`${owner.name} · ${MEMBER_ROLE_LABELS[owner.role]}`} aria-hidden="true">
                  {initials(owner.name)}
                </span>
              ))}
            </span>
            <span className="sr-only">
              {ownersByRole.map((owner) => `${owner.name} (${MEMBER_ROLE_LABELS[owner.role]})`).join(', ')}
            </span>
          </span>
        ) : (
          <span className="muted">Unassigned</span>
        )}
      </td>
    </tr>
  );
}

function FilterSelect({
  label,
  value,
  options,
  allLabel,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  allLabel?: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="filter">
      <span className="filter-label">{label}</span>
      <Select
        className="select-sm"
        value={value ?? ''}
        options={options}
        placeholder={allLabel}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}

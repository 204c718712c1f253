import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { MEMBER_ROLE_LABELS, OWNER_ROLES } from '../../../core/people.ts';
import { isApiError } from '../../app/api.ts';
import { formatDate, formatDateTime, formatDay, formatMoney, initials } from '../../app/format.ts';
import { useCanWrite } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { AccountLearning } from '../academy/AccountLearning.tsx';
import { ContactsSection } from '../contacts/ContactsSection.tsx';
import { AccountOnboarding } from '../journeys/AccountOnboarding.tsx';
import { ContactMessagesSection } from '../mail/ContactMessagesSection.tsx';
import { OrganizationsSection } from '../organizations/OrganizationsSection.tsx';
import { AccountProjectsSection } from '../projects/AccountProjectsSection.tsx';
import { AccountPeople } from '../people/AccountPeople.tsx';
import { AccountProducts } from '../products/AccountProducts.tsx';
import { AccountHealth } from '../health/AccountHealth.tsx';
import { useOrganizations } from '../organizations/organizations.api.ts';
import { useAccount, useArchiveAccount, useRestoreAccount, type Account } from './accounts.api.ts';
import { ComplexityLevel, SegmentBadge, StageBadge, TouchBadge } from './labels.tsx';
import './accounts.css';

/** Whole days from day 0 (contract signed) to today, negative before signature. */
export function onboardingDay(contractSignedOn: string, today = new Date()): number {
  const [year, month, day] = contractSignedOn.split('-').map(Number);
  const signed = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1);
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((now - signed) / 86_400_000);
}

export function AccountPage() {
  const { id = '' } = useParams();
  const account = useAccount(id);
  useDocumentTitle(account.data?.name ?? 'Account');

  if (account.isPending) return <LoadingState label="Loading account…" />;
  if (account.isError) {
    if (isApiError(account.error, 404)) {
      return (
        <div className="page">
          <div className="card">
            <EmptyState
              title="This account doesn't exist"
              action={
                <ButtonLink to="/accounts" variant="primary">
                  Back to accounts
                </ButtonLink>
              }
            >
              It may have been removed, or the link is wrong.
            </EmptyState>
          </div>
        </div>
      );
    }
    return (
      <div className="page">
        <ErrorState title="Could not load this account" error={account.error} onRetry={() => void account.refetch()} />
      </div>
    );
  }
  return <AccountView account={account.data} />;
}

function AccountView({ account }: { account: Account }) {
  const canWrite = useCanWrite();
  const organizations = useOrganizations(account.id);
  const [confirming, setConfirming] = useState(false);
  const day = account.contractSignedOn ? onboardingDay(account.contractSignedOn) : undefined;

  return (
    <div className="page">
      <PageHeader
        breadcrumb={<Link to="/accounts">Accounts</Link>}
        title={account.name}
        meta={
          <>
            {account.archivedAt && <Badge tone="red">Archived {formatDay(account.archivedAt)}</Badge>}
            <SegmentBadge segment={account.segment} />
            <TouchBadge touchModel={account.touchModel} />
            <StageBadge stage={account.laerStage} />
            {account.domain && (
              <a className="meta-link" href={`https://${account.domain}`} target="_blank" rel="noopener noreferrer">
                {account.domain}
              </a>
            )}
          </>
        }
        actions={
          canWrite && (
            <>
              {account.archivedAt ? (
                <Button onClick={() => setConfirming(true)}>Restore</Button>
              ) : (
                <Button variant="ghost" onClick={() => setConfirming(true)}>
                  Archive
                </Button>
              )}
              {!account.archivedAt && (
                <ButtonLink to={`/accounts/${account.id}/edit`} variant="secondary">
                  Edit account
                </ButtonLink>
              )}
            </>
          )
        }
      />

      {account.archivedAt && (
        <div className="callout" role="note">
          This account was archived on {formatDateTime(account.archivedAt)}. It is read-only until it is restored.
        </div>
      )}

      <dl className="facts card">
        <Fact label="Contract value">{formatMoney(account.contractValue, account.currency)}</Fact>
        <Fact label="Day 0 (contract signed)">
          {formatDate(account.contractSignedOn)}
          {day !== undefined && <span className="fact-sub">{day >= 0 ? `Day ${day} today` : `Signs in ${-day} days`}</span>}
        </Fact>
        <Fact label="Renewal">{formatDate(account.renewalOn)}</Fact>
        <Fact label="Industry">{account.industry}</Fact>
        <Fact label="Complexity">
          <ComplexityLevel complexity={account.complexity} />
        </Fact>
        <Fact label="Products">
          {account.products.length ? (
            <span className="chips">
              {account.products.map((product) => (
                <span key={product} className="chip">
                  {product}
                </span>
              ))}
            </span>
          ) : (
            '—'
          )}
        </Fact>
        <Fact label="Timezone">{account.timezone.replaceAll('_', ' ')}</Fact>
        <Fact label="Owners" wide>
          {account.owners.length ? (
            <ul className="owner-list">
              {[...account.owners]
                .sort((a, b) => OWNER_ROLES.indexOf(a.role) - OWNER_ROLES.indexOf(b.role))
                .map((owner) => (
                  <li key={owner.role}>
                    <span className="avatar avatar-sm" aria-hidden="true">
                      {initials(owner.name)}
                    </span>
                    <span>
                      {owner.name}
                      <span className="fact-sub">{MEMBER_ROLE_LABELS[owner.role]}</span>
                    </span>
                  </li>
                ))}
            </ul>
          ) : (
            <span className="muted">Nobody owns this account yet</span>
          )}
        </Fact>
      </dl>

      <AccountHealth accountId={account.id} />
      <AccountProjectsSection account={account} organizations={organizations.data ?? []} />
      <ContactsSection account={account} organizations={organizations.data ?? []} />
      <AccountPeople account={account} />
      <AccountOnboarding accountId={account.id} />
      <ContactMessagesSection accountId={account.id} />
      <OrganizationsSection account={account} organizations={organizations} />
      <AccountProducts account={account} />
      <AccountLearning accountId={account.id} />

      {confirming && <ArchiveOrRestore account={account} onClose={() => setConfirming(false)} />}
    </div>
  );
}

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`fact${wide ? ' fact-wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ArchiveOrRestore({ account, onClose }: { account: Account; onClose: () => void }) {
  const notify = useToast();
  const archive = useArchiveAccount(account.id);
  const restore = useRestoreAccount(account.id);
  const restoring = Boolean(account.archivedAt);
  const mutation = restoring ? restore : archive;
  return (
    <ConfirmDialog
      title={restoring ? `Restore ${account.name}?` : `Archive ${account.name}?`}
      confirmLabel={restoring ? 'Restore account' : 'Archive account'}
      tone={restoring ? 'primary' : 'danger'}
      busy={mutation.isPending}
      error={mutation.error ? errorText(mutation.error) : undefined}
      onClose={onClose}
      onConfirm={() =>
        mutation.mutate(undefined, {
          onSuccess: () => {
            notify(restoring ? `${account.name} restored` : `${account.name} archived`);
            onClose();
          },
        })
      }
    >
      {restoring ? (
        <p>The account comes back to the active list and can be edited again.</p>
      ) : (
        <p>The account leaves the active list and becomes read-only. Nothing is deleted; you can restore it at any time.</p>
      )}
    </ConfirmDialog>
  );
}

import { Link } from 'react-router';
import { useState } from 'react';
import { CONTACT_ROLE_LABELS, type ContactRole } from '../../../core/people.ts';
import { formatDate } from '../../app/format.ts';
import { useCanWrite } from '../../app/session.tsx';
import { Badge, type Tone } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import type { Account } from '../accounts/accounts.api.ts';
import type { Organization } from '../organizations/organizations.api.ts';
import { ContactDialog } from './ContactDialog.tsx';
import { useContacts, type Contact, type ContactStatus } from './contacts.api.ts';
import { ExportCsvButton } from '../imports/ExportCsvButton.tsx';

const roleTone: Record<ContactRole, Tone> = {
  champion: 'green',
  executive_sponsor: 'purple',
  project_lead: 'blue',
  admin: 'teal',
  super_user: 'blue',
  end_user: 'neutral',
};

export const ContactRoleBadge = ({ role }: { role: ContactRole }) => <Badge tone={roleTone[role]}>{CONTACT_ROLE_LABELS[role]}</Badge>;

const STATUSES: { value: ContactStatus; label: string }[] = [
  { value: 'current', label: 'Current' },
  { value: 'left', label: 'Left' },
  { value: 'all', label: 'All' },
];

export function ContactsSection({ account, organizations }: { account: Account; organizations: Organization[] }) {
  const canWrite = useCanWrite() && !account.archivedAt;
  const [status, setStatus] = useState<ContactStatus>('all');
  const contacts = useContacts(account.id, status);
  const [editing, setEditing] = useState<Contact | 'new' | undefined>();
  const organizationName = new Map(organizations.map((organization) => [organization.id, organization.name]));
  const addButton = canWrite && (
    <Button variant="primary" size="sm" onClick={() => setEditing('new')}>
      Add contact
    </Button>
  );

  return (
    <Section
      title="Contacts"
      count={contacts.data && status === 'all' ? contacts.data.length : undefined}
      description="The people at the customer: who champions it, who signs off, who uses it."
      actions={
        <>
          <div className="segmented" role="group" aria-label="Show contacts">
            {STATUSES.map((option) => (
              <button
                key={option.value}
                type="button"
                aria-pressed={status === option.value}
                className={status === option.value ? 'is-active' : ''}
                onClick={() => setStatus(option.value)}
              >
                {option.label}
              </button>
            ))}
          </div>
          <ExportCsvButton path={`/accounts/${account.id}/contacts/export.csv`} query={{ status }} />
          {addButton}
        </>
      }
    >
      {status === 'all' && <ChampionWarning contacts={contacts.data ?? []} />}
      {contacts.isPending ? (
        <div className="card">
          <LoadingState label="Loading contacts…" />
        </div>
      ) : contacts.isError ? (
        <ErrorState title="Could not load contacts" error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : contacts.data.length === 0 ? (
        <div className="card">
          {status === 'all' ? (
            <EmptyState title="No contacts yet">
              {canWrite
                ? 'Add the champion, the executive sponsor and the project lead first: onboarding depends on them.'
                : 'Contacts appear here once your team adds them.'}
            </EmptyState>
          ) : (
            <EmptyState
              title={status === 'left' ? 'Nobody has left' : 'No current contacts'}
              action={<Button onClick={() => setStatus('all')}>Show all contacts</Button>}
            />
          )}
        </div>
      ) : (
        <div className="card card-flush">
          <Table caption={`Contacts at ${account.name}`}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Title</th>
                <th scope="col">Role</th>
                {organizations.length > 0 && <th scope="col">Organization</th>}
                <th scope="col">Joined</th>
                <th scope="col">Status</th>
                {canWrite && (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {contacts.data.map((contact) => (
                <tr key={contact.id} className={contact.leftOn ? 'is-muted' : undefined}>
                  <td className="cell-primary">
                    <Link className="row-title" to={`/contacts/${contact.id}`}>
                      {contact.name}
                    </Link>
                    <div className="cell-sub">
                      <a href={`mailto:${contact.email}`}>{contact.email}</a>
                    </div>
                  </td>
                  <td>{contact.title ?? <span className="muted">—</span>}</td>
                  <td>
                    <ContactRoleBadge role={contact.role} />
                  </td>
                  {organizations.length > 0 && (
                    <td>{contact.organizationId ? organizationName.get(contact.organizationId) ?? '—' : <span className="muted">Whole account</span>}</td>
                  )}
                  <td className="nowrap">{formatDate(contact.joinedOn)}</td>
                  <td className="nowrap">
                    {contact.leftOn ? <Badge tone="red">Left {formatDate(contact.leftOn)}</Badge> : <Badge tone="green">Current</Badge>}
                  </td>
                  {canWrite && (
                    <td className="cell-actions">
                      <Button size="sm" variant="ghost" aria-label={`Edit ${contact.name}`} onClick={() => setEditing(contact)}>
                        Edit
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {editing && (
        <ContactDialog
          accountId={account.id}
          accountTimezone={account.timezone}
          organizations={organizations}
          contact={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Section>
  );
}

/** A champion leaving is a risk event (DOMAIN.md): say so where people will see it. */
function ChampionWarning({ contacts }: { contacts: Contact[] }) {
  const gone = contacts.filter((contact) => contact.role === 'champion' && contact.leftOn);
  const current = contacts.some((contact) => contact.role === 'champion' && !contact.leftOn);
  if (gone.length === 0 || current) return null;
  const last = gone[gone.length - 1];
  if (!last) return null;
  return (
    <div className="callout callout-warning" role="note">
      <strong>No current champion.</strong> {last.name} left on {formatDate(last.leftOn)}. Find and onboard their successor.
    </div>
  );
}

import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { ORGANIZATION_KINDS, ORGANIZATION_KIND_LABELS, type OrganizationKind } from '../../../core/people.ts';
import { formatDate } from '../../app/format.ts';
import { choiceError, formProblem } from '../../app/formProblem.ts';
import { useCanWrite } from '../../app/session.tsx';
import { orNull, useFormValues } from '../../app/useFormValues.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { ConfirmDialog, Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import type { Account } from '../accounts/accounts.api.ts';
import {
  useAddOrganization,
  useArchiveOrganization,
  useUpdateOrganization,
  type Organization,
} from './organizations.api.ts';

const FIELDS = ['name', 'kind', 'startedOn'] as const;
const kindOptions = ORGANIZATION_KINDS.map((value) => ({ value, label: ORGANIZATION_KIND_LABELS[value] }));

/** Departments or teams inside the account that start using the product: each is a new onboarding. */
export function OrganizationsSection({
  account,
  organizations,
}: {
  account: Account;
  organizations: UseQueryResult<Organization[]>;
}) {
  const canWrite = useCanWrite() && !account.archivedAt;
  const [editing, setEditing] = useState<Organization | 'new' | undefined>();
  const [archiving, setArchiving] = useState<Organization | undefined>();
  const active = organizations.data?.filter((organization) => !organization.archivedAt).length;

  return (
    <Section
      title="Organizations"
      count={active}
      description="Departments or teams that start using the product — a fresh implementation, or users added to the existing one."
      actions={
        canWrite && (
          <Button size="sm" onClick={() => setEditing('new')}>
            Add organization
          </Button>
        )
      }
    >
      {organizations.isPending ? (
        <div className="card">
          <LoadingState label="Loading organizations…" />
        </div>
      ) : organizations.isError ? (
        <ErrorState title="Could not load organizations" error={organizations.error} onRetry={() => void organizations.refetch()} />
      ) : organizations.data.length === 0 ? (
        <div className="card">
          <EmptyState title="No organizations">
            {canWrite
              ? 'When a new department starts using the product, add it here so its onboarding is tracked on its own.'
              : 'This account has no organizations.'}
          </EmptyState>
        </div>
      ) : (
        <div className="card card-flush">
          <Table caption={`Organizations at ${account.name}`}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Started</th>
                <th scope="col" className="num">
                  Contacts
                </th>
                {canWrite && (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {organizations.data.map((organization) => (
                <tr key={organization.id} className={organization.archivedAt ? 'is-muted' : undefined}>
                  <td className="cell-primary">
                    <span className="row-title">{organization.name}</span> {organization.archivedAt && <Badge>Archived</Badge>}
                  </td>
                  <td>{ORGANIZATION_KIND_LABELS[organization.kind]}</td>
                  <td className="nowrap">{formatDate(organization.startedOn)}</td>
                  <td className="num">{organization.contactCount}</td>
                  {canWrite && (
                    <td className="cell-actions">
                      {!organization.archivedAt && (
                        <>
                          <Button size="sm" variant="ghost" aria-label={`Edit ${organization.name}`} onClick={() => setEditing(organization)}>
                            Edit
                          </Button>
                          <Button size="sm" variant="ghost" aria-label={`Archive ${organization.name}`} onClick={() => setArchiving(organization)}>
                            Archive
                          </Button>
                        </>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {editing && (
        <OrganizationDialog
          accountId={account.id}
          organization={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
        />
      )}
      {archiving && <ArchiveOrganization accountId={account.id} organization={archiving} onClose={() => setArchiving(undefined)} />}
    </Section>
  );
}

function OrganizationDialog({ accountId, organization, onClose }: { accountId: string; organization?: Organization; onClose: () => void }) {
  const notify = useToast();
  const form = useFormValues({
    name: organization?.name ?? '',
    kind: organization?.kind ?? '',
    startedOn: organization?.startedOn ?? '',
  });
  const add = useAddOrganization(accountId);
  const update = useUpdateOrganization(accountId, organization?.id ?? '');
  const mutation = organization ? update : add;
  const problem = formProblem(mutation.error, FIELDS);
  const submit = () =>
    mutation.mutate(
      { name: form.values.name, kind: (form.values.kind || undefined) as OrganizationKind, startedOn: orNull(form.values.startedOn) },
      {
        onSuccess: (saved) => {
          notify(organization ? 'Organization saved' : `${saved.name} added`);
          onClose();
        },
      },
    );

  return (
    <Dialog title={organization ? `Edit ${organization.name}` : 'Add organization'} onClose={onClose} size="sm">
      <DialogForm
        onSubmit={submit}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={mutation.isPending}>
              {organization ? 'Save changes' : 'Add organization'}
            </Button>
          </>
        }
      >
        <div className="stack">
          <TextField label="Name" placeholder="e.g. EMEA Support team" {...form.bind('name')} error={problem.fieldError('name')} />
          <SelectField label="Kind" options={kindOptions} placeholder="Choose a kind" {...form.bind('kind')} error={choiceError(problem, 'kind', form.values.kind)} />
          <TextField label="Started on" type="date" optional {...form.bind('startedOn')} error={problem.fieldError('startedOn')} />
        </div>
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

function ArchiveOrganization({ accountId, organization, onClose }: { accountId: string; organization: Organization; onClose: () => void }) {
  const notify = useToast();
  const archive = useArchiveOrganization(accountId);
  return (
    <ConfirmDialog
      title={`Archive ${organization.name}?`}
      confirmLabel="Archive organization"
      busy={archive.isPending}
      error={archive.error ? errorText(archive.error) : undefined}
      onClose={onClose}
      onConfirm={() =>
        archive.mutate(organization.id, {
          onSuccess: () => {
            notify(`${organization.name} archived`);
            onClose();
          },
        })
      }
    >
      <p>It stays in the account's history but is no longer offered for new contacts.</p>
    </ConfirmDialog>
  );
}

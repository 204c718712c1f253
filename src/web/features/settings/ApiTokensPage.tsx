import { useState } from 'react';
import { MEMBER_ROLE_LABELS, type MemberRole } from '../../../core/people.ts';
import { formatDay, formatRelative } from '../../app/format.ts';
import { choiceError, formProblem } from '../../app/formProblem.ts';
import { useIsAdmin } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useFormValues } from '../../app/useFormValues.ts';
import { Button } from '../../components/ui/Button.tsx';
import { ConfirmDialog, Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { AdminsOnly } from '../../components/ui/AdminsOnly.tsx';
import { ShownOnceDialog } from '../../components/ui/ShownOnceDialog.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { RoleBadge, roleOptions } from '../members/MembersPage.tsx';
import { useApiTokens, useCreateApiToken, useRevokeApiToken, type ApiToken, type CreatedApiToken } from './settings.api.ts';
import './settings.css';

export function ApiTokensPage() {
  useDocumentTitle('API tokens');
  const isAdmin = useIsAdmin();
  if (!isAdmin) {
    return (
      <AdminsOnly page="API tokens" title="Only admins manage API tokens">
        Ask a workspace admin if an integration needs access.
      </AdminsOnly>
    );
  }
  return <ApiTokens />;
}

function ApiTokens() {
  const tokens = useApiTokens();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | undefined>();
  return (
    <div className="page">
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens let integrations (your CRM, a data warehouse, scripts) call the Landfall API with <code>Authorization: Bearer …</code>.
            Each token acts with the role you give it.
          </>
        }
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            Create token
          </Button>
        }
      />
      {tokens.isPending ? (
        <div className="card">
          <LoadingState label="Loading tokens…" />
        </div>
      ) : tokens.isError ? (
        <ErrorState title="Could not load API tokens" error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <div className="card">
          <EmptyState title="No API tokens yet">Create a token for each integration, so you can revoke one without breaking the others.</EmptyState>
        </div>
      ) : (
        <div className="card card-flush">
          <Table caption="API tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Token</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id}>
                  <td className="cell-primary">
                    <span className="row-title">{token.name}</span>
                  </td>
                  <td>
                    <RoleBadge role={token.role} />
                  </td>
                  <td>
                    <code className="token-prefix">{token.prefix}…</code>
                  </td>
                  <td className="nowrap">{formatDay(token.createdAt)}</td>
                  <td className="nowrap">{formatRelative(token.lastUsedAt)}</td>
                  <td className="cell-actions">
                    <Button size="sm" variant="ghost" aria-label={`Revoke ${token.name}`} onClick={() => setRevoking(token)}>
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {creating && <CreateTokenDialog onClose={() => setCreating(false)} />}
      {revoking && <RevokeTokenDialog token={revoking} onClose={() => setRevoking(undefined)} />}
    </div>
  );
}

function CreateTokenDialog({ onClose }: { onClose: () => void }) {
  const form = useFormValues({ name: '', role: '' });
  const create = useCreateApiToken();
  const [created, setCreated] = useState<CreatedApiToken | undefined>();
  const problem = formProblem(create.error, ['name', 'role']);

  if (created) {
    return (
      <ShownOnceDialog title="Copy your new token" secret="token" label={`Token for ${created.name} (${MEMBER_ROLE_LABELS[created.role]})`} value={created.token} onClose={onClose}>
        Copy it now and store it somewhere safe, like your integration's secret settings. If you lose it, revoke it and create a new one.
      </ShownOnceDialog>
    );
  }

  return (
    <Dialog title="Create API token" onClose={onClose} size="sm">
      <DialogForm
        onSubmit={() => create.mutate({ name: form.values.name, role: (form.values.role || undefined) as MemberRole }, { onSuccess: setCreated })}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={create.isPending}>
              Create token
            </Button>
          </>
        }
      >
        <div className="stack">
          <TextField
            label="Name"
            placeholder="e.g. Salesforce sync"
            hint="What uses it, so you know what breaks if you revoke it."
            {...form.bind('name')}
            error={problem.fieldError('name')}
          />
          <SelectField
            label="Role"
            options={roleOptions}
            placeholder="Choose a role"
            hint="Give it the least it needs: Leader is read-only."
            {...form.bind('role')}
            error={choiceError(problem, 'role', form.values.role)}
          />
        </div>
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

function RevokeTokenDialog({ token, onClose }: { token: ApiToken; onClose: () => void }) {
  const notify = useToast();
  const revoke = useRevokeApiToken();
  return (
    <ConfirmDialog
      title={`Revoke ${token.name}?`}
      confirmLabel="Revoke token"
      busy={revoke.isPending}
      error={revoke.error ? errorText(revoke.error) : undefined}
      onClose={onClose}
      onConfirm={() =>
        revoke.mutate(token.id, {
          onSuccess: () => {
            notify(`${token.name} revoked`);
            onClose();
          },
        })
      }
    >
      <p>Anything using this token stops working immediately. This can't be undone.</p>
    </ConfirmDialog>
  );
}

import { useState } from 'react';
import { Link } from 'react-router';
import { MEMBER_ROLE_LABELS, type MemberRole } from '../../../core/people.ts';
import { formatDate, formatDay, formatRelative } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useIsAdmin } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Button } from '../../components/ui/Button.tsx';
import { CopyField } from '../../components/ui/CopyField.tsx';
import { ConfirmDialog, Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { FormMessage, Select, TextField } from '../../components/ui/Field.tsx';
import { AdminsOnly } from '../../components/ui/AdminsOnly.tsx';
import { ShownOnceDialog } from '../../components/ui/ShownOnceDialog.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { roleOptions } from '../members/MembersPage.tsx';
import {
  useCreateScimToken,
  useProvisioning,
  useRevokeScimToken,
  useSaveRoleMappings,
  useWorkNeedingOwner,
  type CreatedScimToken,
  type ProvisioningSettings,
  type RoleMapping,
} from './provisioning.api.ts';
import './settings.css';

export function ProvisioningPage() {
  useDocumentTitle('Provisioning (SCIM)');
  const isAdmin = useIsAdmin();
  const settings = useProvisioning();
  if (!isAdmin) {
    return (
      <AdminsOnly page="Provisioning (SCIM)" title="Only admins set up provisioning">
        Ask a workspace admin to connect your identity provider.
      </AdminsOnly>
    );
  }
  return (
    <div className="page page-narrow">
      <PageHeader
        title="Provisioning (SCIM)"
        description="Let your identity provider (Okta, Microsoft Entra ID…) add members, deactivate them when they leave, and give roles by group."
      />
      {settings.isPending ? (
        <div className="card">
          <LoadingState label="Loading provisioning…" />
        </div>
      ) : settings.isError ? (
        <ErrorState title="Could not load provisioning" error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <div className="stack">
          <Connection settings={settings.data} />
          {/* Keyed by what is saved, so the form starts again from it after a save. */}
          <RoleMappings key={JSON.stringify(settings.data.mappings)} settings={settings.data} />
          <NeedsNewOwner settings={settings.data} />
          <Activity settings={settings.data} />
        </div>
      )}
    </div>
  );
}

function Connection({ settings }: { settings: ProvisioningSettings }) {
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ProvisioningSettings['tokens'][number] | undefined>();
  return (
    <section className="card stack" aria-labelledby="scim-connection">
      <h2 className="card-title" id="scim-connection">
        Connection
      </h2>
      <CopyField label="SCIM base URL (tenant URL)" value={settings.baseUrl} />
      {settings.tokens.length === 0 ? (
        <p className="meta-text">No SCIM token yet: create one and paste it into your identity provider as the secret token (bearer token).</p>
      ) : (
        <ul className="provisioning-list">
          {settings.tokens.map((token) => (
            <li key={token.id}>
              <div>
                <span className="row-title">{token.name}</span> <code className="token-prefix">{token.prefix}…</code>
                <div className="meta-text">
                  Created {formatDay(token.createdAt)} · {token.lastUsedAt ? `last used ${formatRelative(token.lastUsedAt)}` : 'never used yet'}
                </div>
              </div>
              <Button size="sm" variant="ghost" aria-label={`Revoke ${token.name}`} onClick={() => setRevoking(token)}>
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div>
        <Button variant="primary" onClick={() => setCreating(true)}>
          Create SCIM token
        </Button>
      </div>
      {creating && <CreateTokenDialog onClose={() => setCreating(false)} />}
      {revoking && <RevokeTokenDialog token={revoking} onClose={() => setRevoking(undefined)} />}
    </section>
  );
}

function CreateTokenDialog({ onClose }: { onClose: () => void }) {
  const [name, setName] = useState('');
  const create = useCreateScimToken();
  const [created, setCreated] = useState<CreatedScimToken | undefined>();
  const problem = formProblem(create.error, ['name']);
  if (created) {
    return (
      <ShownOnceDialog title="Copy your SCIM token" secret="token" label={`SCIM token for ${created.name}`} value={created.token} onClose={onClose}>
        Paste it into your identity provider now. If you lose it, revoke it and create a new one.
      </ShownOnceDialog>
    );
  }
  return (
    <Dialog title="Create SCIM token" onClose={onClose} size="sm">
      <DialogForm
        onSubmit={() => create.mutate(name, { onSuccess: setCreated })}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={create.isPending}>
              Create token
            </Button>
          </>
        }
      >
        <TextField label="Name" placeholder="e.g. Okta" hint="Which identity provider uses it." value={name} onChange={(e) => setName(e.target.value)} error={problem.fieldError('name')} />
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

function RevokeTokenDialog({ token, onClose }: { token: { id: string; name: string }; onClose: () => void }) {
  const notify = useToast();
  const revoke = useRevokeScimToken();
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
      <p>Your identity provider can no longer add or deactivate members with this token. Members already provisioned stay as they are.</p>
    </ConfirmDialog>
  );
}

function RoleMappings({ settings }: { settings: ProvisioningSettings }) {
  const [rows, setRows] = useState<{ groupName: string; role: MemberRole | '' }[]>(settings.mappings);
  const save = useSaveRoleMappings();
  const notify = useToast();
  const problem = formProblem(save.error, ['mappings']);
  const change = (index: number, patch: Partial<(typeof rows)[number]>) => setRows((all) => all.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const complete = rows.filter((row) => row.groupName.trim() && row.role) as RoleMapping[];
  return (
    <section className="card stack" aria-labelledby="scim-roles">
      <h2 className="card-title" id="scim-roles">
        Roles from groups
      </h2>
      <p className="meta-text">
        Members of a group with this name get this role; in several, the one with the most access. Someone who leaves every mapped group
        becomes an onboarding manager; groups not mapped leave roles as they are.
      </p>
      <datalist id="scim-group-names">
        {settings.groups.map((group) => (
          <option key={group.id} value={group.displayName} />
        ))}
      </datalist>
      {rows.length === 0 && <p className="meta-text">No mapping yet: add one for each group your identity provider pushes.</p>}
      {rows.map((row, index) => (
        <div className="provisioning-mapping" key={index}>
          <input
            className="input"
            aria-label={`Group name ${index + 1}`}
            list="scim-group-names"
            placeholder="Group name, e.g. Landfall Admins"
            value={row.groupName}
            onChange={(e) => change(index, { groupName: e.target.value })}
          />
          <Select aria-label={`Role for group ${index + 1}`} options={roleOptions} placeholder="Choose a role" value={row.role} onChange={(e) => change(index, { role: e.target.value as MemberRole })} />
          <Button size="sm" variant="ghost" aria-label={`Remove mapping ${index + 1}`} onClick={() => setRows((all) => all.filter((_, i) => i !== index))}>
            Remove
          </Button>
        </div>
      ))}
      <div className="provisioning-actions">
        <Button onClick={() => setRows((all) => [...all, { groupName: '', role: '' }])}>Add mapping</Button>
        <Button variant="primary" busy={save.isPending} disabled={complete.length !== rows.length} onClick={() => save.mutate(complete, { onSuccess: () => notify('Roles from groups saved') })}>
          Save mapping
        </Button>
      </div>
      <FormMessage message={problem.message} />
      {settings.groups.length > 0 && (
        <>
          <h3 className="section-title">Groups pushed</h3>
          <ul className="provisioning-list">
            {settings.groups.map((group) => (
              <li key={group.id}>
                <span className="row-title">{group.displayName}</span>
                <span className="meta-text">
                  {group.members} member{group.members === 1 ? '' : 's'} · {group.role ? MEMBER_ROLE_LABELS[group.role] : 'no role mapped'}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function NeedsNewOwner({ settings }: { settings: ProvisioningSettings }) {
  const work = useWorkNeedingOwner();
  return (
    <section className="card stack" aria-labelledby="scim-owners">
      <h2 className="card-title" id="scim-owners">
        Needs a new owner
      </h2>
      {settings.deactivated.length > 0 && (
        <p className="meta-text">
          Deactivated by your identity provider: {settings.deactivated.map((m) => `${m.name} (${formatDay(m.deactivatedAt)})`).join(', ')}. They cannot sign in.
        </p>
      )}
      {work.isPending ? (
        <LoadingState label="Loading work to re-assign…" />
      ) : work.isError ? (
        <ErrorState title="Could not load the work to re-assign" error={work.error} onRetry={() => void work.refetch()} />
      ) : work.data.projects.length + work.data.tasks.length === 0 ? (
        <p className="meta-text">Nothing to re-assign: every open project and task has an owner who can still sign in.</p>
      ) : (
        <ul className="provisioning-list">
          {work.data.projects.map((p) => (
            <li key={p.projectId}>
              <div>
                <Link className="row-title" to={`/projects/${p.projectId}`}>
                  {p.projectName}
                </Link>
                <div className="meta-text">
                  {p.accountName} · onboarding manager was {p.formerOwnerName}
                </div>
              </div>
            </li>
          ))}
          {work.data.tasks.map((t) => (
            <li key={t.taskId}>
              <div>
                <Link className="row-title" to={`/projects/${t.projectId}`}>
                  {t.title}
                </Link>
                <div className="meta-text">
                  {t.projectName} · was {t.formerOwnerName}’s{t.due ? ` · due ${formatDate(t.due)}` : ''}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Activity({ settings }: { settings: ProvisioningSettings }) {
  return (
    <section className="card stack" aria-labelledby="scim-activity">
      <h2 className="card-title" id="scim-activity">
        Last sync activity
      </h2>
      {settings.activity.length === 0 ? (
        <p className="meta-text">Nothing yet. Once your identity provider sends its first change, it shows here.</p>
      ) : (
        <ul className="provisioning-list">
          {settings.activity.map((entry, index) => (
            <li key={index}>
              <div>
                <span className={entry.status >= 400 ? 'provisioning-failed' : undefined}>{entry.summary}</span>
                <div className="meta-text">
                  {formatRelative(entry.at)} · {entry.method} {entry.path.replace(/^\/scim\/v2/, '')} · {entry.status}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useState } from 'react';
import { MEMBER_ROLES, MEMBER_ROLE_LABELS, type MemberRole } from '../../../core/people.ts';
import { formatDate, formatDay, formatRelative, initials } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useIsAdmin, useSession } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useFormValues } from '../../app/useFormValues.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { CopyField } from '../../components/ui/CopyField.tsx';
import { ConfirmDialog, Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import {
  useCreateInvite,
  useInvites,
  useMembers,
  useRemoveMember,
  useRevokeInvite,
  useUpdateMember,
  type CreatedInvite,
  type Invite,
  type Member,
} from './members.api.ts';
import './members.css';

export const roleOptions = MEMBER_ROLES.map((value) => ({ value, label: MEMBER_ROLE_LABELS[value] }));

export const RoleBadge = ({ role }: { role: MemberRole }) => (
  <Badge tone={role === 'admin' ? 'purple' : role === 'leader' ? 'amber' : 'neutral'}>{MEMBER_ROLE_LABELS[role]}</Badge>
);

export function MembersPage() {
  useDocumentTitle('Members');
  const isAdmin = useIsAdmin();
  const { member: me } = useSession();
  const members = useMembers();
  const [editing, setEditing] = useState<Member | undefined>();
  const [removing, setRemoving] = useState<Member | undefined>();
  const [inviting, setInviting] = useState(false);

  return (
    <div className="page">
      <PageHeader
        title="Members"
        description="Everyone on your team who works in Landfall, and what their role lets them do."
        actions={
          isAdmin && (
            <Button variant="primary" onClick={() => setInviting(true)}>
              Invite member
            </Button>
          )
        }
      />
      {members.isPending ? (
        <div className="card">
          <LoadingState label="Loading members…" />
        </div>
      ) : members.isError ? (
        <ErrorState title="Could not load members" error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <div className="card card-flush">
          <Table caption="Members">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Member since</th>
                {isAdmin && (
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {members.data.map((member) => (
                <tr key={member.id}>
                  <td className="cell-primary">
                    <span className="person">
                      <span className="avatar" aria-hidden="true">
                        {initials(member.name)}
                      </span>
                      <span>
                        <span className="row-title">{member.name}</span>
                        {member.id === me.id && <span className="muted"> (you)</span>}
                        <span className="cell-sub">{member.email}</span>
                      </span>
                    </span>
                  </td>
                  <td>
                    <RoleBadge role={member.role} />
                  </td>
                  <td className="nowrap">{formatDay(member.createdAt)}</td>
                  {isAdmin && (
                    <td className="cell-actions">
                      <Button size="sm" variant="ghost" aria-label={`Edit ${member.name}`} onClick={() => setEditing(member)}>
                        Edit
                      </Button>
                      {member.id !== me.id && (
                        <Button size="sm" variant="ghost" aria-label={`Remove ${member.name}`} onClick={() => setRemoving(member)}>
                          Remove
                        </Button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}

      {isAdmin && <PendingInvites onInvite={() => setInviting(true)} />}

      {editing && <EditMemberDialog member={editing} onClose={() => setEditing(undefined)} />}
      {removing && <RemoveMemberDialog member={removing} onClose={() => setRemoving(undefined)} />}
      {inviting && <InviteDialog onClose={() => setInviting(false)} />}
    </div>
  );
}

function PendingInvites({ onInvite }: { onInvite: () => void }) {
  const invites = useInvites();
  const [revoking, setRevoking] = useState<Invite | undefined>();
  return (
    <Section title="Pending invitations" count={invites.data?.length} description="Invitations that have not been accepted yet.">
      {invites.isPending ? (
        <div className="card">
          <LoadingState label="Loading invitations…" />
        </div>
      ) : invites.isError ? (
        <ErrorState title="Could not load invitations" error={invites.error} onRetry={() => void invites.refetch()} />
      ) : invites.data.length === 0 ? (
        <div className="card">
          <EmptyState title="No pending invitations" action={<Button onClick={onInvite}>Invite a teammate</Button>}>
            Invite your onboarding managers, CSMs and sales reps so accounts can have owners.
          </EmptyState>
        </div>
      ) : (
        <div className="card card-flush">
          <Table caption="Pending invitations">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Sent</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invites.data.map((invite) => (
                <tr key={invite.id}>
                  <td className="cell-primary">{invite.email}</td>
                  <td>
                    <RoleBadge role={invite.role} />
                  </td>
                  <td className="nowrap">{formatDay(invite.createdAt)}</td>
                  <td className="nowrap" title={formatDate(invite.expiresAt.slice(0, 10))}>
                    {formatRelative(invite.expiresAt)}
                  </td>
                  <td className="cell-actions">
                    <Button size="sm" variant="ghost" aria-label={`Revoke invitation for ${invite.email}`} onClick={() => setRevoking(invite)}>
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {revoking && <RevokeInviteDialog invite={revoking} onClose={() => setRevoking(undefined)} />}
    </Section>
  );
}

function InviteDialog({ onClose }: { onClose: () => void }) {
  const form = useFormValues({ email: '', role: 'onboarding_manager' });
  const create = useCreateInvite();
  const [created, setCreated] = useState<CreatedInvite | undefined>();
  const problem = formProblem(create.error, ['email', 'role']);

  if (created) {
    return (
      <Dialog
        title="Invitation sent"
        onClose={onClose}
        footer={
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        }
      >
        <div className="dialog-body stack">
          <p>
            We emailed an invitation to <strong>{created.email}</strong>. If it doesn't arrive, send them this link yourself — it
            works once and expires {formatRelative(created.expiresAt)}.
          </p>
          <CopyField label="Invitation link" value={created.inviteUrl} />
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title="Invite a member" description="They get an email with a link to join this workspace." onClose={onClose} size="sm">
      <DialogForm
        onSubmit={() => create.mutate({ email: form.values.email.trim(), role: form.values.role as MemberRole }, { onSuccess: setCreated })}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={create.isPending}>
              Send invitation
            </Button>
          </>
        }
      >
        <div className="stack">
          <TextField label="Email" type="email" autoComplete="off" {...form.bind('email')} error={problem.fieldError('email')} />
          <SelectField label="Role" options={roleOptions} {...form.bind('role')} error={problem.fieldError('role')} />
        </div>
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

function EditMemberDialog({ member, onClose }: { member: Member; onClose: () => void }) {
  const notify = useToast();
  const { member: me } = useSession();
  const form = useFormValues({ name: member.name, role: member.role as string });
  const update = useUpdateMember();
  const problem = formProblem(update.error, ['name', 'role']);
  return (
    <Dialog title={`Edit ${member.name}`} onClose={onClose} size="sm">
      <DialogForm
        onSubmit={() =>
          update.mutate(
            { id: member.id, name: form.values.name, role: form.values.role as MemberRole },
            {
              onSuccess: () => {
                notify('Member saved');
                onClose();
              },
            },
          )
        }
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={update.isPending}>
              Save changes
            </Button>
          </>
        }
      >
        <div className="stack">
          <TextField label="Name" {...form.bind('name')} error={problem.fieldError('name')} />
          <SelectField
            label="Role"
            options={roleOptions}
            hint={member.id === me.id ? 'Changing your own role takes effect on your next request.' : undefined}
            {...form.bind('role')}
            error={problem.fieldError('role')}
          />
        </div>
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

function RemoveMemberDialog({ member, onClose }: { member: Member; onClose: () => void }) {
  const notify = useToast();
  const remove = useRemoveMember();
  return (
    <ConfirmDialog
      title={`Remove ${member.name}?`}
      confirmLabel="Remove member"
      busy={remove.isPending}
      error={remove.error ? errorText(remove.error) : undefined}
      onClose={onClose}
      onConfirm={() =>
        remove.mutate(member.id, {
          onSuccess: () => {
            notify(`${member.name} removed`);
            onClose();
          },
        })
      }
    >
      <p>They are signed out everywhere and can no longer sign in. Accounts they own keep their history.</p>
    </ConfirmDialog>
  );
}

function RevokeInviteDialog({ invite, onClose }: { invite: Invite; onClose: () => void }) {
  const notify = useToast();
  const revoke = useRevokeInvite();
  return (
    <ConfirmDialog
      title="Revoke this invitation?"
      confirmLabel="Revoke invitation"
      busy={revoke.isPending}
      error={revoke.error ? errorText(revoke.error) : undefined}
      onClose={onClose}
      onConfirm={() =>
        revoke.mutate(invite.id, {
          onSuccess: () => {
            notify('Invitation revoked');
            onClose();
          },
        })
      }
    >
      <p>
        The link sent to <strong>{invite.email}</strong> stops working.
      </p>
    </ConfirmDialog>
  );
}

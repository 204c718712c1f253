import { useMemo, useState } from 'react';
import { CONTACT_ROLES, CONTACT_ROLE_LABELS, type ContactRole } from '../../../core/people.ts';
import { timezones } from '../../app/format.ts';
import { choiceError, formProblem } from '../../app/formProblem.ts';
import { orNull, useFormValues } from '../../app/useFormValues.ts';
import { Button } from '../../components/ui/Button.tsx';
import { ConfirmDialog, Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import type { Organization } from '../organizations/organizations.api.ts';
import { useAddContact, useRemoveContact, useUpdateContact, type Contact, type ContactInput } from './contacts.api.ts';
import './contacts.css';

const FIELDS = ['name', 'email', 'title', 'role', 'organizationId', 'timezone', 'joinedOn', 'leftOn'] as const;
export const contactRoleOptions = CONTACT_ROLES.map((value) => ({ value, label: CONTACT_ROLE_LABELS[value] }));

interface Props {
  accountId: string;
  accountTimezone: string;
  organizations: Organization[];
  contact?: Contact;
  onClose: () => void;
}

/** Add a contact, or edit (and remove) one. */
export function ContactDialog({ accountId, accountTimezone, organizations, contact, onClose }: Props) {
  const notify = useToast();
  const form = useFormValues({
    name: contact?.name ?? '',
    email: contact?.email ?? '',
    title: contact?.title ?? '',
    role: contact?.role ?? '',
    organizationId: contact?.organizationId ?? '',
    timezone: contact?.timezone ?? '',
    joinedOn: contact?.joinedOn ?? '',
    leftOn: contact?.leftOn ?? '',
  });
  const add = useAddContact(accountId);
  const update = useUpdateContact(accountId, contact?.id ?? '');
  const mutation = contact ? update : add;
  const problem = formProblem(mutation.error, FIELDS);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const zones = useMemo(() => timezones().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })), []);
  const organizationOptions = organizations
    .filter((organization) => !organization.archivedAt || organization.id === contact?.organizationId)
    .map((organization) => ({ value: organization.id, label: organization.name }));

  const submit = () => {
    const v = form.values;
    const input: ContactInput = {
      name: v.name,
      email: v.email.trim(),
      title: orNull(v.title),
      role: (v.role || undefined) as ContactRole,
      organizationId: orNull(v.organizationId),
      timezone: orNull(v.timezone),
      joinedOn: orNull(v.joinedOn),
      leftOn: orNull(v.leftOn),
    };
    mutation.mutate(input, {
      onSuccess: () => {
        notify(contact ? 'Contact saved' : `${input.name.trim()} added`);
        onClose();
      },
    });
  };

  if (confirmRemove && contact) {
    return <RemoveContact accountId={accountId} contact={contact} onCancel={() => setConfirmRemove(false)} onRemoved={onClose} />;
  }

  return (
    <Dialog title={contact ? `Edit ${contact.name}` : 'Add contact'} onClose={onClose} size="md">
      <DialogForm
        onSubmit={submit}
        footer={
          <>
            {contact && (
              <Button variant="ghost" className="btn-danger-text footer-start" onClick={() => setConfirmRemove(true)}>
                Remove contact
              </Button>
            )}
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={mutation.isPending}>
              {contact ? 'Save changes' : 'Add contact'}
            </Button>
          </>
        }
      >
        <div className="form-grid">
          <TextField label="Name" autoComplete="off" data-autofocus {...form.bind('name')} error={problem.fieldError('name')} />
          <TextField
            label="Email"
            type="email"
            autoComplete="off"
            spellCheck={false}
            {...form.bind('email')}
            error={problem.fieldError('email')}
          />
          <TextField label="Title" optional placeholder="e.g. VP Operations" {...form.bind('title')} error={problem.fieldError('title')} />
          <SelectField
            label="Role"
            options={contactRoleOptions}
            placeholder="Choose a role"
            {...form.bind('role')}
            error={choiceError(problem, 'role', form.values.role)}
          />
          {organizationOptions.length > 0 && (
            <SelectField
              label="Organization"
              optional
              options={organizationOptions}
              placeholder="The account as a whole"
              {...form.bind('organizationId')}
              error={problem.fieldError('organizationId')}
            />
          )}
          <SelectField
            label="Timezone"
            optional
            options={zones}
            placeholder={`Same as the account (${accountTimezone.replaceAll('_', ' ')})`}
            {...form.bind('timezone')}
            error={problem.fieldError('timezone')}
          />
          <TextField label="Joined on" type="date" optional {...form.bind('joinedOn')} error={problem.fieldError('joinedOn')} />
          <TextField
            label="Left on"
            type="date"
            optional
            hint="Set when they leave the company; they stay in the history."
            {...form.bind('leftOn')}
            error={problem.fieldError('leftOn')}
          />
        </div>
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

function RemoveContact({ accountId, contact, onCancel, onRemoved }: { accountId: string; contact: Contact; onCancel: () => void; onRemoved: () => void }) {
  const notify = useToast();
  const remove = useRemoveContact(accountId, contact.id);
  return (
    <ConfirmDialog
      title={`Remove ${contact.name}?`}
      confirmLabel="Remove contact"
      busy={remove.isPending}
      error={remove.error ? errorText(remove.error) : undefined}
      onClose={onCancel}
      onConfirm={() =>
        remove.mutate(undefined, {
          onSuccess: () => {
            notify(`${contact.name} removed`);
            onRemoved();
          },
        })
      }
    >
      <p>
        This deletes the contact and their history. If they left the company, set <strong>Left on</strong> instead so the
        account keeps a record of them.
      </p>
    </ConfirmDialog>
  );
}

import { useState } from 'react';
import { PersonLink } from '../contacts/ContactLink.tsx';
import { CONTACT_ROLE_LABELS } from '../../../core/people.ts';
import { formatDate, formatDateTime, formatRelative } from '../../app/format.ts';
import { useCanWrite } from '../../app/session.tsx';
import { Badge, type Tone } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { CopyField } from '../../components/ui/CopyField.tsx';
import { ConfirmDialog } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import type { Project } from '../projects/projects.api.ts';
import {
  useGrantAccess,
  usePortalOverview,
  useRevokeAccess,
  useStartPreview,
  type AccessState,
  type PortalContact,
  type PortalOverview,
} from './portal.api.ts';
import { Stars } from './Stars.tsx';
import './portal.css';

const ACCESS_LABELS: Record<AccessState | 'none', { label: string; tone: Tone }> = {
  active: { label: 'Active', tone: 'green' },
  invited: { label: 'Invited', tone: 'blue' },
  invitation_expired: { label: 'Invitation expired', tone: 'amber' },
  revoked: { label: 'Revoked', tone: 'red' },
  none: { label: 'No access', tone: 'neutral' },
};

/** The project's customer portal, seen from the vendor side: who has access, how the customer is doing, what they said. */
export function PortalTab({ project }: { project: Project }) {
  const overview = usePortalOverview(project.id);
  if (overview.isPending) return <LoadingState label="Loading the portal…" />;
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  return (
    <div className="portal-tab">
      <AccessSection project={project} contacts={overview.data.contacts} />
      <div className="portal-grid">
        <CustomerTasksSection tasks={overview.data.customerTasks} />
        <CsatSection csat={overview.data.csat} />
      </div>
      <ActivitySection activity={overview.data.activity} anyoneInvited={overview.data.contacts.some((c) => c.access)} />
    </div>
  );
}

function AccessSection({ project, contacts }: { project: Project; contacts: PortalContact[] }) {
  const canWrite = useCanWrite() && project.status !== 'closed';
  const grant = useGrantAccess(project.id);
  const revoke = useRevokeAccess(project.id);
  const preview = useStartPreview(project.id);
  const notify = useToast();
  const [invite, setInvite] = useState<{ name: string; url: string } | undefined>();
  const [removing, setRemoving] = useState<PortalContact | undefined>();
  const anyone = contacts.some((contact) => contact.access && contact.access.state !== 'revoked');
  const champion = contacts.find((contact) => contact.role === 'champion' && !contact.leftOn);

  const give = (contact: PortalContact) =>
    grant.mutate(contact.contactId, {
      onSuccess: (granted) => {
        setInvite({ name: contact.name, url: granted.inviteUrl });
        notify(`Invitation emailed to ${contact.name}`);
      },
      onError: (error) => notify(errorText(error), 'error'),
    });
  const openPreview = (contact: PortalContact) => {
    // Opened before the request so the browser does not treat it as an unrequested pop-up.
    const tab = window.open('about:blank', '_blank');
    preview.mutate(contact.contactId, {
      onSuccess: ({ redirectTo }) => {
        if (tab) tab.location.href = redirectTo;
        else window.open(redirectTo, '_blank');
      },
      onError: (error) => {
        tab?.close();
        notify(errorText(error), 'error');
      },
    });
  };

  return (
    <section className="card card-pad portal-section" aria-labelledby="portal-access">
      <h2 className="card-title" id="portal-access">
        Access
      </h2>
      {contacts.length === 0 ? (
        <EmptyState title="This account has no contacts yet">Add the customer’s champion on the account page, then give them access here.</EmptyState>
      ) : (
        <>
          {!anyone && (
            <p className="portal-hint">
              No one has access yet: give {champion ? <strong>{champion.name}</strong> : 'the champion'} access to share the plan.
            </p>
          )}
          <table className="table portal-access-table">
            <thead>
              <tr>
                <th scope="col">Contact</th>
                <th scope="col">Access</th>
                <th scope="col">Invited</th>
                <th scope="col">Last visit</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {contacts.map((contact) => {
                const state = contact.access?.state ?? 'none';
                const live = state === 'active' || state === 'invited' || state === 'invitation_expired';
                const left = contact.leftOn !== null;
                return (
                  <tr key={contact.contactId} className={left ? 'portal-contact-left' : undefined}>
                    <td>
                      <div className="portal-contact-name">
                        <PersonLink person={{ kind: 'contact', id: contact.contactId, name: contact.name }} />
                      </div>
                      <div className="muted small">
                        {CONTACT_ROLE_LABELS[contact.role as keyof typeof CONTACT_ROLE_LABELS] ?? contact.role} · {contact.email}
                        {left && ` · left on ${formatDate(contact.leftOn)}`}
                      </div>
                    </td>
                    <td>
                      <Badge tone={ACCESS_LABELS[state].tone}>{ACCESS_LABELS[state].label}</Badge>
                    </td>
                    <td>
                      {contact.access ? (
                        <span title={formatDateTime(contact.access.invitedAt)}>
                          by {contact.access.invitedBy}, {formatRelative(contact.access.invitedAt)}
                        </span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td>
                      {contact.access?.lastVisitAt ? (
                        <span title={formatDateTime(contact.access.lastVisitAt)}>{formatRelative(contact.access.lastVisitAt)}</span>
                      ) : (
                        <span className="muted">{contact.access ? 'Not yet' : '—'}</span>
                      )}
                    </td>
                    <td className="portal-access-actions">
                      {canWrite && !left && (
                        <Button size="sm" variant={live ? 'ghost' : 'primary'} busy={grant.isPending && grant.variables === contact.contactId} onClick={() => give(contact)}>
                          {live ? 'Resend invitation' : 'Give access'}
                        </Button>
                      )}
                      {live && (
                        <Button size="sm" variant="ghost" onClick={() => openPreview(contact)}>
                          Preview as {contact.name.split(' ')[0]}
                        </Button>
                      )}
                      {canWrite && live && (
                        <Button size="sm" variant="ghost" className="btn-danger-text" onClick={() => setRemoving(contact)}>
                          Remove access
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      {invite && (
        <div className="portal-invite">
          <CopyField label={`Invitation link for ${invite.name} (emailed to them; you can also send it yourself)`} value={invite.url} />
          <Button size="sm" variant="ghost" onClick={() => setInvite(undefined)}>
            Done
          </Button>
        </div>
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.name}’s access?`}
          confirmLabel="Remove access"
          busy={revoke.isPending}
          error={revoke.error ? errorText(revoke.error) : undefined}
          onClose={() => setRemoving(undefined)}
          onConfirm={() =>
            revoke.mutate(removing.contactId, {
              onSuccess: () => {
                notify(`${removing.name} can no longer open this portal`);
                setRemoving(undefined);
              },
            })
          }
        >
          <p>They can no longer open this project’s portal; their answers, files and comments stay. You can give access again later.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function CustomerTasksSection({ tasks }: { tasks: PortalOverview['customerTasks'] }) {
  const open = tasks.total - tasks.done - tasks.overdue;
  const parts = [
    { key: 'on-time', label: 'Done on time', value: tasks.onTime },
    { key: 'late', label: 'Done late', value: tasks.late },
    { key: 'overdue', label: 'Overdue', value: tasks.overdue },
    { key: 'open', label: 'Not due yet', value: Math.max(open, 0) },
  ];
  return (
    <section className="card card-pad portal-section" aria-labelledby="portal-tasks">
      <h2 className="card-title" id="portal-tasks">
        Customer tasks
      </h2>
      {tasks.total === 0 ? (
        <p className="muted">This plan has no customer tasks.</p>
      ) : (
        <>
          <div className="portal-bar" role="img" aria-label={parts.map((p) => `${p.label}: ${p.value}`).join(', ')}>
            {parts.map((part) =>
              part.value > 0 ? <span key={part.key} className={`portal-bar-${part.key}`} style={{ flexGrow: part.value }} title={`${part.label}: ${part.value}`} /> : null,
            )}
          </div>
          <dl className="portal-bar-legend">
            {parts.map((part) => (
              <div key={part.key}>
                <dt>
                  <span className={`portal-swatch portal-bar-${part.key}`} aria-hidden="true" />
                  {part.label}
                </dt>
                <dd>{part.value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}

function CsatSection({ csat }: { csat: PortalOverview['csat'] }) {
  return (
    <section className="card card-pad portal-section" aria-labelledby="portal-csat">
      <h2 className="card-title" id="portal-csat">
        Customer satisfaction
      </h2>
      {csat.average === null ? (
        <p className="muted">No ratings yet: customers rate each milestone in the portal once it is reached.</p>
      ) : (
        <>
          <p className="portal-csat-average">
            <span className="portal-csat-number">{csat.average.toFixed(1)}</span>
            <span className="muted"> / 5 from {csat.answers.length} rating{csat.answers.length === 1 ? '' : 's'}</span>
          </p>
          <ul className="portal-csat-list">
            {csat.answers.map((answer) => (
              <li key={`${answer.milestoneTaskId}-${answer.contactName}`}>
                <div className="portal-csat-head">
                  <Stars score={answer.score} />
                  <strong>{answer.milestone}</strong>
                  <span className="muted small">
                    {answer.contactName} · <span title={formatDateTime(answer.at)}>{formatRelative(answer.at)}</span>
                  </span>
                </div>
                {answer.comment && <p className="portal-csat-comment">“{answer.comment}”</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ActivitySection({ activity, anyoneInvited }: { activity: PortalOverview['activity']; anyoneInvited: boolean }) {
  return (
    <section className="card card-pad portal-section" aria-labelledby="portal-activity">
      <h2 className="card-title" id="portal-activity">
        Activity
      </h2>
      {activity.length === 0 ? (
        <p className="muted">
          {anyoneInvited
            ? 'Nothing yet: what the customer does in the portal (tasks completed, forms, files, comments, sign-offs) shows here.'
            : 'Nothing yet: give a contact access above, and what they do in the portal shows here.'}
        </p>
      ) : (
        <ol className="portal-activity">
          {activity.map((event) => (
            <li key={event.id} className={event.fromCustomer ? 'portal-activity-customer' : 'portal-activity-vendor'}>
              <span className="portal-activity-side">{event.fromCustomer ? 'Customer' : 'Team'}</span>
              <div>
                <strong>{event.actorName}</strong> {event.what}
                {event.reason && <span className="muted"> — {event.reason}</span>}
              </div>
              <time className="muted small" dateTime={event.at} title={formatDateTime(event.at)}>
                {formatRelative(event.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

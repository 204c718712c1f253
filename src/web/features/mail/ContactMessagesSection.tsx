import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Select } from '../../components/ui/Field.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useContactTimeline } from './mail.api.ts';
import { MailStateBadge } from './MailState.tsx';

/** A contact's message timeline on the account page: every message they got, and the ones still to come. */
export function ContactMessagesSection({ accountId }: { accountId: string }) {
  const contacts = useQuery({
    queryKey: ['accounts', accountId, 'contacts', 'for-messages'],
    queryFn: () => api.get<{ id: string; name: string; email: string }[]>(`/accounts/${accountId}/contacts?status=all`),
  });
  const [chosen, setChosen] = useState<string | undefined>();
  const contactId = chosen ?? contacts.data?.[0]?.id;
  const timeline = useContactTimeline(contactId);

  return (
    <section className="section" aria-labelledby="messages-heading">
      <div className="section-header" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <h2 id="messages-heading">Messages</h2>
        {contacts.data && contacts.data.length > 0 && (
          <Select
            aria-label="Contact"
            value={contactId ?? ''}
            onChange={(event) => setChosen(event.target.value)}
            options={contacts.data.map((contact) => ({ value: contact.id, label: `${contact.name} <${contact.email}>` }))}
          />
        )}
      </div>
      <div className="card">
        {contacts.data?.length === 0 ? (
          <EmptyState title="No contacts yet">Add a contact to see the messages they get.</EmptyState>
        ) : timeline.isPending ? (
          <LoadingState label="Loading messages…" />
        ) : timeline.isError ? (
          <ErrorState title="Messages could not be loaded" error={timeline.error} />
        ) : timeline.data.messages.length + timeline.data.planned.length === 0 ? (
          <EmptyState title="No messages">This contact has got no message, and none is planned.</EmptyState>
        ) : (
          <ol className="timeline" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {timeline.data.messages.map((message) => (
              <li key={message.id} style={{ padding: '6px 0', borderBottom: '1px solid #eef0f3' }}>
                <MailStateBadge state={message.state} /> <strong>{message.subject}</strong>{' '}
                <span className="muted">
                  {formatDateTime(message.sentAt ?? message.sendAfter)}
                  {message.stepName ? ` · ${message.stepName}` : ''}
                  {message.reason ? ` · ${message.reason}` : ''}
                </span>
              </li>
            ))}
            {timeline.data.planned.map((planned) => (
              <li key={`${planned.projectId}:${planned.stepId}:${planned.dueAt}`} style={{ padding: '6px 0', borderBottom: '1px solid #eef0f3' }}>
                <Badge tone={planned.skip ? 'neutral' : 'teal'}>{planned.skip ? 'will skip' : 'planned'}</Badge> <strong>{planned.stepName}</strong>{' '}
                <span className="muted">
                  {formatDateTime(planned.dueAt)}
                  {planned.skip ? ` · ${planned.skip}` : ''}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

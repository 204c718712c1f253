import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Select } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Pagination } from '../../components/ui/Pagination.tsx';
import { SearchInput } from '../../components/ui/SearchInput.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { OUTBOX_STATES, useOutbox, useOutboxMessage, useRetryMessage, type OutboxState } from './mail.api.ts';
import { MailStateBadge } from './MailState.tsx';
import './mail.css';

/** The outbox: every message Landfall wrote, what became of it and why. Filters live in the URL. */
export function MailPage() {
  useDocumentTitle('Mail');
  const [params, setParams] = useSearchParams();
  const state = (OUTBOX_STATES as readonly string[]).includes(params.get('state') ?? '') ? (params.get('state') as OutboxState) : undefined;
  const kind = params.get('kind') ?? undefined;
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const outbox = useOutbox({ state, kind, q, offset });
  // A link from elsewhere (a contact's page) opens one message: ?message=<id>.
  const [openId, setOpenId] = useState<string | undefined>(() => params.get('message') ?? undefined);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'offset') next.delete('offset');
    setParams(next, { replace: true });
  };

  return (
    <div className="page">
      <PageHeader
        title="Mail"
        description="Every message is rendered and stored here before it is sent: to whom, when, from which cadence step, its state and why."
      />
      {outbox.data && !outbox.data.smtpConfigured && (
        <div className="card" role="status" style={{ marginBottom: 16 }}>
          <strong>No SMTP server is configured</strong> (SMTP_URL): nothing leaves this machine. Email stays in the outbox below, where you can read it;
          in-portal messages are still delivered.
        </div>
      )}
      <div className="toolbar" role="search" aria-label="Filter mail">
        <SearchInput value={q} onSearch={(value) => set('q', value)} label="Search mail" placeholder="Recipient or subject" />
        <Select
          aria-label="State"
          value={state ?? ''}
          onChange={(event) => set('state', event.target.value || undefined)}
          options={[
            { value: '', label: 'Every state' },
            ...OUTBOX_STATES.map((value) => ({ value, label: `${value} (${outbox.data?.countsByState[value] ?? 0})` })),
          ]}
        />
        <Select
          aria-label="Kind"
          value={kind ?? ''}
          onChange={(event) => set('kind', event.target.value || undefined)}
          options={[
            { value: '', label: 'Every kind' },
            { value: 'automated', label: 'Automated (cadences, reminders)' },
            { value: 'transactional', label: 'Transactional (invitations, tests)' },
          ]}
        />
      </div>
      <div className="card card-flush">
        {outbox.isPending ? (
          <LoadingState label="Loading the outbox…" />
        ) : outbox.isError ? (
          <ErrorState title="The outbox could not be loaded" error={outbox.error} onRetry={() => void outbox.refetch()} />
        ) : outbox.data.messages.length === 0 ? (
          <EmptyState title="No messages">{state || q || kind ? 'Nothing matches these filters.' : 'Nothing has been written to the outbox yet.'}</EmptyState>
        ) : (
          <Table caption="Outbox">
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">Step</th>
                <th scope="col">When</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {outbox.data.messages.map((message) => (
                <tr key={message.id}>
                  <td>
                    <MailStateBadge state={message.state} />
                    {message.channel === 'portal' && <span className="muted"> portal</span>}
                  </td>
                  <td>{message.to}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => setOpenId(message.id)}>
                      {message.subject}
                    </button>
                  </td>
                  <td className="muted">{message.stepName ?? (message.kind === 'automated' ? 'Automated' : 'Transactional')}</td>
                  <td>{formatDateTime(message.sentAt ?? message.sendAfter)}</td>
                  <td className="muted">{message.reason ?? message.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
      {outbox.data && (
        <Pagination total={outbox.data.total} limit={50} offset={offset} onOffsetChange={(next) => set('offset', String(next))} noun="messages" />
      )}
      {openId && <MessageDialog id={openId} onClose={() => setOpenId(undefined)} />}
    </div>
  );
}

function MessageDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const message = useOutboxMessage(id);
  const retry = useRetryMessage();
  const [view, setView] = useState<'html' | 'text'>('html');
  return (
    <Dialog title={message.data?.subject ?? 'Message'} onClose={onClose} size="lg">
      <div className="dialog-body">
        {message.isPending ? (
          <LoadingState label="Loading…" />
        ) : message.isError ? (
          <ErrorState title="This message could not be loaded" error={message.error} />
        ) : (
          <>
            <dl className="mail-facts">
              <dt>To</dt>
              <dd>{message.data.to}</dd>
              <dt>From</dt>
              <dd>{message.data.fromName ?? 'Landfall'}</dd>
              <dt>State</dt>
              <dd>
                <MailStateBadge state={message.data.state} />
                {message.data.reason && <span className="mail-reason">{message.data.reason}</span>}
              </dd>
              <dt>Message-ID</dt>
              <dd>
                <code className="mail-id">{message.data.messageId}</code>
                {message.data.attempts > 0 && (
                  <span className="muted small">
                    {message.data.attempts} {message.data.attempts === 1 ? 'attempt' : 'attempts'} to send
                  </span>
                )}
              </dd>
            </dl>
            <div className="mail-view-switch">
              <Button size="sm" variant={view === 'html' ? 'primary' : 'secondary'} onClick={() => setView('html')}>
                HTML
              </Button>
              <Button size="sm" variant={view === 'text' ? 'primary' : 'secondary'} onClick={() => setView('text')}>
                Plain text
              </Button>
              {(message.data.state === 'failed' || message.data.state === 'bounced') && (
                <Button size="sm" busy={retry.isPending} onClick={() => retry.mutate(id)}>
                  Send again
                </Button>
              )}
            </div>
            {view === 'html' && message.data.html ? (
              // Rendered in a sandbox with scripts off: the HTML is ours, but it carries what people typed.
              <iframe className="mail-html" title="Message as HTML" sandbox="" srcDoc={message.data.html} />
            ) : (
              <pre className="mail-text">{message.data.text}</pre>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}

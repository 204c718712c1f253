import { useState } from 'react';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../contract/webhooks.ts';
import { formatDateTime } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useIsAdmin } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useFormValues } from '../../app/useFormValues.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { ConfirmDialog, Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, Select, TextField } from '../../components/ui/Field.tsx';
import { AdminsOnly } from '../../components/ui/AdminsOnly.tsx';
import { ShownOnceDialog } from '../../components/ui/ShownOnceDialog.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import {
  useCreateWebhookEndpoint,
  useDeleteWebhookEndpoint,
  useReplayDelivery,
  useRotateWebhookSecret,
  useSendTestEvent,
  useUpdateWebhookEndpoint,
  useWebhookDeliveries,
  useWebhookEndpoints,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
} from './webhooks.api.ts';
import './webhooks.css';

export function WebhooksPage() {
  useDocumentTitle('Webhooks');
  if (!useIsAdmin()) {
    return (
      <AdminsOnly page="Webhooks" title="Only admins manage webhooks">
        Ask a workspace admin if another system needs to hear about your projects.
      </AdminsOnly>
    );
  }
  return <Webhooks />;
}

function Webhooks() {
  const endpoints = useWebhookEndpoints();
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<WebhookEndpointWithSecret | undefined>();
  return (
    <div className="page">
      <PageHeader
        title="Webhooks"
        description={
          <>
            Landfall tells your other systems what happened (a project started, a milestone reached, a contact left) by sending a signed POST to each
            endpoint, following <a href="https://www.standardwebhooks.com/">Standard Webhooks</a>. Failed deliveries are retried for three days.
          </>
        }
        actions={
          <Button variant="primary" onClick={() => setAdding(true)}>
            Add endpoint
          </Button>
        }
      />
      {endpoints.isPending ? (
        <div className="card">
          <LoadingState label="Loading endpoints…" />
        </div>
      ) : endpoints.isError ? (
        <ErrorState title="Could not load webhook endpoints" error={endpoints.error} onRetry={() => void endpoints.refetch()} />
      ) : endpoints.data.length === 0 ? (
        <div className="card">
          <EmptyState title="No webhook endpoints yet" action={<Button onClick={() => setAdding(true)}>Add endpoint</Button>}>
            Add the https address of the system that should hear about your onboarding (your CRM, a data warehouse, an automation tool), and choose the events it takes.
          </EmptyState>
        </div>
      ) : (
        <>
          <ul className="webhook-endpoints">
            {endpoints.data.map((endpoint) => (
              <EndpointCard key={endpoint.id} endpoint={endpoint} onSecret={setSecret} />
            ))}
          </ul>
          <EventsMatrix endpoints={endpoints.data} />
          <DeliveryLog endpoints={endpoints.data} />
        </>
      )}
      {adding && (
        <AddEndpointDialog
          onClose={() => setAdding(false)}
          onCreated={(created) => {
            setAdding(false);
            setSecret(created);
          }}
        />
      )}
      {secret && <SecretDialog endpoint={secret} onClose={() => setSecret(undefined)} />}
    </div>
  );
}

function EndpointCard({ endpoint, onSecret }: { endpoint: WebhookEndpoint; onSecret: (created: WebhookEndpointWithSecret) => void }) {
  const notify = useToast();
  const test = useSendTestEvent();
  const update = useUpdateWebhookEndpoint();
  const rotate = useRotateWebhookSecret();
  const [deleting, setDeleting] = useState(false);
  const [rotating, setRotating] = useState(false);
  return (
    <li className="card card-pad webhook-endpoint">
      <div className="webhook-endpoint-head">
        <code className="webhook-url">{endpoint.url}</code>
        {endpoint.enabled ? <Badge tone="green">On</Badge> : <Badge tone="red">Off</Badge>}
      </div>
      {endpoint.description && <p className="muted">{endpoint.description}</p>}
      {endpoint.disabledReason && (
        <p className="callout callout-warning" role="note">
          {endpoint.disabledReason} Nothing is sent to it until you turn it back on.
        </p>
      )}
      {endpoint.enabled && endpoint.failingSince && <p className="callout callout-warning">Deliveries have been failing since {formatDateTime(endpoint.failingSince)}; they are being retried.</p>}
      {endpoint.previousSecretUntil && <p className="muted">The previous secret also signs until {formatDateTime(endpoint.previousSecretUntil)}.</p>}
      <p className="muted">{endpoint.eventTypes.map((type) => WEBHOOK_EVENT_LABELS[type]).join(' · ')}</p>
      <div className="webhook-actions">
        <Button
          size="sm"
          busy={test.isPending}
          onClick={() =>
            test.mutate(endpoint.id, {
              onSuccess: (delivery) => notify(delivery.state === 'delivered' ? `Test event delivered (HTTP ${delivery.lastStatus})` : `Test event not delivered: ${delivery.lastError ?? 'no answer'}`),
              onError: (error) => notify(errorText(error)),
            })
          }
        >
          Send test event
        </Button>
        <Button size="sm" onClick={() => setRotating(true)}>
          Rotate secret
        </Button>
        <Button size="sm" busy={update.isPending} onClick={() => update.mutate({ id: endpoint.id, patch: { enabled: !endpoint.enabled } })}>
          {endpoint.enabled ? 'Pause' : 'Turn on'}
        </Button>
        <Button size="sm" variant="ghost" aria-label={`Delete ${endpoint.url}`} onClick={() => setDeleting(true)}>
          Delete
        </Button>
      </div>
      {rotating && (
        <ConfirmDialog
          title="Rotate the signing secret?"
          confirmLabel="Rotate secret"
          tone="primary"
          busy={rotate.isPending}
          error={rotate.error ? errorText(rotate.error) : undefined}
          onClose={() => setRotating(false)}
          onConfirm={() =>
            rotate.mutate(
              { id: endpoint.id, overlapHours: 24 },
              {
                onSuccess: (rotated) => {
                  setRotating(false);
                  onSecret(rotated);
                },
              },
            )
          }
        >
          <p>You get a new secret, shown once. For the next 24 hours every delivery is signed with both the old and the new secret, so you can update the receiver without missing one.</p>
        </ConfirmDialog>
      )}
      {deleting && <DeleteEndpointDialog endpoint={endpoint} onClose={() => setDeleting(false)} />}
    </li>
  );
}

function DeleteEndpointDialog({ endpoint, onClose }: { endpoint: WebhookEndpoint; onClose: () => void }) {
  const remove = useDeleteWebhookEndpoint();
  return (
    <ConfirmDialog
      title="Delete this endpoint?"
      confirmLabel="Delete endpoint"
      busy={remove.isPending}
      error={remove.error ? errorText(remove.error) : undefined}
      onClose={onClose}
      onConfirm={() => remove.mutate(endpoint.id, { onSuccess: onClose })}
    >
      <p>
        Nothing more is sent to <code>{endpoint.url}</code>. Its delivery log stays.
      </p>
    </ConfirmDialog>
  );
}

/** Which endpoint takes which event: a checkbox per pair, saved at once. */
function EventsMatrix({ endpoints }: { endpoints: WebhookEndpoint[] }) {
  const update = useUpdateWebhookEndpoint();
  const notify = useToast();
  const toggle = (endpoint: WebhookEndpoint, type: WebhookEventType) => {
    const next = endpoint.eventTypes.includes(type) ? endpoint.eventTypes.filter((t) => t !== type) : [...endpoint.eventTypes, type];
    if (next.length === 0) return notify('An endpoint takes at least one event: delete it instead.');
    update.mutate({ id: endpoint.id, patch: { eventTypes: next } }, { onError: (error) => notify(errorText(error)) });
  };
  return (
    <section className="card card-flush webhook-section" aria-labelledby="webhook-matrix">
      <h2 id="webhook-matrix" className="card-title">
        Events
      </h2>
      <Table caption="Events each endpoint takes" className="webhook-matrix">
        <thead>
          <tr>
            <th scope="col">Event</th>
            {endpoints.map((endpoint, index) => (
              <th scope="col" key={endpoint.id} title={endpoint.url}>
                {endpoint.description || `Endpoint ${index + 1}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <tr key={type}>
              <th scope="row">
                {WEBHOOK_EVENT_LABELS[type]}
                <br />
                <code className="muted">{type}</code>
              </th>
              {endpoints.map((endpoint, index) => (
                <td key={endpoint.id}>
                  <input
                    type="checkbox"
                    aria-label={`${endpoint.description || `Endpoint ${index + 1}`} takes ${WEBHOOK_EVENT_LABELS[type]}`}
                    checked={endpoint.eventTypes.includes(type)}
                    onChange={() => toggle(endpoint, type)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}

const STATE_TONE = { delivered: 'green', pending: 'amber', sending: 'blue', failed: 'red' } as const;
const STATE_LABEL = { delivered: 'Delivered', pending: 'Retrying', sending: 'Sending', failed: 'Failed' } as const;

function DeliveryLog({ endpoints }: { endpoints: WebhookEndpoint[] }) {
  const [endpointId, setEndpointId] = useState('');
  const deliveries = useWebhookDeliveries(endpointId || undefined);
  return (
    <section className="card card-pad webhook-section" aria-labelledby="webhook-log">
      <div className="webhook-log-head">
        <h2 id="webhook-log" className="card-title">
          Delivery log
        </h2>
        <Select
          aria-label="Endpoint"
          placeholder="Every endpoint"
          options={endpoints.map((endpoint) => ({ value: endpoint.id, label: endpoint.description || endpoint.url }))}
          value={endpointId}
          onChange={(event) => setEndpointId(event.target.value)}
        />
      </div>
      {deliveries.isPending ? (
        <LoadingState label="Loading deliveries…" />
      ) : deliveries.isError ? (
        <ErrorState title="Could not load the delivery log" error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : deliveries.data.length === 0 ? (
        <EmptyState title="Nothing sent yet">Use “Send test event” on an endpoint to check that it receives and verifies deliveries.</EmptyState>
      ) : (
        <ul className="webhook-deliveries">
          {deliveries.data.map((delivery) => (
            <DeliveryRow key={delivery.id} delivery={delivery} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DeliveryRow({ delivery }: { delivery: WebhookDelivery }) {
  const replay = useReplayDelivery();
  const notify = useToast();
  return (
    <li className="webhook-delivery">
      <div className="webhook-delivery-head">
        <Badge tone={STATE_TONE[delivery.state]}>{STATE_LABEL[delivery.state]}</Badge>
        <strong>{delivery.eventType}</strong>
        <span className="muted">{formatDateTime(delivery.createdAt)}</span>
        <Button
          size="sm"
          busy={replay.isPending}
          onClick={() =>
            replay.mutate(delivery.id, {
              onSuccess: (again) => notify(again.state === 'delivered' ? 'Delivered again' : `Still not delivered: ${again.lastError ?? 'no answer'}`),
              onError: (error) => notify(errorText(error)),
            })
          }
        >
          Replay
        </Button>
      </div>
      <p className="muted webhook-url">
        {delivery.endpointUrl} · {delivery.attempts} attempt{delivery.attempts === 1 ? '' : 's'}
        {delivery.lastStatus !== null && ` · HTTP ${delivery.lastStatus}`}
        {delivery.nextAttemptAt && ` · next try ${formatDateTime(delivery.nextAttemptAt)}`}
      </p>
      {delivery.lastError && delivery.state !== 'delivered' && <p className="webhook-error">{delivery.lastError}</p>}
      <details>
        <summary>Attempts and payload</summary>
        <ul className="webhook-attempts">
          {delivery.log.map((attempt) => (
            <li key={attempt.at + attempt.trigger}>
              {formatDateTime(attempt.at)} · {attempt.status === null ? 'no answer' : `HTTP ${attempt.status}`} · {attempt.durationMs} ms · {attempt.trigger}
              {attempt.error && <span className="webhook-error"> {attempt.error}</span>}
            </li>
          ))}
        </ul>
        <p className="muted">
          webhook-id <code>{delivery.messageId}</code>
        </p>
        <pre className="webhook-payload">{JSON.stringify(delivery.payload, null, 2)}</pre>
      </details>
    </li>
  );
}

function AddEndpointDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (created: WebhookEndpointWithSecret) => void }) {
  const form = useFormValues({ url: '', description: '' });
  const [events, setEvents] = useState<WebhookEventType[]>(['project.created', 'milestone.reached']);
  const create = useCreateWebhookEndpoint();
  const problem = formProblem(create.error, ['url', 'description', 'eventTypes']);
  return (
    <Dialog title="Add webhook endpoint" onClose={onClose}>
      <DialogForm
        onSubmit={() => create.mutate({ url: form.values.url, description: form.values.description, eventTypes: events }, { onSuccess: onCreated })}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={create.isPending}>
              Add endpoint
            </Button>
          </>
        }
      >
        <div className="stack">
          <TextField label="URL" type="url" placeholder="https://hooks.example.com/landfall" hint="A public https address." {...form.bind('url')} error={problem.fieldError('url')} />
          <TextField label="Description" optional placeholder="e.g. CRM sync" {...form.bind('description')} error={problem.fieldError('description')} />
          <fieldset className="webhook-event-fieldset">
            <legend className="field-label">Events</legend>
            <div className="webhook-event-choices">
              {WEBHOOK_EVENT_TYPES.map((type) => (
                <label key={type} className="checkbox">
                  <input type="checkbox" checked={events.includes(type)} onChange={() => setEvents((now) => (now.includes(type) ? now.filter((t) => t !== type) : [...now, type]))} />
                  {WEBHOOK_EVENT_LABELS[type]}
                </label>
              ))}
            </div>
            {problem.fieldError('eventTypes') && <p className="field-error">{problem.fieldError('eventTypes')}</p>}
          </fieldset>
        </div>
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

function SecretDialog({ endpoint, onClose }: { endpoint: WebhookEndpointWithSecret; onClose: () => void }) {
  return (
    <ShownOnceDialog title="Copy the signing secret" secret="secret" label={`Secret for ${endpoint.url}`} value={endpoint.secret} onClose={onClose}>
      Give it to the receiver so it can verify each delivery (the <code>webhook-signature</code> header, with any Standard Webhooks library). If you
      lose it, rotate it.
    </ShownOnceDialog>
  );
}

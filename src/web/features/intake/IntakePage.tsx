import { useState } from 'react';
import { Link } from 'react-router';
import { formatRelative } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useIsAdmin } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useFormValues } from '../../app/useFormValues.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { CopyField } from '../../components/ui/CopyField.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import {
  useDeliveries,
  useIntakeSettings,
  useReplayDelivery,
  useUpdateIntakeSettings,
  type IntakeDelivery,
  type IntakeSettings,
} from './intake.api.ts';

const SOURCE_LABELS: Record<string, string> = {
  api: 'API',
  webhook: 'Signed webhook',
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
};

/** The payload is what the CRM sent, kept as it came: a won deal names its company; a payload that failed may not. */
function companyName(payload: unknown): string | undefined {
  const company = (payload as { company?: { name?: unknown } } | null)?.company;
  return typeof company?.name === 'string' ? company.name : undefined;
}

/** Won deals arriving from the CRM: what was made of each, and the ones that failed, to fix and replay. */
export function IntakePage() {
  useDocumentTitle('CRM intake');
  const isAdmin = useIsAdmin();
  const [onlyFailed, setOnlyFailed] = useState(false);
  const deliveries = useDeliveries(onlyFailed ? 'failed' : undefined);
  return (
    <div className="page">
      <PageHeader
        title="CRM intake"
        description="Every won deal your CRM sends becomes an account, its contacts, an onboarding project from the playbook that fits, and a hand-off for the rep. The same deal id never makes a second project."
      />
      {isAdmin && <IntakeSettingsCard />}
      <div className="section-header">
        <h2 className="section-title">Deals received</h2>
        <label className="checkbox">
          <input type="checkbox" checked={onlyFailed} onChange={(event) => setOnlyFailed(event.target.checked)} /> Only failed
        </label>
      </div>
      {deliveries.isPending ? (
        <div className="card">
          <LoadingState label="Loading deals…" />
        </div>
      ) : deliveries.isError ? (
        <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : deliveries.data.length === 0 ? (
        <div className="card">
          <EmptyState title={onlyFailed ? 'No failed deals' : 'No deals received yet'}>
            {onlyFailed
              ? 'Every deal that arrived became a project.'
              : 'Point your CRM at the endpoints above (or POST to /api/v1/intake/deals with an API token) to start projects at closed-won.'}
          </EmptyState>
        </div>
      ) : (
        <div className="card card-flush">
          <Table caption="Deals received">
            <thead>
              <tr>
                <th scope="col">Deal</th>
                <th scope="col">From</th>
                <th scope="col">Received</th>
                <th scope="col">Result</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.map((delivery) => (
                <DeliveryRow key={delivery.id} delivery={delivery} />
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </div>
  );
}

function DeliveryRow({ delivery }: { delivery: IntakeDelivery }) {
  const replay = useReplayDelivery();
  const notify = useToast();
  return (
    <tr>
      <td className="cell-primary">
        <span className="row-title">{companyName(delivery.payload) ?? delivery.dealId}</span>
        <div className="cell-sub">Deal {delivery.dealId}</div>
      </td>
      <td>{SOURCE_LABELS[delivery.source] ?? delivery.source}</td>
      <td className="nowrap">{formatRelative(delivery.receivedAt)}</td>
      <td>
        {delivery.status === 'processed' ? (
          <>
            <Badge tone="green">Project started</Badge>{' '}
            {delivery.projectId && <Link to={`/projects/${delivery.projectId}`}>Open project</Link>}
          </>
        ) : (
          <>
            <Badge tone="red">Failed</Badge> <span className="muted">{delivery.error}</span>
            {replay.isError && <p className="field-error">{errorText(replay.error)}</p>}
          </>
        )}
      </td>
      <td className="cell-actions">
        {delivery.status === 'failed' && (
          <Button
            size="sm"
            busy={replay.isPending}
            onClick={() => replay.mutate(delivery.id, { onSuccess: () => notify('Deal taken: the project has started') })}
          >
            Replay
          </Button>
        )}
      </td>
    </tr>
  );
}

function IntakeSettingsCard() {
  const settings = useIntakeSettings(true);
  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <IntakeSettingsForm settings={settings.data} />;
}

function IntakeSettingsForm({ settings }: { settings: IntakeSettings }) {
  const update = useUpdateIntakeSettings();
  const notify = useToast();
  const form = useFormValues({
    hubspotClientSecret: settings.hubspotClientSecret ?? '',
    salesforceOrganizationId: settings.salesforceOrganizationId ?? '',
  });
  const problem = formProblem(update.error, ['hubspotClientSecret', 'salesforceOrganizationId']);
  return (
    <form
      className="card form-card"
      noValidate
      aria-label="CRM connection"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(
          {
            hubspotClientSecret: form.values.hubspotClientSecret.trim() || null,
            salesforceOrganizationId: form.values.salesforceOrganizationId.trim() || null,
          },
          { onSuccess: () => notify('CRM connection saved') },
        );
      }}
    >
      <h2 className="card-title">Connect your CRM</h2>
      <div className="stack">
        <CopyField label="Endpoint for won deals (API token or signed webhook)" value={settings.endpoints.deals} />
        <CopyField label="Webhook signing secret (HMAC-SHA256 over “timestamp.body”)" value={settings.webhookSecret} />
        <CopyField label="HubSpot workflow webhook URL" value={settings.endpoints.hubspot} />
        <TextField
          label="HubSpot app client secret"
          hint="Checks the X-HubSpot-Signature-v3 of every call."
          {...form.bind('hubspotClientSecret')}
          error={problem.fieldError('hubspotClientSecret')}
        />
        <CopyField label="Salesforce endpoint" value={settings.endpoints.salesforce} />
        <TextField
          label="Salesforce organization id"
          hint="Calls from any other Salesforce organization are refused."
          {...form.bind('salesforceOrganizationId')}
          error={problem.fieldError('salesforceOrganizationId')}
        />
      </div>
      <FormMessage message={problem.message} />
      <div className="form-actions">
        <Button type="button" onClick={() => update.mutate({ rotateWebhookSecret: true }, { onSuccess: () => notify('New webhook secret: update your CRM') })}>
          Rotate webhook secret
        </Button>
        <Button type="submit" variant="primary" busy={update.isPending}>
          Save
        </Button>
      </div>
    </form>
  );
}

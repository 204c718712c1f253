import { formatRelative } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useIsAdmin } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useFormValues } from '../../app/useFormValues.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { AdminsOnly } from '../../components/ui/AdminsOnly.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { Link } from 'react-router';
import { useCrmSync, useCrmSyncLog, useSaveCrmSync } from './integrations.api.ts';
import './integrations.css';

const PROVIDERS = [
  { value: 'hubspot', label: 'HubSpot (deal)' },
  { value: 'salesforce', label: 'Salesforce (opportunity)' },
] as const;

const OUTCOME_TONE = { ok: 'green', retrying: 'amber', failed: 'red', skipped: 'neutral' } as const;

export function CrmSyncPage() {
  useDocumentTitle('CRM sync');
  const isAdmin = useIsAdmin();
  if (!isAdmin) {
    return (
      <AdminsOnly page="CRM sync" title="Only admins set up CRM sync">
        Ask a workspace admin to connect your CRM.
      </AdminsOnly>
    );
  }
  return <CrmSync />;
}

function CrmSync() {
  const settings = useCrmSync();
  const log = useCrmSyncLog(true);
  const save = useSaveCrmSync();
  const notify = useToast();
  const form = useFormValues({ provider: 'hubspot', accessToken: '', baseUrl: '', apiVersion: '' });
  const problem = formProblem(save.error, ['provider', 'accessToken', 'baseUrl', 'apiVersion']);
  if (settings.isPending) return <LoadingState label="Loading CRM sync…" />;
  if (settings.isError) return <ErrorState title="Could not load CRM sync" error={settings.error} onRetry={() => void settings.refetch()} />;
  const salesforce = form.values.provider === 'salesforce';
  return (
    <div className="page page-narrow">
      <PageHeader
        title="CRM sync"
        description="Each project that came from a won deal writes its stage, projected go-live, health and value achieved back to that deal, a minute after it changes."
      />
      <form
        className="card card-pad stack"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(
            {
              provider: form.values.provider as 'hubspot' | 'salesforce',
              accessToken: form.values.accessToken,
              ...(form.values.baseUrl ? { baseUrl: form.values.baseUrl } : {}),
              ...(form.values.apiVersion ? { apiVersion: form.values.apiVersion } : {}),
            },
            { onSuccess: () => notify('CRM sync saved') },
          );
        }}
      >
        {settings.data.configured ? (
          <p>
            {settings.data.enabled ? 'Writing back to' : 'Paused: nothing is written back to'} <strong>{settings.data.provider === 'hubspot' ? 'HubSpot' : 'Salesforce'}</strong>
            {settings.data.pending > 0 ? ` · ${settings.data.pending} project${settings.data.pending === 1 ? '' : 's'} waiting` : ''}. Save to change the token{settings.data.enabled ? '' : ' and resume'}.
          </p>
        ) : (
          <p className="muted">Not set up yet. Deals arrive through the CRM intake; connect the same CRM here to tell it how each onboarding is going.</p>
        )}
        <SelectField label="CRM" options={PROVIDERS} {...form.bind('provider')} error={problem.fieldError('provider')} />
        <TextField
          label={salesforce ? 'OAuth access token' : 'Private app token'}
          type="password"
          autoComplete="off"
          required
          {...form.bind('accessToken')}
          error={problem.fieldError('accessToken')}
          hint={salesforce ? 'From a connected app with the api scope' : 'HubSpot → Settings → Integrations → Private apps (scopes crm.objects.deals.write and crm.objects.companies.write)'}
        />
        <TextField
          label={salesforce ? 'Instance URL' : 'API address'}
          optional={!salesforce}
          placeholder={salesforce ? 'https://yourorg.my.salesforce.com' : 'https://api.hubapi.com'}
          {...form.bind('baseUrl')}
          error={problem.fieldError('baseUrl')}
        />
        {salesforce && <TextField label="API version" optional placeholder="v60.0" {...form.bind('apiVersion')} error={problem.fieldError('apiVersion')} />}
        <p className="muted small">
          {salesforce
            ? 'Add the custom fields Landfall_Onboarding_Stage__c, Landfall_Projected_Go_Live__c, Landfall_Health__c, Landfall_Status__c and Landfall_Value_Achieved__c to Opportunity, and Landfall_Account_Health__c, Landfall_Health_Score__c, Landfall_Value_Achieved__c and Landfall_Next_Renewal__c to Account.'
            : 'Add the deal properties landfall_onboarding_stage, landfall_projected_go_live, landfall_health, landfall_status and landfall_value_achieved, and the company properties landfall_account_health, landfall_account_health_score, landfall_value_achieved and landfall_next_renewal.'}
        </p>
        <FormMessage message={problem.message} />
        <div>
          <Button type="submit" variant="primary" busy={save.isPending}>
            Save
          </Button>
        </div>
      </form>
      <Section title="Sync log" count={log.data?.length}>
        <div className="card card-pad">
          {log.data && log.data.length > 0 ? (
            <ul className="integration-log">
              {log.data.map((entry) => (
                <li key={entry.id}>
                  <Badge tone={OUTCOME_TONE[entry.outcome]}>{entry.outcome}</Badge>{' '}
                  <Link to={`/projects/${entry.projectId}`}>{entry.projectName ?? 'A project'}</Link> → {entry.object} {entry.objectId}
                  <div className="muted small">
                    {formatRelative(entry.at)} · {entry.reasons.join(', ')}
                    {entry.error ? ` · ${entry.error}` : ''}
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="Nothing written back yet">When a project from a won deal moves (a task done, a milestone, a new go-live date), its write-back shows here.</EmptyState>
          )}
        </div>
      </Section>
    </div>
  );
}

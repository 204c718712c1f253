import { MEMBER_ROLES, MEMBER_ROLE_LABELS, type MemberRole } from '../../../core/people.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useIsAdmin } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { orNull, useFormValues } from '../../app/useFormValues.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { CopyField } from '../../components/ui/CopyField.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, SelectField, TextAreaField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useSaveSsoSettings, useSsoSettings, useTestSso, type SsoSettings } from './sso.api.ts';
import './settings.css';

const FIELDS = [
  'displayName',
  'slug',
  'oidcIssuer',
  'oidcClientId',
  'oidcClientSecret',
  'samlIdpEntityId',
  'samlIdpSsoUrl',
  'samlIdpCertificate',
  'allowedDomains',
  'defaultRole',
  'groupsClaim',
  'roleMappings',
  'passwordSignIn',
] as const;
const ROLE_OPTIONS = MEMBER_ROLES.map((role) => ({ value: role, label: MEMBER_ROLE_LABELS[role] }));

/** Settings → Single sign-on: connect the workspace's identity provider (OIDC or SAML 2.0). */
export function SsoSettingsPage() {
  useDocumentTitle('Single sign-on');
  const isAdmin = useIsAdmin();
  const settings = useSsoSettings();
  return (
    <div className="page page-narrow">
      <PageHeader
        title="Single sign-on"
        description="Let your team sign in with your identity provider (Okta, Microsoft Entra, Google…). New people from your email domains join on first sign-in, with the role their groups give them."
      />
      {!isAdmin ? (
        <div className="card">
          <EmptyState title="Only admins can change single sign-on">Ask an admin of your workspace.</EmptyState>
        </div>
      ) : settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SsoForm settings={settings.data} />
      )}
    </div>
  );
}

function SsoForm({ settings }: { settings: SsoSettings }) {
  const save = useSaveSsoSettings();
  const test = useTestSso();
  const notify = useToast();
  const form = useFormValues({
    protocol: settings.protocol as string,
    enabled: settings.enabled,
    displayName: settings.configured ? settings.displayName : '',
    slug: settings.slug ?? '',
    oidcIssuer: settings.oidcIssuer ?? '',
    oidcClientId: settings.oidcClientId ?? '',
    oidcClientSecret: '',
    samlIdpEntityId: settings.samlIdpEntityId ?? '',
    samlIdpSsoUrl: settings.samlIdpSsoUrl ?? '',
    samlIdpCertificate: settings.samlIdpCertificate ?? '',
    allowedDomains: settings.allowedDomains.join(', '),
    jitProvisioning: settings.jitProvisioning,
    defaultRole: settings.defaultRole as string,
    groupsClaim: settings.groupsClaim,
    roleMappings: settings.roleMappings,
    passwordSignIn: settings.passwordSignIn,
  });
  const { values, set } = form;
  const problem = formProblem(save.error, FIELDS);
  const oidc = values.protocol === 'oidc';
  const mappings = values.roleMappings;
  const setMapping = (index: number, change: Partial<{ group: string; role: MemberRole }>) =>
    set('roleMappings', mappings.map((rule, at) => (at === index ? { ...rule, ...change } : rule)));

  return (
    <form
      className="sso-form"
      noValidate
      aria-label="Single sign-on"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          {
            protocol: values.protocol as SsoSettings['protocol'],
            enabled: values.enabled,
            displayName: values.displayName,
            slug: orNull(values.slug),
            oidcIssuer: oidc ? orNull(values.oidcIssuer) : null,
            oidcClientId: oidc ? orNull(values.oidcClientId) : null,
            ...(oidc && values.oidcClientSecret.trim() ? { oidcClientSecret: values.oidcClientSecret.trim() } : {}),
            samlIdpEntityId: oidc ? null : orNull(values.samlIdpEntityId),
            samlIdpSsoUrl: oidc ? null : orNull(values.samlIdpSsoUrl),
            samlIdpCertificate: oidc ? null : orNull(values.samlIdpCertificate),
            allowedDomains: values.allowedDomains.split(/[\s,;]+/).filter(Boolean),
            jitProvisioning: values.jitProvisioning,
            defaultRole: values.defaultRole as MemberRole,
            groupsClaim: values.groupsClaim,
            roleMappings: mappings.filter((rule) => rule.group.trim()),
            passwordSignIn: values.passwordSignIn,
          },
          { onSuccess: () => notify('Single sign-on saved') },
        );
      }}
    >
      <section className="card form-card">
        <h2 className="card-title">
          Identity provider{' '}
          {settings.configured && <Badge tone={settings.enabled ? 'green' : 'neutral'}>{settings.enabled ? 'On' : 'Off'}</Badge>}
        </h2>
        <div className="stack">
          <SelectField
            label="Protocol"
            options={[
              { value: 'oidc', label: 'OpenID Connect (OIDC)' },
              { value: 'saml', label: 'SAML 2.0' },
            ]}
            {...form.bind('protocol')}
          />
          <TextField label="Provider name" hint="The sign-in button says “Sign in with …”." placeholder="Okta" {...form.bind('displayName')} error={problem.fieldError('displayName')} />
          {oidc ? (
            <>
              <CopyField label="Redirect URI (give it to your provider)" value={settings.serviceProvider.oidcRedirectUri} />
              <TextField label="Issuer URL" placeholder="https://acme.okta.com" {...form.bind('oidcIssuer')} error={problem.fieldError('oidcIssuer')} />
              <TextField label="Client ID" {...form.bind('oidcClientId')} error={problem.fieldError('oidcClientId')} />
              <TextField
                label="Client secret"
                type="password"
                autoComplete="off"
                hint={settings.hasClientSecret ? 'Stored sealed. Leave empty to keep it.' : 'Stored sealed; never shown again.'}
                {...form.bind('oidcClientSecret')}
                error={problem.fieldError('oidcClientSecret')}
              />
            </>
          ) : (
            <>
              <CopyField label="Service provider entity ID (metadata URL)" value={settings.serviceProvider.samlEntityId} />
              <CopyField label="Assertion consumer service (ACS) URL" value={settings.serviceProvider.samlAcsUrl} />
              <TextField label="Identity provider entity ID (issuer)" optional {...form.bind('samlIdpEntityId')} error={problem.fieldError('samlIdpEntityId')} />
              <TextField label="Identity provider sign-in URL" placeholder="https://acme.okta.com/app/…/sso/saml" {...form.bind('samlIdpSsoUrl')} error={problem.fieldError('samlIdpSsoUrl')} />
              <TextAreaField
                label="Identity provider signing certificate"
                hint="PEM, from your provider's SAML setup. Assertions must be signed with it."
                rows={5}
                {...form.bind('samlIdpCertificate')}
                error={problem.fieldError('samlIdpCertificate')}
              />
            </>
          )}
        </div>
      </section>

      <section className="card form-card">
        <h2 className="card-title">Who may sign in</h2>
        <div className="stack">
          <TextField
            label="Email domains"
            hint="Separated by commas. People of these domains see “Sign in with …” and may join."
            placeholder="acme.com"
            {...form.bind('allowedDomains')}
            error={problem.fieldError('allowedDomains')}
          />
          <TextField label="Workspace sign-in name" optional hint="Then /sign-in?workspace=<name> offers your provider." placeholder="acme" {...form.bind('slug')} error={problem.fieldError('slug')} />
          <label className="checkbox">
            <input type="checkbox" checked={values.jitProvisioning} onChange={(event) => set('jitProvisioning', event.target.checked)} /> Add new people on their first sign-in
          </label>
          <SelectField label="Role when no group matches" options={ROLE_OPTIONS} {...form.bind('defaultRole')} error={problem.fieldError('defaultRole')} />
        </div>
      </section>

      <section className="card form-card">
        <h2 className="card-title">Groups → roles</h2>
        <div className="stack">
          <TextField
            label={oidc ? 'Groups claim' : 'Groups attribute'}
            hint="Where your provider lists a person's groups."
            {...form.bind('groupsClaim')}
            error={problem.fieldError('groupsClaim')}
          />
          {mappings.length === 0 ? (
            <p className="muted">No mappings yet: everyone gets the role above. Add one to make, say, your “Landfall Admins” group admins.</p>
          ) : (
            <ol className="sso-mappings">
              {mappings.map((rule, index) => (
                <li key={index} className="sso-mapping">
                  <TextField label="Group" value={rule.group} onChange={(event) => setMapping(index, { group: event.target.value })} />
                  <SelectField label="Role" options={ROLE_OPTIONS} value={rule.role} onChange={(event) => setMapping(index, { role: event.target.value as MemberRole })} />
                  <Button size="sm" variant="ghost" onClick={() => set('roleMappings', mappings.filter((_, at) => at !== index))}>
                    Remove
                  </Button>
                </li>
              ))}
            </ol>
          )}
          <p className="muted">The first group that matches decides; the last admin always stays admin.</p>
          <div>
            <Button size="sm" onClick={() => set('roleMappings', [...mappings, { group: '', role: 'csm' }])}>
              Add mapping
            </Button>
          </div>
          <FormMessage message={problem.fieldError('roleMappings')} />
        </div>
      </section>

      <section className="card form-card">
        <h2 className="card-title">Turn it on</h2>
        <div className="stack">
          <label className="checkbox">
            <input type="checkbox" checked={values.enabled} onChange={(event) => set('enabled', event.target.checked)} /> Single sign-on is on
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={!values.passwordSignIn} onChange={(event) => set('passwordSignIn', !event.target.checked)} /> Only the provider: turn password sign-in off
          </label>
          <p className="muted">Admins can always sign in with their password, so a provider outage never locks your workspace out.</p>
          {problem.fieldError('passwordSignIn') && <p className="field-error">{problem.fieldError('passwordSignIn')}</p>}
        </div>
        <FormMessage message={problem.message} />
        {test.data && (
          <p role="status" className={test.data.ok ? 'sso-test-ok' : 'field-error'}>
            {test.data.message}
          </p>
        )}
        <div className="form-actions">
          {settings.configured && (
            <Button busy={test.isPending} onClick={() => test.mutate()}>
              Test connection
            </Button>
          )}
          <Button type="submit" variant="primary" busy={save.isPending}>
            Save
          </Button>
        </div>
      </section>
    </form>
  );
}

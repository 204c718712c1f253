import { useRef, useState } from 'react';
import { formProblem } from '../../app/formProblem.ts';
import { useIsAdmin, useSession } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Button } from '../../components/ui/Button.tsx';
import { Field, FormMessage, TextAreaField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { logoUrl, usePortalSettings, useRemoveLogo, useSavePortalSettings, useUploadLogo, type PortalSettings } from './portal.api.ts';
import { HEX_COLOR, textOn } from '../../../core/charts/contrast.ts';
import './portal.css';

const HEX = HEX_COLOR;

export function PortalSettingsPage() {
  useDocumentTitle('Portal settings');
  const settings = usePortalSettings();
  return (
    <div className="page page-narrow">
      <PageHeader
        title="Customer portal and branding"
        description="Your logo and colour (in the portal, on executive summaries and their PDFs), and what customers may do in the portal."
      />
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <PortalSettingsForm settings={settings.data} />
      )}
    </div>
  );
}

function PortalSettingsForm({ settings }: { settings: PortalSettings }) {
  const isAdmin = useIsAdmin();
  const { workspace } = useSession();
  const notify = useToast();
  const save = useSavePortalSettings();
  const [brandColor, setBrandColor] = useState(settings.brandColor);
  const [welcomeMessage, setWelcomeMessage] = useState(settings.welcomeMessage ?? '');
  const [allowColleagueInvites, setAllow] = useState(settings.allowColleagueInvites);
  const [logoVersion, setLogoVersion] = useState(() => Date.now());
  const problem = formProblem(save.error, ['brandColor', 'welcomeMessage', 'allowColleagueInvites']);
  const changed =
    brandColor !== settings.brandColor || welcomeMessage !== (settings.welcomeMessage ?? '') || allowColleagueInvites !== settings.allowColleagueInvites;
  const previewColor = HEX.test(brandColor) ? brandColor : settings.brandColor;

  return (
    <>
      <PortalHeaderPreview
        color={previewColor}
        workspaceName={workspace.name}
        logo={settings.hasLogo ? logoUrl(workspace.id, logoVersion) : null}
        welcome={welcomeMessage.trim() || null}
      />
      <form
        className="card form-card"
        noValidate
        aria-label="Portal settings"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(
            { brandColor: brandColor.trim(), welcomeMessage: welcomeMessage.trim() || null, allowColleagueInvites },
            { onSuccess: () => notify('Portal settings saved') },
          );
        }}
      >
        <fieldset className="stack" disabled={!isAdmin}>
          <Field label="Brand colour" error={problem.fieldError('brandColor')} hint={contrastHint(previewColor)}>
            {(control) => (
              <div className="portal-color">
                <input
                  type="color"
                  className="portal-color-swatch"
                  aria-label="Pick the brand colour"
                  value={previewColor.toLowerCase()}
                  onChange={(event) => setBrandColor(event.target.value)}
                />
                <input className="input input-mono" {...control} value={brandColor} maxLength={7} onChange={(event) => setBrandColor(event.target.value)} />
              </div>
            )}
          </Field>
          <TextAreaField
            label="Welcome message"
            optional
            rows={3}
            maxLength={2000}
            hint="Shown at the top of every customer’s portal."
            value={welcomeMessage}
            onChange={(event) => setWelcomeMessage(event.target.value)}
            error={problem.fieldError('welcomeMessage')}
          />
          <label className="checkbox">
            <input type="checkbox" checked={allowColleagueInvites} onChange={(event) => setAllow(event.target.checked)} /> Customers may invite colleagues from
            their own domain
          </label>
        </fieldset>
        <FormMessage message={problem.message} />
        {isAdmin ? (
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={save.isPending} disabled={!changed}>
              Save changes
            </Button>
          </div>
        ) : (
          <p className="muted form-note">Only admins can change the portal settings.</p>
        )}
      </form>
      <LogoCard settings={settings} isAdmin={isAdmin} onChanged={() => setLogoVersion(Date.now())} />
    </>
  );
}

/** What the colour is used for, and whether text on it reads well (WCAG AA: 4.5:1). */
function contrastHint(color: string): string {
  const text = textOn(color);
  const on = `${text.color === '#ffffff' ? 'White' : 'Dark'} text on it has a contrast of ${text.ratio.toFixed(1)}:1`;
  return `The portal's buttons and header, and executive summaries, use it. ${on}${text.meetsAA ? '.' : ': below the 4.5:1 that reads well, so pick a darker or lighter shade.'}`;
}

function LogoCard({ settings, isAdmin, onChanged }: { settings: PortalSettings; isAdmin: boolean; onChanged: () => void }) {
  const upload = useUploadLogo();
  const remove = useRemoveLogo();
  const notify = useToast();
  const input = useRef<HTMLInputElement>(null);
  const error = upload.error ?? remove.error;
  return (
    <section className="card form-card" aria-labelledby="portal-logo">
      <h2 className="card-title" id="portal-logo">
        Logo
      </h2>
      <p className="muted">
        {settings.hasLogo
          ? 'Shown in the portal header, as in the preview above, and on executive summaries and their PDFs.'
          : 'No logo yet: the portal header and executive summaries show your workspace name.'}{' '}
        PNG or JPEG, up to 512 kB.
      </p>
      {isAdmin && (
        <div className="form-actions">
          <input
            ref={input}
            type="file"
            accept="image/png,image/jpeg"
            className="sr-only"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (!file) return;
              if (file.size > 512 * 1024) {
                notify('That image is larger than 512 kB: pick a smaller one.', 'error');
                return;
              }
              remove.reset();
              upload.mutate(file, {
                onSuccess: () => {
                  onChanged();
                  notify('Logo uploaded');
                },
              });
            }}
          />
          {settings.hasLogo && (
            <Button
              variant="ghost"
              className="btn-danger-text"
              busy={remove.isPending}
              onClick={() => {
                upload.reset();
                remove.mutate(undefined, { onSuccess: () => notify('Logo removed') });
              }}
            >
              Remove logo
            </Button>
          )}
          <Button busy={upload.isPending} onClick={() => input.current?.click()}>
            {settings.hasLogo ? 'Replace logo' : 'Upload a logo'}
          </Button>
        </div>
      )}
      <FormMessage message={error ? errorText(error) : undefined} />
    </section>
  );
}

/** The top of the customer's portal, as it will look with these settings. */
function PortalHeaderPreview({ color, workspaceName, logo, welcome }: { color: string; workspaceName: string; logo: string | null; welcome: string | null }) {
  return (
    <figure className="portal-preview">
      <figcaption className="muted small">Preview of the portal header</figcaption>
      <div className="portal-preview-frame">
        <div className="portal-preview-header" style={{ background: color }}>
          {logo ? <img src={logo} alt={`${workspaceName} logo`} className="portal-preview-logo" /> : <strong>{workspaceName}</strong>}
          <span className="portal-preview-project">Onboarding plan</span>
        </div>
        <div className="portal-preview-body">
          {welcome && <p>{welcome}</p>}
          <span className="portal-preview-button" style={{ background: color }}>
            Mark as done
          </span>
        </div>
      </div>
    </figure>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type CSSProperties, type FormEvent, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { formProblem } from '../app/formProblem.ts';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { Button } from '../components/ui/Button.tsx';
import { TextField } from '../components/ui/Field.tsx';
import { ErrorState, LoadingState } from '../components/ui/State.tsx';
import { useQuery } from '@tanstack/react-query';
import {
  fetchInvitation,
  fetchSignInLink,
  portalKeys,
  sendEmailLink,
  sendInvitationLink,
  signInWithCode,
  signOutOfPortal,
  usePortalMe,
  type Branding,
} from './portal.api.ts';
import { PortalProjectPage } from './PortalProjectPage.tsx';
import { PortalCertificatePage, PortalLearningPage } from './PortalLearningPage.tsx';
import { PortalTeamPage } from './PortalTeamPage.tsx';

// The course player, and scorm-again behind it, load only when a course is opened.
const PortalCoursePage = lazy(() => import('./PortalCoursePage.tsx').then((m) => ({ default: m.PortalCoursePage })));

/** The customer portal: its own pages, its own session, the vendor's branding. */
export function PortalApp() {
  return (
    <Routes>
      <Route path="invite/:token" element={<InvitePage />} />
      <Route path="sign-in/:token" element={<SignInLinkPage />} />
      <Route path="sign-in" element={<SignedInOr />} />
      <Route path="projects/:id" element={<SignedInOr />} />
      <Route path="learning/*" element={<SignedInOr />} />
      <Route path="team" element={<SignedInOr />} />
      <Route path="*" element={<SignedInOr />} />
    </Routes>
  );
}

const brandStyle = (branding: Branding | undefined): CSSProperties | undefined =>
  branding
    ? ({ '--brand': branding.brandColor, '--brand-hover': branding.brandColor, '--text-inverse': branding.brandTextColor } as CSSProperties)
    : undefined;

/** The portal's frame: the vendor's logo, name and colour on top; works from a phone up. */
export function PortalShell({ branding, children, who }: { branding?: Branding | undefined; children: ReactNode; who?: ReactNode }) {
  return (
    <div className="portal" style={brandStyle(branding)}>
      <header className="portal-header">
        <div className="portal-brand">
          {branding?.logoUrl ? <img src={branding.logoUrl} alt="" className="portal-logo" /> : <span className="portal-logo-mark" aria-hidden="true">{branding?.workspaceName.slice(0, 1) ?? 'L'}</span>}
          <span className="portal-brand-name">{branding?.workspaceName ?? 'Onboarding portal'}</span>
        </div>
        {who}
      </header>
      <main className="portal-main">{children}</main>
      <footer className="portal-footer">Onboarding portal · powered by Landfall</footer>
    </div>
  );
}

function SignedInOr() {
  const me = usePortalMe();
  const { id } = useParams();
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  if (me.isPending) return <PortalShell><LoadingState label="Opening your portal…" /></PortalShell>;
  if (me.isError) return <PortalShell><ErrorState title="The portal is not reachable" error={me.error} onRetry={() => void me.refetch()} /></PortalShell>;
  if (!me.data) return <SignInPage />;
  const signOut = async () => {
    await signOutOfPortal();
    queryClient.setQueryData(portalKeys.me, null);
    void navigate('/portal/sign-in');
  };
  const who = (
    <div className="portal-who">
      <nav className="portal-nav" aria-label="Portal">
        {me.data.projects.length > 0 && <Link to={me.data.projects.length === 1 ? `/portal/projects/${me.data.projects[0]!.id}` : '/portal'}>Your project{me.data.projects.length === 1 ? '' : 's'}</Link>}
        <Link to="/portal/learning">Your learning</Link>
        <Link to="/portal/team">Your team</Link>
      </nav>
      <span className="portal-who-name">{me.data.contact.name}</span>
      <Button size="sm" variant="ghost" onClick={() => void signOut()}>
        {me.data.preview ? 'Close preview' : 'Sign out'}
      </Button>
    </div>
  );
  if (pathname.startsWith('/portal/team')) return <PortalShell branding={me.data.branding} who={who}><PortalTeamPage me={me.data.contact} preview={me.data.preview} /></PortalShell>;
  if (pathname.startsWith('/portal/learning')) {
    return (
      <PortalShell branding={me.data.branding} who={who}>
        <Suspense fallback={<LoadingState label="Opening the course…" />}>
          <Routes>
            <Route path="courses/:courseId" element={<PortalCoursePage />} />
            <Route path="certificates/:certificateId" element={<PortalCertificatePage />} />
            <Route path="*" element={<PortalLearningPage />} />
          </Routes>
        </Suspense>
      </PortalShell>
    );
  }
  if (!id) {
    if (me.data.projects.length === 0) return <Navigate to="/portal/learning" replace />;
    if (me.data.projects.length === 1) return <Navigate to={`/portal/projects/${me.data.projects[0]!.id}`} replace />;
    return (
      <PortalShell branding={me.data.branding} who={who}>
        <section className="portal-card">
          <h1 className="portal-title">Your projects</h1>
          {me.data.projects.length === 0 ? (
            <p className="portal-muted">You have no project open in this portal any more. If that is a surprise, reply to the last email you received from {me.data.branding.workspaceName}.</p>
          ) : (
            <ul className="portal-list">
              {me.data.projects.map((p) => (
                <li key={p.id}>
                  <a href={`/portal/projects/${p.id}`}>{p.name}</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      </PortalShell>
    );
  }
  return (
    <PortalShell branding={me.data.branding} who={who}>
      {me.data.preview && (
        <div className="portal-preview-banner" role="status">
          Preview: you are seeing the portal as {me.data.contact.name} sees it. Nothing can be changed here.
        </div>
      )}
      <PortalProjectPage projectId={id} me={me.data} />
    </PortalShell>
  );
}

/** An invitation or sign-in link that no longer works: why, and the form that emails a fresh link. */
function CannotBeUsed({ what, error }: { what: string; error: unknown }) {
  return (
    <PortalShell>
      <section className="portal-card portal-narrow">
        <h1 className="portal-title">This {what} cannot be used</h1>
        <p className="portal-muted">{formProblem(error, []).message}</p>
        <EmailLinkForm />
      </section>
    </PortalShell>
  );
}

/** The page behind an invitation: it never signs in by itself, it sends a fresh one-time link (and code). */
function InvitePage() {
  const { token = '' } = useParams();
  useDocumentTitle('Your invitation');
  const invitation = useQuery({ queryKey: ['portal', 'invitation', token], queryFn: () => fetchInvitation(token), retry: false });
  const [sentTo, setSentTo] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setSentTo((await sendInvitationLink(token)).sentTo);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (invitation.isPending) return <PortalShell><LoadingState label="Opening your invitation…" /></PortalShell>;
  if (invitation.isError) {
    return <CannotBeUsed what="invitation" error={invitation.error} />;
  }
  const info = invitation.data;
  return (
    <PortalShell branding={info.branding}>
      <section className="portal-card portal-narrow">
        <p className="portal-eyebrow">{info.workspaceName}</p>
        <h1 className="portal-title">Welcome, {info.contactName.split(' ')[0]}</h1>
        <p>
          {info.invitedBy} invited you to the onboarding portal of <strong>{info.projectName}</strong>: the plan and its dates, your tasks,
          files and sign-offs in one place. There is no password: we email you a one-time sign-in link.
        </p>
        {!sentTo ? (
          <>
            <Button variant="primary" busy={busy} onClick={() => void send()} className="portal-wide-button">
              Email me a sign-in link
            </Button>
            <p className="portal-muted">It goes to {info.email}.</p>
          </>
        ) : (
          <CodeForm sentTo={sentTo} inviteToken={token} />
        )}
        {error !== undefined && <p className="form-error" role="alert">{formProblem(error, []).message}</p>}
      </section>
    </PortalShell>
  );
}

/** After a link was sent: open it, or type its 6-digit code here (handy when the email is on another device). */
function CodeForm({ sentTo, inviteToken, email }: { sentTo: string; inviteToken?: string; email?: string }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { redirectTo } = await signInWithCode({ code: code.trim(), ...(inviteToken ? { inviteToken } : {}), ...(email ? { email } : {}) });
      await queryClient.invalidateQueries({ queryKey: portalKeys.me });
      void navigate(redirectTo, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const problem = formProblem(error, ['code']);
  return (
    <form onSubmit={(e) => void submit(e)} className="portal-form" noValidate>
      <p role="status">
        We sent a sign-in link to <strong>{sentTo}</strong>. Open it on this device, or type the 6-digit code from the email.
      </p>
      <TextField
        label="6-digit code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="\d{6}"
        maxLength={6}
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        error={problem.fieldError('code')}
        autoFocus
      />
      {problem.message && !problem.fieldError('code') && <p className="form-error" role="alert">{problem.message}</p>}
      <Button type="submit" variant="primary" busy={busy} disabled={code.length !== 6} className="portal-wide-button">
        Sign in
      </Button>
    </form>
  );
}

/** "Email me a sign-in link": answers the same whether or not the address has access. */
function EmailLinkForm() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await sendEmailLink(email.trim());
      setSent(email.trim());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (sent) return <CodeForm sentTo={sent} email={sent} />;
  const problem = formProblem(error, ['email']);
  return (
    <form onSubmit={(e) => void submit(e)} className="portal-form" noValidate>
      <TextField label="Your work email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={problem.fieldError('email')} required />
      {problem.message && <p className="form-error" role="alert">{problem.message}</p>}
      <Button type="submit" variant="primary" busy={busy} className="portal-wide-button">
        Email me a sign-in link
      </Button>
    </form>
  );
}

function SignInPage() {
  const [params] = useSearchParams();
  useDocumentTitle('Sign in to your portal');
  const problem = params.get('problem');
  return (
    <PortalShell>
      <section className="portal-card portal-narrow">
        <h1 className="portal-title">Sign in to your onboarding portal</h1>
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <p className="portal-muted">Enter the address your invitation went to. We email you a link that signs you in once, within 15 minutes.</p>
        <EmailLinkForm />
      </section>
    </PortalShell>
  );
}

/**
 * The page a sign-in link opens. Opening it (a GET: mail scanners do that) spends nothing; the button
 * posts a plain form, the server spends the link and redirects to the portal without the token.
 */
function SignInLinkPage() {
  const { token = '' } = useParams();
  useDocumentTitle('Sign in');
  const link = useQuery({ queryKey: ['portal', 'sign-in-link', token], queryFn: () => fetchSignInLink(token), retry: false });
  if (link.isPending) return <PortalShell><LoadingState label="Opening your sign-in link…" /></PortalShell>;
  if (link.isError) {
    return <CannotBeUsed what="sign-in link" error={link.error} />;
  }
  return (
    <PortalShell branding={link.data.branding}>
      <section className="portal-card portal-narrow">
        <h1 className="portal-title">Sign in to your onboarding portal</h1>
        <p className="portal-muted">This link works once. Press the button to continue.</p>
        <form method="post" action="/api/portal/v1/sign-in">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="btn btn-primary portal-wide-button" autoFocus>
            Continue to my portal
          </button>
        </form>
      </section>
    </PortalShell>
  );
}

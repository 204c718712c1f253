import { QueryClientProvider, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useParams } from 'react-router';
import { Layout } from './Layout.tsx';
import { isApiError, setUnauthenticatedHandler } from './api.ts';
import { createQueryClient } from './queryClient.ts';
import { forgetSession, SessionProvider } from './session.tsx';
import { fetchSession, fetchSetupStatus, sessionKey } from '../features/auth/auth.api.ts';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { prefetchProject, projectKeys } from '../features/projects/project.query.ts';
import { ButtonLink } from '../components/ui/Button.tsx';
import { EmptyState } from '../components/ui/EmptyState.tsx';
import { ErrorState, LoadingState } from '../components/ui/State.tsx';
import { ToastProvider } from '../components/ui/Toast.tsx';

// Every page loads when first opened: the first visit downloads the shell (navigation, session, search launcher)
// and the page it asked for, not the whole app. The project page's code can be asked for before the router runs
// (see preloadRoute), so it comes while the session is being checked.
const ProjectPage = preloadablePage(() => import('../features/projects/ProjectPage.tsx').then((m) => m.ProjectPage));
const ProjectsPage = lazy(() => import('../features/projects/ProjectsPage.tsx').then((m) => ({ default: m.ProjectsPage })));
const HandoffPage = lazy(() => import('../features/handoffs/HandoffPage.tsx').then((m) => ({ default: m.HandoffPage })));
const ExecutiveSummaryPage = lazy(() =>
  import('../features/success-plans/ExecutiveSummaryPage.tsx').then((m) => ({ default: m.ExecutiveSummaryPage })),
);
const InvitePage = lazy(() => import('../features/auth/InvitePage.tsx').then((m) => ({ default: m.InvitePage })));
const SetupPage = lazy(() => import('../features/setup/SetupPage.tsx').then((m) => ({ default: m.SetupPage })));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage.tsx').then((m) => ({ default: m.AccountsPage })));
const AccountPage = lazy(() => import('../features/accounts/AccountPage.tsx').then((m) => ({ default: m.AccountPage })));
const AccountFormPage = lazy(() => import('../features/accounts/AccountFormPage.tsx').then((m) => ({ default: m.AccountFormPage })));
const ImportPage = lazy(() => import('../features/imports/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const ContactPage = lazy(() => import('../features/contacts/ContactPage.tsx'));
const MyWorkPage = lazy(() => import('../features/my-work/MyWorkPage.tsx'));
const MailPage = lazy(() => import('../features/mail/MailPage.tsx').then((m) => ({ default: m.MailPage })));
const CadencesPage = lazy(() => import('../features/cadences/CadencesPage.tsx').then((m) => ({ default: m.CadencesPage })));
const JourneysPage = lazy(() => import('../features/journeys/JourneysPage.tsx').then((m) => ({ default: m.JourneysPage })));
const JourneyMapPage = lazy(() => import('../features/health/JourneyMapPage.tsx').then((m) => ({ default: m.JourneyMapPage })));
const PlaybooksPage = lazy(() => import('../features/playbooks/PlaybooksPage.tsx').then((m) => ({ default: m.PlaybooksPage })));
const PlaybookEditorPage = lazy(() => import('../features/playbooks/PlaybookEditorPage.tsx').then((m) => ({ default: m.PlaybookEditorPage })));
const AcademyApp = lazy(() => import('../features/academy/AcademyApp.tsx').then((m) => ({ default: m.AcademyApp })));
const InsightApp = lazy(() => import('../features/insight/InsightApp.tsx').then((m) => ({ default: m.InsightApp })));
const WorkspaceSettingsPage = lazy(() => import('../features/settings/WorkspaceSettingsPage.tsx').then((m) => ({ default: m.WorkspaceSettingsPage })));
const MembersPage = lazy(() => import('../features/members/MembersPage.tsx').then((m) => ({ default: m.MembersPage })));
const ApiTokensPage = lazy(() => import('../features/settings/ApiTokensPage.tsx').then((m) => ({ default: m.ApiTokensPage })));
const WebhooksPage = lazy(() => import('../features/webhooks/WebhooksPage.tsx').then((m) => ({ default: m.WebhooksPage })));
const AuditLogPage = lazy(() => import('../features/audit/AuditLogPage.tsx').then((m) => ({ default: m.AuditLogPage })));
const SsoSettingsPage = lazy(() => import('../features/settings/SsoSettingsPage.tsx').then((m) => ({ default: m.SsoSettingsPage })));
const ProvisioningPage = lazy(() => import('../features/settings/ProvisioningPage.tsx').then((m) => ({ default: m.ProvisioningPage })));
const IntakePage = lazy(() => import('../features/intake/IntakePage.tsx').then((m) => ({ default: m.IntakePage })));
const SlackSettingsPage = lazy(() => import('../features/integrations/SlackSettingsPage.tsx').then((m) => ({ default: m.SlackSettingsPage })));
const CrmSyncPage = lazy(() => import('../features/integrations/CrmSyncPage.tsx').then((m) => ({ default: m.CrmSyncPage })));
const MyCalendarPage = lazy(() => import('../features/integrations/MyCalendarPage.tsx').then((m) => ({ default: m.MyCalendarPage })));
const EscalationSettingsPage = lazy(() =>
  import('../features/escalation/EscalationSettingsPage.tsx').then((m) => ({ default: m.EscalationSettingsPage })),
);
const AssignmentSettingsPage = lazy(() =>
  import('../features/assignment/AssignmentSettingsPage.tsx').then((m) => ({ default: m.AssignmentSettingsPage })),
);
const ReadinessSettingsPage = lazy(() => import('../features/readiness/ReadinessSettingsPage.tsx').then((m) => ({ default: m.ReadinessSettingsPage })));
const QuestionnaireEditorPage = lazy(() =>
  import('../features/readiness/QuestionnaireEditorPage.tsx').then((m) => ({ default: m.QuestionnaireEditorPage })),
);
const PortalSettingsPage = lazy(() => import('../features/portal/PortalSettingsPage.tsx').then((m) => ({ default: m.PortalSettingsPage })));
const ProductsSettingsPage = lazy(() => import('../features/products/ProductsSettingsPage.tsx').then((m) => ({ default: m.ProductsSettingsPage })));
const MaturitySettingsPage = lazy(() => import('../features/products/MaturitySettingsPage.tsx').then((m) => ({ default: m.MaturitySettingsPage })));
const HealthModelPage = lazy(() => import('../features/health/HealthModelPage.tsx').then((m) => ({ default: m.HealthModelPage })));

/**
 * A page whose code is asked for before the router runs (`preload`, from preloadRoute). It shows its own loading
 * state until the code is in, rather than suspending as React.lazy does: React keeps a Suspense fallback on screen
 * for at least 300 ms once it has shown it (its throttling of retries), however soon the code comes after.
 */
function preloadablePage(load: () => Promise<ComponentType>) {
  let loaded: ComponentType | undefined;
  const preload = () => load().then((component) => (loaded = component));
  function Page() {
    const [code, setCode] = useState<{ component?: ComponentType; error?: unknown }>(() => ({ component: loaded }));
    useEffect(() => {
      if (code.component || code.error) return;
      let current = true;
      preload().then(
        (component) => current && setCode({ component }),
        (error: unknown) => current && setCode({ error }),
      );
      return () => {
        current = false;
      };
    }, [code]);
    if (code.component) return <code.component />;
    if (code.error) return <ErrorState title="Could not load this page" error={code.error} onRetry={() => setCode({})} />;
    return <LoadingState />;
  }
  return Object.assign(Page, { preload });
}

export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>
        <BrowserRouter>
          {/* The customer portal is an entry of its own (portal.html), which the server serves for /portal/*. */}
          <Suspense fallback={<FullPageLoading />}>
            <Gate />
          </Suspense>
        </BrowserRouter>
      </ToastProvider>
    </QueryClientProvider>
  );
}

/**
 * Starts what the address's page needs as soon as the app's script runs, alongside the session check rather than
 * after it: the session itself, and for a project its page's code and its data (HTML → script → session, project
 * and page code at once; the server lists the page's chunks in the HTML as modulepreload links, see web-preload.ts).
 * Signed out, the early data request is a 401 that is forgotten; the page asks again once signed in.
 */
export function preloadRoute(pathname: string, queryClient: QueryClient): void {
  void queryClient.prefetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
  const project = /^\/projects\/([0-9a-f-]{36})\/?$/i.exec(pathname);
  if (!project) return;
  void ProjectPage.preload().catch(() => undefined); // a failed load is retried (and reported) by the route itself
  const key = projectKeys.detail(project[1]!);
  void prefetchProject(queryClient, project[1]!).then(() => {
    const error = queryClient.getQueryState(key)?.error;
    if (isApiError(error, 401)) queryClient.removeQueries({ queryKey: key, exact: true });
  });
}

/** Decides between the signed-in app, the sign-in page and first-time setup. */
function Gate() {
  const queryClient = useQueryClient();
  const session = useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity, retry: 1 });

  useEffect(() => {
    setUnauthenticatedHandler(() => forgetSession(queryClient));
    return () => setUnauthenticatedHandler(undefined);
  }, [queryClient]);

  if (session.isPending) return <FullPageLoading />;
  if (session.isError) {
    return (
      <div className="auth-screen">
        <div className="auth-card">
          <ErrorState title="Landfall is not reachable" error={session.error} onRetry={() => void session.refetch()} />
        </div>
      </div>
    );
  }
  if (!session.data) return <SignedOutRoutes />;
  return (
    <SessionProvider session={session.data}>
      <Routes>
        <Route path="/invite/:token" element={<InvitePage />} />
        {/* A page for the customer's executives, printed as it is: no app chrome around it. */}
        <Route
          path="/projects/:id/summary"
          element={
            <Suspense fallback={<FullPageLoading />}>
              <ExecutiveSummaryPage />
            </Suspense>
          }
        />
        <Route element={<Layout />}>
          <Route index element={<InsightApp />} />
          <Route path="insight/*" element={<InsightApp />} />
          <Route path="accounts" element={<AccountsPage />} />
          <Route path="accounts/new" element={<AccountFormPage />} />
          <Route path="accounts/import" element={<ImportPage />} />
          <Route path="accounts/:id" element={<AccountPage />} />
          <Route path="my-work" element={<MyWorkPage />} />
          <Route path="contacts/:id" element={<ContactPage />} />
          <Route path="mail" element={<MailPage />} />
          <Route path="cadences" element={<CadencesPage />} />
          <Route path="journeys" element={<JourneysPage />} />
          <Route path="journey" element={<JourneyMapPage />} />
          <Route path="academy/*" element={<AcademyApp />} />
          <Route path="accounts/:id/edit" element={<AccountFormPage />} />
          <Route path="settings" element={<Navigate to="/settings/workspace" replace />} />
          <Route path="settings/workspace" element={<WorkspaceSettingsPage />} />
          <Route path="settings/members" element={<MembersPage />} />
          <Route path="settings/api-tokens" element={<ApiTokensPage />} />
          <Route path="settings/webhooks" element={<WebhooksPage />} />
          <Route path="settings/audit-log" element={<AuditLogPage />} />
          <Route path="settings/sso" element={<SsoSettingsPage />} />
          <Route path="settings/provisioning" element={<ProvisioningPage />} />
          <Route path="settings/intake" element={<IntakePage />} />
          <Route path="settings/slack" element={<SlackSettingsPage />} />
          <Route path="settings/crm-sync" element={<CrmSyncPage />} />
          <Route path="settings/calendar" element={<MyCalendarPage />} />
          <Route path="settings/escalation" element={<EscalationSettingsPage />} />
          <Route path="settings/assignment" element={<AssignmentSettingsPage />} />
          <Route path="settings/readiness" element={<ReadinessSettingsPage />} />
          <Route path="settings/readiness/questionnaires/:id" element={<QuestionnaireEditorPage />} />
          <Route path="settings/portal" element={<PortalSettingsPage />} />
          <Route path="settings/products" element={<ProductsSettingsPage />} />
          <Route path="settings/maturity" element={<MaturitySettingsPage />} />
          <Route path="settings/health" element={<HealthModelPage />} />
          <Route path="projects" element={<ProjectsPage />} />
          <Route path="projects/:id" element={<ProjectRoute />} />
          <Route path="projects/:id/handoff" element={<HandoffPage />} />
          <Route path="playbooks" element={<PlaybooksPage />} />
          <Route path="playbooks/:id" element={<PlaybookEditorPage />} />
          <Route path="setup" element={<Navigate to="/accounts" replace />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </SessionProvider>
  );
}

/** The project page, its data asked for at once while its code loads (they used to come one after the other). */
function ProjectRoute() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [prefetched, setPrefetched] = useState<string | undefined>();
  if (id && prefetched !== id) {
    setPrefetched(id);
    void prefetchProject(queryClient, id);
  }
  return <ProjectPage />;
}

function SignedOutRoutes() {
  return (
    <Routes>
      <Route path="/invite/:token" element={<InvitePage />} />
      {/* Any other address asks to sign in first and stays in the address bar, so the member lands there after. */}
      <Route path="*" element={<SignInOrSetup />} />
    </Routes>
  );
}

function SignInOrSetup() {
  const setup = useQuery({ queryKey: ['setup'], queryFn: fetchSetupStatus, staleTime: Infinity });
  if (setup.isPending) return <FullPageLoading />;
  if (setup.data?.needsSetup) return <SetupPage />;
  return <SignInPage />;
}

function FullPageLoading() {
  return (
    <div className="auth-screen">
      <LoadingState label="Loading Landfall…" />
    </div>
  );
}

function NotFound() {
  return (
    <div className="page">
      <div className="card">
        <EmptyState
          title="Page not found"
          action={
            <ButtonLink to="/accounts" variant="primary">
              Go to accounts
            </ButtonLink>
          }
        >
          The address may be mistyped, or the page has moved.
        </EmptyState>
      </div>
    </div>
  );
}

import { QueryClientProvider, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useParams } from 'react-router';
import { Layout } from './Layout.tsx';
import { setUnauthenticatedHandler } from './api.ts';
import { createQueryClient } from './queryClient.ts';
import { forgetSession, SessionProvider } from './session.tsx';
import { fetchSession, fetchSetupStatus, sessionKey } from '../features/auth/auth.api.ts';
import { InvitePage } from '../features/auth/InvitePage.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { SetupPage } from '../features/setup/SetupPage.tsx';
import { AccountFormPage } from '../features/accounts/AccountFormPage.tsx';
import { AccountPage } from '../features/accounts/AccountPage.tsx';
import { AccountsPage } from '../features/accounts/AccountsPage.tsx';
import { MembersPage } from '../features/members/MembersPage.tsx';
import { HandoffPage } from '../features/handoffs/HandoffPage.tsx';
import { ProjectsPage } from '../features/projects/ProjectsPage.tsx';
import { prefetchProject } from '../features/projects/projects.api.ts';
import { IntakePage } from '../features/intake/IntakePage.tsx';
import { CrmSyncPage } from '../features/integrations/CrmSyncPage.tsx';
import { MyCalendarPage } from '../features/integrations/MyCalendarPage.tsx';
import { SlackSettingsPage } from '../features/integrations/SlackSettingsPage.tsx';
import { ApiTokensPage } from '../features/settings/ApiTokensPage.tsx';
import { WebhooksPage } from '../features/webhooks/WebhooksPage.tsx';
import { AuditLogPage } from '../features/audit/AuditLogPage.tsx';
import { ProvisioningPage } from '../features/settings/ProvisioningPage.tsx';
import { MailPage } from '../features/mail/MailPage.tsx';
import { WorkspaceSettingsPage } from '../features/settings/WorkspaceSettingsPage.tsx';
import { SsoSettingsPage } from '../features/settings/SsoSettingsPage.tsx';
import { MaturitySettingsPage } from '../features/products/MaturitySettingsPage.tsx';
import { ProductsSettingsPage } from '../features/products/ProductsSettingsPage.tsx';
import { EscalationSettingsPage } from '../features/escalation/EscalationSettingsPage.tsx';
import { AssignmentSettingsPage } from '../features/assignment/AssignmentSettingsPage.tsx';
import { PortalSettingsPage } from '../features/portal/PortalSettingsPage.tsx';
import { ButtonLink } from '../components/ui/Button.tsx';
import { EmptyState } from '../components/ui/EmptyState.tsx';
import { ErrorState, LoadingState } from '../components/ui/State.tsx';

// The heavier pages (the scheduling engine, the Gantt, the cadence editor) load when first opened.
const PlaybookEditorPage = lazy(() => import('../features/playbooks/PlaybookEditorPage.tsx').then((m) => ({ default: m.PlaybookEditorPage })));
const QuestionnaireEditorPage = lazy(() =>
  import('../features/readiness/QuestionnaireEditorPage.tsx').then((m) => ({ default: m.QuestionnaireEditorPage })),
);
const ReadinessSettingsPage = lazy(() => import('../features/readiness/ReadinessSettingsPage.tsx').then((m) => ({ default: m.ReadinessSettingsPage })));
const PlaybooksPage = lazy(() => import('../features/playbooks/PlaybooksPage.tsx').then((m) => ({ default: m.PlaybooksPage })));
const ProjectPage = lazy(() => import('../features/projects/ProjectPage.tsx').then((m) => ({ default: m.ProjectPage })));
const ExecutiveSummaryPage = lazy(() =>
  import('../features/success-plans/ExecutiveSummaryPage.tsx').then((m) => ({ default: m.ExecutiveSummaryPage })),
);
const AcademyApp = lazy(() => import('../features/academy/AcademyApp.tsx').then((m) => ({ default: m.AcademyApp })));
const InsightApp = lazy(() => import('../features/insight/InsightApp.tsx').then((m) => ({ default: m.InsightApp })));
const HealthModelPage = lazy(() => import('../features/health/HealthModelPage.tsx').then((m) => ({ default: m.HealthModelPage })));
const JourneyMapPage = lazy(() => import('../features/health/JourneyMapPage.tsx').then((m) => ({ default: m.JourneyMapPage })));
const CadencesPage = lazy(() => import('../features/cadences/CadencesPage.tsx').then((m) => ({ default: m.CadencesPage })));
const MyWorkPage = lazy(() => import('../features/my-work/MyWorkPage.tsx'));
const ContactPage = lazy(() => import('../features/contacts/ContactPage.tsx'));
const JourneysPage = lazy(() => import('../features/journeys/JourneysPage.tsx').then((m) => ({ default: m.JourneysPage })));
import { ToastProvider } from '../components/ui/Toast.tsx';
import { ImportPage } from '../features/imports/ImportPage.tsx';

export function App({ queryClient }: { queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>
        <BrowserRouter>
          {/* The customer portal is an entry of its own (portal.html), which the server serves for /portal/*. */}
          <Gate />
        </BrowserRouter>
      </ToastProvider>
    </QueryClientProvider>
  );
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

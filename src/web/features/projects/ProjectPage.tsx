import { useProjectAssignments } from '../assignment/assignment.api.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, isApiError } from '../../app/api.ts';
import { formatDate } from '../../app/format.ts';
import { useCanWrite } from '../../app/session.tsx';
import { useBrowserIdle } from '../../app/useBrowserIdle.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { ConfirmDialog } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ProjectCalendarButton } from '../integrations/CalendarFeed.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { PlusIcon } from '../../components/ui/PlusIcon.tsx';
import { SegmentBadge } from '../accounts/labels.tsx';
import { useMarkProjectSeen } from '../my-work/myWork.api.ts';
import { formatSlip, slipDays, useWorkspaceCalendar } from './dates.ts';
import { HealthBadge, MILESTONE_LABELS } from './labels.tsx';
import { PlanTab } from './PlanTab.tsx';
import { AssignmentNote, LifecycleActions, StatusNote } from './ProjectLifecycle.tsx';
import { projectKeys, useProject, type Milestone, type Project } from './projects.api.ts';
import { Progress } from './progress.tsx';
import { ProjectCadencePicker } from '../cadences/ProjectCadencePicker.tsx';
import { ProjectEscalation } from '../escalation/ProjectEscalation.tsx';
import { ReadinessFlag } from '../readiness/ReadinessFlag.tsx';
import './projects.css';

// What the first screen needs (the header, the summary, the plan) is in this chunk; the other tabs, the task drawer
// and the dialogs (with @dnd-kit, the charts, the readiness and portal editors) come when opened, or when the
// browser is idle after the page is shown.
const parts = {
  gantt: () => import('./ProjectGantt.tsx'),
  board: () => import('./BoardTab.tsx'),
  success: () => import('../success-plans/SuccessPlanTab.tsx'),
  history: () => import('./HistoryTab.tsx'),
  readiness: () => import('../readiness/ReadinessTab.tsx'),
  portal: () => import('../portal/PortalTab.tsx'),
  drawer: () => import('./TaskDrawer.tsx'),
  addTask: () => import('./AddTaskDialog.tsx'),
  day0: () => import('./Day0Dialog.tsx'),
};
const ProjectGantt = lazy(() => parts.gantt().then((m) => ({ default: m.ProjectGantt })));
const BoardTab = lazy(() => parts.board().then((m) => ({ default: m.BoardTab })));
const SuccessPlanTab = lazy(() => parts.success().then((m) => ({ default: m.SuccessPlanTab })));
const HistoryTab = lazy(() => parts.history().then((m) => ({ default: m.HistoryTab })));
const ReadinessTab = lazy(() => parts.readiness().then((m) => ({ default: m.ReadinessTab })));
const PortalTab = lazy(() => parts.portal().then((m) => ({ default: m.PortalTab })));
const TaskDrawer = lazy(() => parts.drawer().then((m) => ({ default: m.TaskDrawer })));
const AddTaskDialog = lazy(() => parts.addTask().then((m) => ({ default: m.AddTaskDialog })));
const Day0Dialog = lazy(() => parts.day0().then((m) => ({ default: m.Day0Dialog })));

/** Fetches the page's other parts once the browser has nothing else to do, so a tab or a task opens at once. */
function usePreloadParts() {
  const idle = useBrowserIdle(3000);
  useEffect(() => {
    if (idle) Object.values(parts).forEach((part) => void part().catch(() => undefined));
  }, [idle]);
}

const TABS = [
  { key: 'plan', label: 'Plan' },
  { key: 'gantt', label: 'Gantt' },
  { key: 'board', label: 'Board' },
  { key: 'success', label: 'Success plan' },
  { key: 'readiness', label: 'Readiness' },
  { key: 'history', label: 'History' },
  { key: 'portal', label: 'Portal' },
] as const;
type Tab = (typeof TABS)[number]['key'];

const MILESTONE_ORDER = ['first_engagement', 'go_live', 'first_value', 'value_achieved', 'onboarding_complete'] as const;

export function ProjectPage() {
  const { id = '' } = useParams();
  const project = useProject(id);
  useDocumentTitle(project.data?.name ?? 'Project');
  // Opening the project takes its changes so far off My work.
  const { mutate: markSeen } = useMarkProjectSeen();
  const loaded = project.isSuccess;
  useEffect(() => {
    if (loaded) markSeen(id, { onError: () => undefined });
  }, [id, loaded, markSeen]);
  if (project.isPending) return <LoadingState label="Loading project…" />;
  if (project.isError) {
    return (
      <div className="page">
        {isApiError(project.error, 404) ? (
          <div className="card">
            <EmptyState title="This project doesn't exist" action={<ButtonLink to="/projects" variant="primary">Back to projects</ButtonLink>}>
              It may have been removed, or the link is wrong.
            </EmptyState>
          </div>
        ) : (
          <ErrorState title="Could not load this project" error={project.error} onRetry={() => void project.refetch()} />
        )}
      </div>
    );
  }
  return <ProjectView project={project.data} />;
}

/** The tab and the open task live in the URL: a link can point at "the Gantt" or "this task". */
export function useProjectUrlState() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = TABS.some((t) => t.key === raw) ? (raw as Tab) : 'plan';
  const taskId = params.get('task');
  const set = useCallback(
    (change: { tab?: Tab; task?: string | null }) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (change.tab) {
            if (change.tab === 'plan') next.delete('tab');
            else next.set('tab', change.tab);
          }
          if (change.task !== undefined) {
            if (change.task) next.set('task', change.task);
            else next.delete('task');
          }
          return next;
        },
        { replace: change.tab === undefined },
      ),
    [setParams],
  );
  return { tab, taskId, set };
}

function ProjectView({ project }: { project: Project }) {
  const canWrite = useCanWrite();
  const { tab, taskId, set } = useProjectUrlState();
  const [adding, setAdding] = useState(false);
  const [changingDay0, setChangingDay0] = useState(false);
  const openTask = useCallback((id: string) => set({ task: id }), [set]);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const selectedTask = taskId ? project.tasks.find((task) => task.id === taskId) : undefined;
  usePreloadParts();

  const onTabKey = (event: KeyboardEvent, index: number) => {
    const move = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!move) return;
    event.preventDefault();
    const next = (index + move + TABS.length) % TABS.length;
    set({ tab: TABS[next]!.key });
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="page page-wide">
      <PageHeader
        breadcrumb={
          <>
            <Link to="/projects">Projects</Link>
            <span aria-hidden="true">/</span>
            <Link to={`/accounts/${project.accountId}`}>{project.accountName}</Link>
          </>
        }
        title={project.name}
        meta={
          <>
            <HealthBadge health={project.health} />
            <SegmentBadge segment={project.segment} />
            {project.product && <Badge>{project.product}</Badge>}
            <span className="meta-text">
              {project.playbook ? (
                <>
                  Playbook <Link to={`/playbooks/${project.playbook.id}`}>{project.playbook.name}</Link> v{project.playbook.version}
                </>
              ) : (
                'Planned by hand'
              )}
            </span>
            <span className="meta-text">
              Day 0 {formatDate(project.day0)}
              {canWrite && project.status !== 'closed' && (
                <Button size="sm" variant="ghost" onClick={() => setChangingDay0(true)}>
                  Change
                </Button>
              )}
            </span>
            {project.handoff !== null && (
              <Link className="meta-text" to={`/projects/${project.id}/handoff`}>
                Sales hand-off{project.handoff !== 'complete' && <Badge tone="amber">incomplete</Badge>}
              </Link>
            )}
            <ReadinessFlag projectId={project.id} />
            <ProjectCalendarButton projectId={project.id} canWrite={canWrite} />
          </>
        }
        actions={
          canWrite && (
            <>
              <LifecycleActions project={project} />
              {project.status !== 'closed' && (
                <Button icon={<PlusIcon />} onClick={() => setAdding(true)}>
                  Add task
                </Button>
              )}
            </>
          )
        }
      />
      <StatusNote project={project} />
      <AssignmentNote project={project} canWrite={canWrite} />

      {project.playbook && project.playbook.latestVersion > project.playbook.version && (
        <PlaybookUpdated project={project} playbook={project.playbook} canWrite={canWrite} />
      )}
      {changingDay0 && (
        <Suspense fallback={null}>
          <Day0Dialog project={project} onClose={() => setChangingDay0(false)} />
        </Suspense>
      )}

      <ProjectSummaryBar project={project} />
      <MilestoneStrip project={project} />
      <ProjectEscalation project={project} />

      <div className="tabs" role="tablist" aria-label="Project views">
        {TABS.map((t, index) => (
          <button
            key={t.key}
            ref={(element) => {
              tabRefs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${t.key}`}
            aria-selected={tab === t.key}
            aria-controls={`panel-${t.key}`}
            tabIndex={tab === t.key ? 0 : -1}
            className={`tab${tab === t.key ? ' is-active' : ''}`}
            onClick={() => set({ tab: t.key })}
            onKeyDown={(event) => onTabKey(event, index)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'plan' && <PlanTab project={project} onOpenTask={openTask} selectedId={taskId} />}
        <Suspense fallback={<LoadingState />}>
          {tab === 'gantt' && <ProjectGantt project={project} onOpenTask={openTask} />}
          {tab === 'board' && <BoardTab project={project} onOpenTask={openTask} />}
          {tab === 'success' && <SuccessPlanTab project={project} />}
          {tab === 'history' && <HistoryTab project={project} />}
          {tab === 'readiness' && <ReadinessTab project={project} />}
          {tab === 'portal' && <PortalTab project={project} />}
        </Suspense>
      </div>

      <Suspense fallback={null}>
        {selectedTask && <TaskDrawer key={selectedTask.id} project={project} task={selectedTask} onClose={() => set({ task: null })} />}
        {adding && <AddTaskDialog project={project} onClose={() => setAdding(false)} onAdded={openTask} />}
      </Suspense>
    </div>
  );
}

/** "Slip: 5 days waiting on customer · 0 on vendor" — said in words, the way a manager reports it. */
export function slipSummary(delayDays: Project['delayDays']): string {
  const customer = Math.max(delayDays.customer, 0);
  const vendor = Math.max(delayDays.vendor, 0);
  return `Slip: ${customer} day${customer === 1 ? '' : 's'} waiting on customer · ${vendor} on vendor`;
}

function ProjectSummaryBar({ project }: { project: Project }) {
  const calendar = useWorkspaceCalendar();
  const slip = slipDays(project.baselineGoLive, project.projectedGoLive, calendar);
  const assignments = useProjectAssignments(project.id);
  const manager = assignments.data?.assignments.find((a) => a.role === 'onboarding_manager' && a.member?.id === project.onboardingManager?.id);
  return (
    <dl className="project-summary card" aria-label="Project summary">
      <SummaryItem label="Go-live">
        <span className={slip > 0 ? 'date-late' : ''} data-testid="projected-go-live">
          {formatDate(project.projectedGoLive)}
        </span>
        {slip !== 0 && <span className={`slip ${slip > 0 ? 'slip-late' : 'slip-early'}`}>{formatSlip(slip)}</span>}
        <span className="fact-sub">baseline {formatDate(project.baselineGoLive)}</span>
      </SummaryItem>
      <SummaryItem label="Delay owed" hint="Business days the go-live moved, by who it waited on">
        <span data-testid="slip-summary" className={project.delayDays.customer + project.delayDays.vendor > 0 ? 'slip-text is-slipping' : 'slip-text'}>
          {slipSummary(project.delayDays)}
        </span>
      </SummaryItem>
      <SummaryItem label="Onboarding manager" hint={manager?.reason}>
        {project.onboardingManager?.name ?? <span className="muted">Unassigned</span>}
      </SummaryItem>
      <SummaryItem label="Cadence">
        <ProjectCadencePicker projectId={project.id} />
      </SummaryItem>
      <SummaryItem label="Progress">
        <Progress done={project.tasksDone} total={project.tasksTotal} />
        <span className="fact-sub">{project.stageName ? `Now in ${project.stageName}` : 'Every task is done'}</span>
      </SummaryItem>
    </dl>
  );
}

function SummaryItem({ label, hint, children }: { label: string; hint?: string | undefined; children: ReactNode }) {
  return (
    <div className="summary-item" title={hint}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function MilestoneStrip({ project }: { project: Project }) {
  const milestones = MILESTONE_ORDER.map((kind) => project.milestones.find((milestone) => milestone.kind === kind)).filter(
    (milestone): milestone is Milestone => Boolean(milestone),
  );
  if (milestones.length === 0) return null;
  return (
    <ol className="milestones" aria-label="Milestones">
      {milestones.map((milestone) => (
        <MilestoneCard key={milestone.taskId} milestone={milestone} />
      ))}
    </ol>
  );
}

function MilestoneCard({ milestone }: { milestone: Milestone }) {
  const calendar = useWorkspaceCalendar();
  const reached = Boolean(milestone.actual);
  const shown = milestone.actual ?? milestone.projected;
  const slip = slipDays(milestone.baseline, shown, calendar);
  return (
    <li className={`milestone milestone-${milestone.health}${reached ? ' is-reached' : ''}`} data-kind={milestone.kind}>
      <span className="milestone-name">
        <span className="milestone-diamond" aria-hidden="true" />
        {MILESTONE_LABELS[milestone.kind]}
      </span>
      <span className="milestone-date">
        {reached ? 'Reached ' : ''}
        {formatDate(shown)}
        {slip !== 0 && <span className={`slip ${slip > 0 ? 'slip-late' : 'slip-early'}`}>{formatSlip(slip)}</span>}
      </span>
      <span className="milestone-sub">
        baseline {formatDate(milestone.baseline)}
        {milestone.daysFromDay0 !== null && ` · day ${milestone.daysFromDay0}`}
      </span>
    </li>
  );
}

function PlaybookUpdated({ project, playbook, canWrite }: { project: Project; playbook: NonNullable<Project['playbook']>; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const [confirming, setConfirming] = useState(false);
  const upgrade = useMutation({
    mutationFn: () => api.post<Project>(`/projects/${project.id}/upgrade`),
    onSuccess: (next) => {
      queryClient.setQueryData(projectKeys.detail(project.id), next);
      void queryClient.invalidateQueries({ queryKey: projectKeys.all });
      notify(`Moved to playbook v${next.playbook?.version ?? playbook.latestVersion}`);
      setConfirming(false);
    },
  });
  return (
    <div className="callout callout-row" role="note">
      <span>
        Playbook updated to v{playbook.latestVersion} — this project follows v{playbook.version}.{' '}
        <Link to={`/playbooks/${playbook.id}`}>See what changed</Link>
      </span>
      {canWrite && (
        <Button size="sm" onClick={() => setConfirming(true)}>
          Move to v{playbook.latestVersion}
        </Button>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Move to playbook v${playbook.latestVersion}?`}
          confirmLabel="Move project"
          tone="primary"
          busy={upgrade.isPending}
          error={upgrade.error ? errorText(upgrade.error) : undefined}
          onConfirm={() => upgrade.mutate()}
          onClose={() => setConfirming(false)}
        >
          <p>Work that has not started follows the new version; tasks in progress or done keep their dates and history.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

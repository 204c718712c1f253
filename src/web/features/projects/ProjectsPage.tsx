import { useCallback, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Select } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { SegmentBadge, segmentOptions } from '../accounts/labels.tsx';
import { useMembers } from '../members/members.api.ts';
import { formatSlip, slipDays, useWorkspaceCalendar } from './dates.ts';
import { HEALTH_LABELS, HealthBadge } from './labels.tsx';
import { StalledBadge } from '../escalation/ProjectEscalation.tsx';
import {
  defaultProjectListState,
  hasProjectFilters,
  HEALTHS,
  parseProjectListState,
  serializeProjectListState,
  toProjectQuery,
  type ProjectListState,
} from './projectListState.ts';
import { useProjects, type ProjectSummary } from './projects.api.ts';
import './projects.css';
import { ExportCsvButton } from '../imports/ExportCsvButton.tsx';
import { DelayBar, Progress } from './progress.tsx';

const statusOptions = [
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
];

function useProjectListState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseProjectListState(params), [params]);
  const update = useCallback((change: Partial<ProjectListState>) => setParams(serializeProjectListState({ ...state, ...change })), [state, setParams]);
  return [state, update] as const;
}

/** The portfolio: every onboarding project, its health, and how far its go-live slipped and why. */
export function ProjectsPage() {
  useDocumentTitle('Projects');
  const [state, update] = useProjectListState();
  const projects = useProjects(toProjectQuery(state));
  const members = useMembers();
  const filtered = hasProjectFilters(state);
  const ownerOptions = useMemo(() => [{ value: 'none', label: 'Nobody (unassigned)' }, ...(members.data ?? []).map((member) => ({ value: member.id, label: member.name }))], [members.data]);
  const toggleHealth = (health: ProjectListState['health'][number]) =>
    update({ health: state.health.includes(health) ? state.health.filter((value) => value !== health) : [...state.health, health] });

  return (
    <div className="page">
      <PageHeader title="Projects" description="Every onboarding project: where it stands, when it goes live, and who the slip is waiting on." actions={<ExportCsvButton path="/projects/export.csv" query={{ ...toProjectQuery(state) }} />} />
      <div className="toolbar" role="search" aria-label="Filter projects">
        <label className="filter">
          <span className="filter-label">Onboarding manager</span>
          <Select className="select-sm" value={state.owner} options={ownerOptions} placeholder="Anyone" onChange={(event) => update({ owner: event.target.value })} />
        </label>
        <label className="filter">
          <span className="filter-label">Segment</span>
          <Select
            className="select-sm"
            value={state.segment.length === 1 ? state.segment[0] : ''}
            options={segmentOptions}
            placeholder="All segments"
            onChange={(event) => update({ segment: event.target.value ? [event.target.value as ProjectListState['segment'][number]] : [] })}
          />
        </label>
        <div className="filter" role="group" aria-label="Health">
          <span className="filter-label" aria-hidden="true">
            Health
          </span>
          <div className="segmented">
            {HEALTHS.map((health) => (
              <button key={health} type="button" aria-pressed={state.health.includes(health)} className={state.health.includes(health) ? 'is-active' : ''} onClick={() => toggleHealth(health)}>
                {HEALTH_LABELS[health]}
              </button>
            ))}
          </div>
        </div>
        <label className="filter">
          <span className="filter-label">Status</span>
          <Select className="select-sm" value={state.status} options={statusOptions} onChange={(event) => update({ status: event.target.value as ProjectListState['status'] })} />
        </label>
        {filtered && (
          <Button variant="ghost" size="sm" className="toolbar-clear" onClick={() => update(defaultProjectListState)}>
            Clear filters
          </Button>
        )}
      </div>

      {projects.isPending ? (
        <div className="card">
          <LoadingState label="Loading projects…" />
        </div>
      ) : projects.isError ? (
        <ErrorState title="Could not load projects" error={projects.error} onRetry={() => void projects.refetch()} />
      ) : projects.data.length === 0 ? (
        <div className="card">
          {filtered ? (
            <EmptyState title="No projects match these filters" action={<Button onClick={() => update(defaultProjectListState)}>Clear filters</Button>}>
              Try another owner, segment or health, or clear the filters to see every active project.
            </EmptyState>
          ) : (
            <EmptyState
              title="No onboarding projects yet — start one from an account"
              action={
                <ButtonLink to="/accounts" variant="primary">
                  Go to accounts
                </ButtonLink>
              }
            >
              Open an account with a signed contract and choose “Start onboarding project”: Landfall proposes the playbook that fits it.
            </EmptyState>
          )}
        </div>
      ) : (
        <div className={`card card-flush${projects.isPlaceholderData ? ' is-refreshing' : ''}`} aria-busy={projects.isFetching}>
          <Table caption="Onboarding projects" className="projects-table">
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Segment</th>
                <th scope="col">Stage</th>
                <th scope="col">Health</th>
                <th scope="col">Go-live (baseline)</th>
                <th scope="col">Slip owed to</th>
                <th scope="col">Manager</th>
                <th scope="col">Progress</th>
              </tr>
            </thead>
            <tbody>
              {projects.data.map((project) => (
                <ProjectRow key={project.id} project={project} />
              ))}
            </tbody>
          </Table>
          <p className="table-footnote">
            {projects.data.length} project{projects.data.length === 1 ? '' : 's'} · slip in business days
          </p>
        </div>
      )}
    </div>
  );
}

function ProjectRow({ project }: { project: ProjectSummary }) {
  const navigate = useNavigate();
  const calendar = useWorkspaceCalendar();
  const slip = slipDays(project.baselineGoLive, project.projectedGoLive, calendar);
  return (
    <tr
      className={`row-link${project.status !== 'active' ? ' is-muted' : ''}`}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('a, button')) return;
        if (window.getSelection()?.toString()) return;
        void navigate(`/projects/${project.id}`);
      }}
    >
      <td className="cell-primary">
        <Link to={`/projects/${project.id}`} className="row-title">
          {project.accountName}
        </Link>
        <span className="cell-sub">
          {project.name === `${project.accountName} onboarding` ? `Day 0 ${formatDate(project.day0)}` : project.name}
          {project.product && ` · ${project.product}`}
          {project.status !== 'active' && ` · ${project.status}`}
        </span>
      </td>
      <td>
        <SegmentBadge segment={project.segment} />
      </td>
      <td>{project.stageName ?? <span className="muted">{project.tasksTotal > 0 && project.tasksDone === project.tasksTotal ? 'Complete' : '—'}</span>}</td>
      <td>
        <HealthBadge health={project.health} />
        <StalledBadge since={project.stalledSince} />
      </td>
      <td className="nowrap">
        <span className={slip > 0 ? 'date-late' : ''}>{formatDate(project.projectedGoLive)}</span>
        {slip !== 0 && <span className={`slip ${slip > 0 ? 'slip-late' : 'slip-early'}`}>{formatSlip(slip)}</span>}
        <span className="cell-sub">baseline {formatDate(project.baselineGoLive)}</span>
      </td>
      <td>
        <DelayBar customer={project.delayDays.customer} vendor={project.delayDays.vendor} />
      </td>
      <td>{project.onboardingManager?.name ?? <Badge tone="red">Unassigned</Badge>}</td>
      <td>
        <Progress done={project.tasksDone} total={project.tasksTotal} />
      </td>
    </tr>
  );
}

import { useCanWrite } from '../../app/session.tsx';
import { Select } from '../../components/ui/Field.tsx';
import { formatRange, formatShortDate, formatSlip, slipDays, useWorkspaceCalendar } from './dates.ts';
import { HealthBadge, OwnerBadge, StatusBadge, STATUS_LABELS, TASK_STATUSES } from './labels.tsx';
import type { Project, ProjectTask } from './projects.api.ts';
import { useStatusChange } from './StatusChange.tsx';
import './projects.css';

const statusOptions = TASK_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

/** Tasks grouped by stage: who, when (against the baseline), status and health, in one dense table. */
export function PlanTab({ project, onOpenTask, selectedId }: { project: Project; onOpenTask: (id: string) => void; selectedId: string | null }) {
  const canWrite = useCanWrite() && project.status !== 'closed';
  const status = useStatusChange(project);
  const byStage = project.stages
    .map((stage) => ({ stage, tasks: project.tasks.filter((task) => task.stage === stage.key).sort((a, b) => a.position - b.position) }))
    .filter((group) => group.tasks.length > 0);
  if (project.tasks.length === 0) {
    return <p className="card card-pad muted">This project has no tasks yet. Use “Add task” to plan the work.</p>;
  }
  return (
    <div className="card card-flush">
      <div className="table-wrap">
        <table className="table plan-table">
          <caption className="sr-only">Plan of {project.name}, by stage</caption>
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Owner</th>
              <th scope="col">Assignee</th>
              <th scope="col">Projected (baseline)</th>
              <th scope="col">Status</th>
              <th scope="col">Health</th>
            </tr>
          </thead>
          {byStage.map(({ stage, tasks }) => (
            <tbody key={stage.key}>
              <tr className="stage-row">
                <th scope="colgroup" colSpan={6}>
                  {stage.name}
                  <span className="stage-count">
                    {tasks.filter((task) => task.status === 'done' || task.status === 'skipped').length}/{tasks.length} done
                  </span>
                </th>
              </tr>
              {tasks.map((task) => (
                <PlanRow
                  key={task.id}
                  task={task}
                  selected={task.id === selectedId}
                  canWrite={canWrite}
                  onOpen={() => onOpenTask(task.id)}
                  onStatus={(next) => status.change(task, next)}
                />
              ))}
            </tbody>
          ))}
        </table>
      </div>
      {status.dialog}
    </div>
  );
}

function PlanRow({
  task,
  selected,
  canWrite,
  onOpen,
  onStatus,
}: {
  task: ProjectTask;
  selected: boolean;
  canWrite: boolean;
  onOpen: () => void;
  onStatus: (status: ProjectTask['status']) => void;
}) {
  const calendar = useWorkspaceCalendar();
  const done = task.status === 'done';
  const shownFinish = done ? task.actualFinish : task.projectedFinish;
  const slip = slipDays(task.baselineFinish, shownFinish, calendar);
  const milestone = task.milestoneKind !== null || task.durationDays === 0;
  return (
    <tr
      className={`row-link plan-row${selected ? ' is-selected' : ''}${done || task.status === 'skipped' ? ' is-complete' : ''}`}
      data-task-id={task.id}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('a, button, select, input')) return;
        onOpen();
      }}
    >
      <td className="cell-primary plan-title">
        <div className="plan-title-inner">
          <span className="plan-markers" aria-hidden="true">
            {milestone && <span className="marker-diamond" title="Milestone" />}
          </span>
          <div>
            <button type="button" className="link-button row-title" onClick={onOpen}>
              {task.title}
            </button>
            {task.critical && (
              <span className="critical-tag" title="On the critical path: any slip moves the end of the project">
                Critical
              </span>
            )}
            {task.pinnedStart && <span className="pin-tag" title={`Start set by hand: ${formatShortDate(task.pinnedStart)}`}>Pinned</span>}
            {task.status === 'stuck' && task.stuckReason && <span className="cell-sub stuck-reason">Stuck: {task.stuckReason}</span>}
          </div>
        </div>
      </td>
      <td>
        <OwnerBadge owner={task.owner} />
      </td>
      <td className="nowrap">{task.assignee?.name ?? <span className="muted">Unassigned</span>}</td>
      <td className="nowrap">
        {done ? (
          <span title="Actual dates">
            {milestone ? formatShortDate(task.actualFinish) : formatRange(task.actualStart, task.actualFinish)} <span className="muted">(actual)</span>
          </span>
        ) : milestone ? (
          formatShortDate(task.projectedFinish)
        ) : (
          formatRange(task.projectedStart, task.projectedFinish)
        )}
        {slip !== 0 && <span className={`slip ${slip > 0 ? 'slip-late' : 'slip-early'}`}>{formatSlip(slip)}</span>}
        <span className="cell-sub">baseline {milestone ? formatShortDate(task.baselineFinish) : formatRange(task.baselineStart, task.baselineFinish)}</span>
      </td>
      <td>
        {canWrite ? (
          <Select
            className={`select-sm status-select status-${task.status}`}
            aria-label={`Status of ${task.title}`}
            value={task.status}
            options={statusOptions}
            onChange={(event) => onStatus(event.target.value as ProjectTask['status'])}
          />
        ) : (
          <StatusBadge status={task.status} />
        )}
      </td>
      <td>
        <HealthBadge health={task.health} />
      </td>
    </tr>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PersonLink } from '../contacts/ContactLink.tsx';
import { useState } from 'react';
import { plural } from '../../../core/words.ts';
import { api } from '../../app/api.ts';
import { useCanWrite, useSession } from '../../app/session.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Select } from '../../components/ui/Field.tsx';
import { errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useMembers } from '../members/members.api.ts';
import { matchesPlanFilter, PLAN_FILTER_LABELS, PLAN_FILTERS, todayHere, type PlanFilter } from './planFilters.ts';
import { projectKeys } from './projects.api.ts';
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
  const memberId = useSession().member.id;
  const [filter, setFilter] = useState<PlanFilter>('all');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const context = { memberId, today: todayHere() };
  const shown = project.tasks.filter((task) => matchesPlanFilter(task, filter, context));
  const byStage = project.stages
    .map((stage) => ({ stage, tasks: shown.filter((task) => task.stage === stage.key).sort((a, b) => a.position - b.position) }))
    .filter((group) => group.tasks.length > 0);
  if (project.tasks.length === 0) {
    return <p className="card card-pad muted">This project has no tasks yet. Use “Add task” to plan the work.</p>;
  }
  const selected = project.tasks.filter((task) => picked.has(task.id));
  const toggle = (id: string) =>
    setPicked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allShownPicked = shown.length > 0 && shown.every((task) => picked.has(task.id));
  return (
    <div className="card card-flush">
      <div className="plan-toolbar">
        <div className="plan-filters" role="group" aria-label="Show">
          {PLAN_FILTERS.map((value) => {
            const count = value === 'all' ? project.tasks.length : project.tasks.filter((task) => matchesPlanFilter(task, value, context)).length;
            return (
              <button key={value} type="button" className={`chip${filter === value ? ' is-active' : ''}`} aria-pressed={filter === value} onClick={() => setFilter(value)}>
                {PLAN_FILTER_LABELS[value]} <span className="chip-count">{count}</span>
              </button>
            );
          })}
        </div>
        {canWrite && selected.length > 0 && <BulkBar project={project} tasks={selected} onDone={() => setPicked(new Set())} />}
      </div>
      {shown.length === 0 && <p className="card-pad muted">No task matches “{PLAN_FILTER_LABELS[filter]}”. Choose “All tasks” to see the whole plan.</p>}
      <div className="table-wrap">
        <table className="table plan-table">
          <caption className="sr-only">Plan of {project.name}, by stage</caption>
          <thead>
            <tr>
              {canWrite && (
                <th scope="col" className="plan-pick">
                  <input
                    type="checkbox"
                    aria-label="Select every task shown"
                    checked={allShownPicked}
                    onChange={() => setPicked(allShownPicked ? new Set() : new Set(shown.map((task) => task.id)))}
                  />
                </th>
              )}
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
                <th scope="colgroup" colSpan={canWrite ? 7 : 6}>
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
                  picked={picked.has(task.id)}
                  onPick={() => toggle(task.id)}
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
  picked,
  onPick,
  onOpen,
  onStatus,
}: {
  task: ProjectTask;
  selected: boolean;
  canWrite: boolean;
  picked: boolean;
  onPick: () => void;
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
      {canWrite && (
        <td className="plan-pick">
          <input type="checkbox" aria-label={`Select ${task.title}`} checked={picked} onChange={onPick} />
        </td>
      )}
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
      <td className="nowrap">{task.assignee ? <PersonLink person={task.assignee} /> : <span className="muted">Unassigned</span>}</td>
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

/** What to do with the tasks ticked: set a status, assign someone, or move their starts; all or none. */
function BulkBar({ project, tasks, onDone }: { project: Project; tasks: ProjectTask[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const notify = useToast();
  const members = useMembers();
  const [days, setDays] = useState('1');
  const change = useMutation({
    mutationFn: (set: Record<string, unknown>) => api.post<{ updated: number }>(`/projects/${project.id}/tasks/bulk-update`, { taskIds: tasks.map((task) => task.id), set }),
    onSuccess: ({ updated }) => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.detail(project.id) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.history(project.id) });
      notify(`${plural(updated, 'task')} changed`);
      onDone();
    },
  });
  const memberOptions = (members.data ?? []).map((member) => ({ value: member.id, label: member.name }));
  const shift = Number(days);
  return (
    <div className="bulk-bar" role="region" aria-label="Change the selected tasks">
      <strong>{plural(tasks.length, 'task')} selected</strong>
      <Select
        className="select-sm"
        aria-label="Set the status of the selected tasks"
        value=""
        placeholder="Set status…"
        options={statusOptions}
        disabled={change.isPending}
        onChange={(event) => event.target.value && change.mutate({ status: event.target.value })}
      />
      <Select
        className="select-sm"
        aria-label="Assign the selected tasks"
        value=""
        placeholder="Assign to…"
        options={memberOptions}
        disabled={change.isPending}
        onChange={(event) => event.target.value && change.mutate({ assignee: { kind: 'member', id: event.target.value } })}
      />
      <span className="bulk-move">
        <label>
          <span className="sr-only">Business days to move the selected tasks by (negative for earlier)</span>
          <input className="input" type="number" min={-250} max={250} step={1} value={days} onChange={(event) => setDays(event.target.value)} />
        </label>
        <Button size="sm" disabled={change.isPending || !Number.isInteger(shift) || shift === 0} onClick={() => change.mutate({ shiftDays: shift })}>
          Move {Math.abs(shift) === 1 ? 'a day' : `${Math.abs(shift) || ''} days`} {shift < 0 ? 'earlier' : 'later'}
        </Button>
      </span>
      <Button size="sm" variant="ghost" onClick={onDone}>
        Clear
      </Button>
      {change.error && (
        <p className="bulk-error" role="alert">
          {errorText(change.error)}
        </p>
      )}
    </div>
  );
}

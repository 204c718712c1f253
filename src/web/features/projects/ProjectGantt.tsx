import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../../app/api.ts';
import { useCanWrite, useSession } from '../../app/session.tsx';
import { linkRefusal } from '../../../core/schedule/links.ts';
import { errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { addCalendarDays, businessDayOnOrAfter, formatShortDate, useWorkspaceCalendar } from './dates.ts';
import { GanttChart, type GanttRow } from './GanttChart.tsx';
import { GANTT_ZOOMS, type GanttZoom } from './ganttScale.ts';
import { projectKeys } from './projects.api.ts';
import { roleLabel, STATUS_LABELS } from './labels.tsx';
import type { Project } from './projects.api.ts';
import './projects.css';

/** Tasks in plan order under their stage, as the chart draws them. */
export function projectGanttRows(project: Project): GanttRow[] {
  const stageOrder = new Map(project.stages.map((stage, i) => [stage.key, i]));
  const stageName = new Map(project.stages.map((stage) => [stage.key, stage.name]));
  return [...project.tasks]
    .sort((a, b) => (stageOrder.get(a.stage) ?? 99) - (stageOrder.get(b.stage) ?? 99) || a.position - b.position)
    .map((task) => ({
      id: task.id,
      title: task.title,
      group: stageName.get(task.stage) ?? task.stage,
      start: task.status === 'done' ? (task.actualStart ?? task.projectedStart) : task.projectedStart,
      finish: task.status === 'done' ? (task.actualFinish ?? task.projectedFinish) : task.projectedFinish,
      baselineStart: task.baselineStart,
      baselineFinish: task.baselineFinish,
      milestone: task.durationDays === 0 || task.milestoneKind !== null,
      critical: task.critical,
      slackDays: task.slackDays,
      side: task.owner.side,
      done: task.status === 'done' || task.status === 'skipped',
      started: task.actualStart !== null,
      detail: `${STATUS_LABELS[task.status]} · ${task.owner.side === 'customer' ? 'Customer' : 'Vendor'}: ${roleLabel(task.owner)}${task.assignee ? ` (${task.assignee.name})` : ''}`,
    }));
}

const ZOOMS: { value: GanttZoom; label: string }[] = [
  { value: 'fit', label: 'Fit' },
  { value: 'days', label: 'Days' },
  { value: 'weeks', label: 'Weeks' },
  { value: 'months', label: 'Months' },
];

/** The zoom each person last chose, kept in this browser. */
function useRememberedZoom(memberId: string): [GanttZoom, (zoom: GanttZoom) => void] {
  const key = `landfall:gantt-zoom:${memberId}`;
  const [zoom, setZoom] = useState<GanttZoom>(() => {
    try {
      const saved = window.localStorage.getItem(key);
      return GANTT_ZOOMS.includes(saved as GanttZoom) ? (saved as GanttZoom) : 'fit';
    } catch {
      return 'fit';
    }
  });
  const choose = (next: GanttZoom) => {
    setZoom(next);
    try {
      window.localStorage.setItem(key, next);
    } catch {
      // storage refused (private mode): the zoom holds for this visit only
    }
  };
  return [zoom, choose];
}

type PlanChange = { id: string; patch: Record<string, unknown>; done: string; undo?: { id: string; patch: Record<string, unknown> } };

export function ProjectGantt({ project, onOpenTask }: { project: Project; onOpenTask: (id: string) => void }) {
  const rows = useMemo(() => projectGanttRows(project), [project]);
  const links = useMemo(() => project.dependencies.map((d) => ({ from: d.predecessorId, to: d.successorId })), [project.dependencies]);
  const [zoom, setZoom] = useRememberedZoom(useSession().member.id);
  const canWrite = useCanWrite() && project.status !== 'closed';
  const calendar = useWorkspaceCalendar();
  const queryClient = useQueryClient();
  const notify = useToast();
  const title = (id: string) => project.tasks.find((t) => t.id === id)?.title ?? 'a task';
  const predecessorsOf = (id: string) => project.dependencies.filter((d) => d.successorId === id).map((d) => ({ taskId: d.predecessorId, lagDays: d.lagDays }));

  // Every change goes through the same PATCH as the task drawer, so the engine re-plans what follows and the
  // history records the change with the engine's moves under it; the toast offers to put it back.
  const change = useMutation({
    mutationFn: ({ id, patch }: PlanChange) => api.patch(`/tasks/${id}`, patch),
    onSuccess: (_result, { done, undo }) => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.detail(project.id) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.history(project.id) });
      notify(done, 'success', undo ? { label: 'Undo', onClick: () => change.mutate({ ...undo, done: 'Undone; dates updated' }) } : undefined);
    },
    onError: (error) => notify(errorText(error), 'error'),
  });

  // A bar dropped N days away starts (by hand) on that day, a working day as the chart snapped it.
  const move = (id: string, days: number) => {
    const task = project.tasks.find((t) => t.id === id);
    const from = task?.projectedStart ?? task?.projectedFinish;
    if (!task || !from) return;
    const start = businessDayOnOrAfter(addCalendarDays(from, days), calendar);
    change.mutate({
      id,
      patch: { pinnedStart: start, reason: 'Moved on the Gantt chart' },
      done: `${task.title} now starts ${formatShortDate(start)}; what follows it moved too`,
      undo: { id, patch: { pinnedStart: task.pinnedStart, reason: 'Move undone on the Gantt chart' } },
    });
  };
  const link = (from: string, to: string) => {
    const refusal = linkRefusal(project.dependencies, from, to, title);
    if (refusal) {
      notify(refusal, 'error'); // nothing is sent: the plan stays as it is
      return;
    }
    const before = predecessorsOf(to);
    change.mutate({
      id: to,
      patch: { dependsOn: [...before, { taskId: from, lagDays: 0 }], reason: 'Linked on the Gantt chart' },
      done: `${title(to)} now waits for ${title(from)}`,
      undo: { id: to, patch: { dependsOn: before, reason: 'Link undone on the Gantt chart' } },
    });
  };
  const unlink = (from: string, to: string) => {
    const before = predecessorsOf(to);
    change.mutate({
      id: to,
      patch: { dependsOn: before.filter((d) => d.taskId !== from), reason: 'Link removed on the Gantt chart' },
      done: `${title(to)} no longer waits for ${title(from)}`,
      undo: { id: to, patch: { dependsOn: before, reason: 'Link removal undone on the Gantt chart' } },
    });
  };
  const editable = canWrite && !change.isPending;

  if (rows.length === 0) return <p className="muted card card-pad">This project has no tasks yet: add one to see it on the chart.</p>;
  return (
    <div className="card card-flush">
      <div className="gantt-toolbar">
        <GanttLegend />
        <div className="gantt-zoom" role="group" aria-label="Zoom">
          {ZOOMS.map((option) => (
            <button key={option.value} type="button" className={`chip${zoom === option.value ? ' is-active' : ''}`} aria-pressed={zoom === option.value} onClick={() => setZoom(option.value)}>
              {option.label}
            </button>
          ))}
        </div>
      </div>
      {canWrite && (
        <p className="gantt-hint muted">
          Drag a bar or milestone to move its start (what follows moves too); drag the dot at its end onto another task to make that task wait for it; click a link to
          remove it. By keyboard: ← → then Enter moves, L then ↑ ↓ and Enter links, Delete removes a link.
        </p>
      )}
      <GanttChart
        rows={rows}
        links={links}
        today={project.today}
        label={`Gantt chart of ${project.name}`}
        onSelect={onOpenTask}
        zoom={zoom}
        calendar={calendar}
        onMove={editable ? move : undefined}
        onLink={editable ? link : undefined}
        onUnlink={editable ? unlink : undefined}
      />
    </div>
  );
}

export function GanttLegend({ preview = false }: { preview?: boolean }) {
  return (
    <ul className="gantt-legend" aria-label="Legend">
      <li>
        <span className="legend-swatch legend-vendor" /> Vendor task
      </li>
      <li>
        <span className="legend-swatch legend-customer" /> Customer task
      </li>
      <li>
        <span className="legend-swatch legend-critical" /> Critical path
      </li>
      {!preview && (
        <>
          <li>
            <span className="legend-swatch legend-done" /> Done
          </li>
          <li>
            <span className="legend-baseline" /> Baseline
          </li>
        </>
      )}
      <li>
        <span className="legend-diamond" /> Milestone
      </li>
      {!preview && (
        <li>
          <span className="legend-today" /> Today
        </li>
      )}
    </ul>
  );
}

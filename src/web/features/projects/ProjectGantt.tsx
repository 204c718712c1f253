import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../../app/api.ts';
import { useCanWrite } from '../../app/session.tsx';
import { errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { addCalendarDays, businessDayOnOrAfter, useWorkspaceCalendar } from './dates.ts';
import { GanttChart, type GanttRow, type GanttZoom } from './GanttChart.tsx';
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
      detail: `${STATUS_LABELS[task.status]} · ${task.owner.side === 'customer' ? 'Customer' : 'Vendor'}: ${roleLabel(task.owner)}${task.assignee ? ` (${task.assignee.name})` : ''}`,
    }));
}

const ZOOMS: { value: GanttZoom; label: string }[] = [
  { value: 'fit', label: 'Fit' },
  { value: 'days', label: 'Days' },
  { value: 'weeks', label: 'Weeks' },
  { value: 'months', label: 'Months' },
];

export function ProjectGantt({ project, onOpenTask }: { project: Project; onOpenTask: (id: string) => void }) {
  const rows = useMemo(() => projectGanttRows(project), [project]);
  const links = useMemo(() => project.dependencies.map((d) => ({ from: d.predecessorId, to: d.successorId })), [project.dependencies]);
  const [zoom, setZoom] = useState<GanttZoom>('fit');
  const canWrite = useCanWrite() && project.status !== 'closed';
  const calendar = useWorkspaceCalendar();
  const queryClient = useQueryClient();
  const notify = useToast();
  // A bar dropped N days away: its start is set by hand to the first business day from there, through the same
  // PATCH as the task drawer, so the engine moves what follows and the history records it.
  const move = useMutation({
    mutationFn: ({ id, days }: { id: string; days: number }) => {
      const task = project.tasks.find((t) => t.id === id)!;
      const from = task.pinnedStart ?? task.projectedStart ?? task.projectedFinish!;
      return api.patch(`/tasks/${id}`, { pinnedStart: businessDayOnOrAfter(addCalendarDays(from, days), calendar), reason: 'Moved on the Gantt chart' });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.detail(project.id) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.history(project.id) });
    },
    onError: (error) => notify(errorText(error)),
  });
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
      {canWrite && <p className="gantt-hint muted">Drag a bar to move its start; what follows it moves too.</p>}
      <GanttChart
        rows={rows}
        links={links}
        today={project.today}
        label={`Gantt chart of ${project.name}`}
        onSelect={onOpenTask}
        zoom={zoom}
        onMove={canWrite && !move.isPending ? (id, days) => move.mutate({ id, days }) : undefined}
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

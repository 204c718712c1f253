import { useMemo } from 'react';
import { GanttChart, type GanttRow } from './GanttChart.tsx';
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

export function ProjectGantt({ project, onOpenTask }: { project: Project; onOpenTask: (id: string) => void }) {
  const rows = useMemo(() => projectGanttRows(project), [project]);
  const links = useMemo(() => project.dependencies.map((d) => ({ from: d.predecessorId, to: d.successorId })), [project.dependencies]);
  if (rows.length === 0) return <p className="muted card card-pad">This project has no tasks yet: add one to see it on the chart.</p>;
  return (
    <div className="card card-flush">
      <GanttLegend />
      <GanttChart rows={rows} links={links} today={project.today} label={`Gantt chart of ${project.name}`} onSelect={onOpenTask} />
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

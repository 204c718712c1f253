import { useCanWrite } from '../../app/session.tsx';
import { Select } from '../../components/ui/Field.tsx';
import { formatRange, formatShortDate } from './dates.ts';
import { HealthBadge, OwnerBadge, STATUS_LABELS, TASK_STATUSES } from './labels.tsx';
import type { Project, ProjectTask, TaskStatus } from './projects.api.ts';
import { useStatusChange } from './StatusChange.tsx';
import './projects.css';

const moveOptions = TASK_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

/** Columns by status; a card moves with its "Move to" select (done asks the day, stuck asks why). */
export function BoardTab({ project, onOpenTask }: { project: Project; onOpenTask: (id: string) => void }) {
  const canWrite = useCanWrite() && project.status !== 'closed';
  const status = useStatusChange(project);
  const stageName = new Map(project.stages.map((stage) => [stage.key, stage.name]));
  const columns = TASK_STATUSES.map((key) => ({
    key,
    tasks: project.tasks
      .filter((task) => task.status === key)
      .sort((a, b) => (a.projectedStart ?? '').localeCompare(b.projectedStart ?? '') || a.position - b.position),
  }));
  return (
    <div className="board">
      {columns.map((column) => (
        <section key={column.key} className={`board-column board-${column.key}`} aria-labelledby={`board-${column.key}`}>
          <h3 className="board-title" id={`board-${column.key}`}>
            {STATUS_LABELS[column.key]}
            <span className="section-count">{column.tasks.length}</span>
          </h3>
          {column.tasks.length === 0 ? (
            <p className="board-empty">{column.key === 'stuck' ? 'Nothing is stuck.' : 'No tasks.'}</p>
          ) : (
            <ul className="board-cards">
              {column.tasks.map((task) => (
                <BoardCard
                  key={task.id}
                  task={task}
                  stage={stageName.get(task.stage) ?? task.stage}
                  canWrite={canWrite}
                  onOpen={() => onOpenTask(task.id)}
                  onMove={(next) => status.change(task, next)}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
      {status.dialog}
    </div>
  );
}

function BoardCard({
  task,
  stage,
  canWrite,
  onOpen,
  onMove,
}: {
  task: ProjectTask;
  stage: string;
  canWrite: boolean;
  onOpen: () => void;
  onMove: (status: TaskStatus) => void;
}) {
  const milestone = task.milestoneKind !== null || task.durationDays === 0;
  return (
    <li className={`board-card${task.critical ? ' is-critical' : ''}`}>
      <button type="button" className="link-button board-card-title" onClick={onOpen}>
        {task.title}
      </button>
      <div className="board-card-meta">
        <OwnerBadge owner={task.owner} />
        {task.health !== 'on_track' && <HealthBadge health={task.health} />}
      </div>
      <p className="board-card-dates">
        {stage} · {milestone ? formatShortDate(task.projectedFinish) : formatRange(task.projectedStart, task.projectedFinish)}
        {task.assignee && ` · ${task.assignee.name}`}
      </p>
      {task.status === 'stuck' && task.stuckReason && <p className="stuck-reason">Stuck: {task.stuckReason}</p>}
      {canWrite && (
        <label className="board-move">
          <span>Move to</span>
          <Select
            className="select-sm"
            aria-label={`Move ${task.title} to`}
            value={task.status}
            options={moveOptions}
            onChange={(event) => onMove(event.target.value as TaskStatus)}
          />
        </label>
      )}
    </li>
  );
}

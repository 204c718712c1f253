import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import type { ReactNode } from 'react';
import { useCanWrite } from '../../app/session.tsx';
import { PersonLink } from '../contacts/ContactLink.tsx';
import { Select } from '../../components/ui/Field.tsx';
import { formatRange, formatShortDate } from './dates.ts';
import { HealthBadge, OwnerBadge, STATUS_LABELS, TASK_STATUSES } from './labels.tsx';
import type { Project, ProjectTask, TaskStatus } from './projects.api.ts';
import { useStatusChange } from './StatusChange.tsx';
import './projects.css';

const moveOptions = TASK_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

/**
 * Columns by status; a card moves by dragging it (pointer, or its handle with Space and the arrow keys) or with its
 * "Move to" select, through the same status change as the plan's menu (done asks the day, stuck asks why).
 */
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
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor));
  const taskById = new Map(project.tasks.map((task) => [task.id, task]));
  const titleOf = (id: string | number) => taskById.get(String(id))?.title ?? 'the task';
  const columnName = (id: string | number | undefined) => (id ? STATUS_LABELS[id as TaskStatus] : undefined);
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}. Use the arrow keys to move it to another column, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) => (over ? `${titleOf(active.id)} is over ${columnName(over.id)}.` : `${titleOf(active.id)} is not over a column.`),
    onDragEnd: ({ active, over }) => (over ? `${titleOf(active.id)} dropped on ${columnName(over.id)}.` : `${titleOf(active.id)} was dropped back.`),
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const task = taskById.get(String(active.id));
    if (task && over && over.id !== task.status) status.change(task, over.id as TaskStatus);
  };
  return (
    <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={{ announcements }}>
      <div className="board">
        {columns.map((column) => (
          <BoardColumn key={column.key} status={column.key} count={column.tasks.length}>
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
          </BoardColumn>
        ))}
        {status.dialog}
      </div>
    </DndContext>
  );
}

/** A status column: where a dragged card lands. */
function BoardColumn({ status, count, children }: { status: TaskStatus; count: number; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: status });
  return (
    <section ref={setNodeRef} className={`board-column board-${status}${isOver ? ' is-drop-target' : ''}`} aria-labelledby={`board-${status}`} data-status={status}>
      <h3 className="board-title" id={`board-${status}`}>
        {STATUS_LABELS[status]}
        <span className="section-count">{count}</span>
      </h3>
      {children}
    </section>
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
  const { setNodeRef, transform, isDragging, attributes, listeners } = useDraggable({ id: task.id, disabled: !canWrite });
  const moving = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined;
  return (
    <li ref={setNodeRef} style={moving} className={`board-card${task.critical ? ' is-critical' : ''}${isDragging ? ' is-dragging' : ''}`}>
      <div className="board-card-head">
        <button type="button" className="link-button board-card-title" onClick={onOpen}>
          {task.title}
        </button>
        {canWrite && (
          <button type="button" className="board-drag-handle" aria-label={`Drag ${task.title} to another column`} {...attributes} {...listeners}>
            <svg viewBox="0 0 12 16" width="10" height="14" aria-hidden="true">
              <path d="M3 3h.01M9 3h.01M3 8h.01M9 8h.01M3 13h.01M9 13h.01" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" />
            </svg>
          </button>
        )}
      </div>
      <div className="board-card-meta">
        <OwnerBadge owner={task.owner} />
        {task.health !== 'on_track' && <HealthBadge health={task.health} />}
      </div>
      <p className="board-card-dates">
        {stage} · {milestone ? formatShortDate(task.projectedFinish) : formatRange(task.projectedStart, task.projectedFinish)}
        {task.assignee && (
          <>
            {' · '}
            <PersonLink person={task.assignee} />
          </>
        )}
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

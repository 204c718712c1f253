import { useMemo, useState, type ChangeEvent, type ReactNode } from 'react';
import { HISTORY_CATEGORIES, HISTORY_CATEGORY_LABELS } from '../../../core/history/categories.ts';
import { plural } from '../../../core/words.ts';
import { formatDateTime } from '../../app/format.ts';
import { Button } from '../../components/ui/Button.tsx';
import { Select } from '../../components/ui/Field.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { formatShortDate } from './dates.ts';
import { STATUS_LABELS } from './labels.tsx';
import { useProjectDelays, useProjectHistory, type DelayEventOut, type Project, type ProjectEvent, type TaskStatus } from './projects.api.ts';
import { slipSummary } from './ProjectPage.tsx';
import { DelayBar } from './progress.tsx';
import { describeSuccessPlanEvent } from '../success-plans/successPlanHistory.ts';
import './projects.css';

/** Who moved what, and every milestone slip with the side it is owed to. */
export function HistoryTab({ project }: { project: Project }) {
  const history = useProjectHistory(project.id);
  const delays = useProjectDelays(project.id);
  return (
    <div className="history">
      <Section title="Delays" description="Each time a milestone moved: by how many business days, because of which task, owed to whom.">
        <div className="delay-summary card card-pad">
          <strong>{slipSummary(project.delayDays)}</strong>
          <DelayBar customer={project.delayDays.customer} vendor={project.delayDays.vendor} />
        </div>
        {delays.isPending ? (
          <LoadingState label="Loading delays…" />
        ) : delays.isError ? (
          <ErrorState error={delays.error} onRetry={() => void delays.refetch()} />
        ) : delays.data.length === 0 ? (
          <p className="muted history-empty">No milestone has moved yet.</p>
        ) : (
          <div className="card card-flush">
            <Table caption="Milestone delays">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Milestone</th>
                  <th scope="col">Moved</th>
                  <th scope="col" className="num">
                    Business days
                  </th>
                  <th scope="col">Owed to</th>
                  <th scope="col">Because of</th>
                </tr>
              </thead>
              <tbody>
                {delays.data.map((delay) => (
                  <DelayRow key={delay.id} delay={delay} />
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </Section>

      <Section title="History" description="Every change to the plan, newest first. The engine’s date moves sit under the change that caused them.">
        {history.isPending ? (
          <LoadingState label="Loading history…" />
        ) : history.isError ? (
          <ErrorState error={history.error} onRetry={() => void history.refetch()} />
        ) : history.data.length === 0 ? (
          <div className="card">
            <EmptyState title="Nothing has changed yet">Status changes, moved dates and added tasks appear here, with who did it and why.</EmptyState>
          </div>
        ) : (
          <HistoryList events={history.data} />
        )}
      </Section>
    </div>
  );
}

const PAGE = 50;

/** The history with its filters (kind of change, person, task), the engine's moves grouped, 50 entries at a time. */
function HistoryList({ events }: { events: ProjectEvent[] }) {
  const [category, setCategory] = useState('');
  const [actor, setActor] = useState('');
  const [taskId, setTaskId] = useState('');
  const [shown, setShown] = useState(PAGE);
  const options = useMemo(() => historyFilterOptions(events), [events]);
  const entries = useMemo(
    () =>
      groupMoves(
        events.filter(
          (event) => (category === '' || event.category === category) && (actor === '' || event.actorName === actor) && (taskId === '' || event.taskId === taskId),
        ),
      ),
    [events, category, actor, taskId],
  );
  const filtered = category !== '' || actor !== '' || taskId !== '';
  const narrow = (set: (value: string) => void) => (event: ChangeEvent<HTMLSelectElement>) => {
    set(event.target.value);
    setShown(PAGE);
  };
  return (
    <>
      <div className="history-filters" role="group" aria-label="Filter the history">
        <Select aria-label="Kind of change" value={category} onChange={narrow(setCategory)} placeholder="Every kind of change" options={options.categories} />
        <Select aria-label="Person" value={actor} onChange={narrow(setActor)} placeholder="Anyone" options={options.actors} />
        <Select aria-label="Task" value={taskId} onChange={narrow(setTaskId)} placeholder="Every task" options={options.tasks} />
        {filtered && (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setCategory('');
              setActor('');
              setTaskId('');
              setShown(PAGE);
            }}
          >
            Clear filters
          </Button>
        )}
      </div>
      {entries.length === 0 ? (
        <p className="muted history-empty">No change matches these filters. Clear them to see the whole history.</p>
      ) : (
        <ol className="event-list card">
          {entries.slice(0, shown).map((entry) => (
            <HistoryEntry key={entry.line.id} entry={entry} />
          ))}
        </ol>
      )}
      {entries.length > shown && (
        <div className="history-more">
          <Button size="sm" onClick={() => setShown((count) => count + PAGE)}>
            Show {Math.min(PAGE, entries.length - shown)} more
          </Button>
          <span className="muted">
            {shown} of {entries.length} shown
          </span>
        </div>
      )}
    </>
  );
}

function HistoryEntry({ entry }: { entry: HistoryGroup }) {
  const { line, moves } = entry;
  const meta = (
    <span className="event-meta">
      {line.actorName} · {formatDateTime(line.createdAt)}
    </span>
  );
  if (line.groupId !== null && moves.length > 0) return <MovesEntry moves={[line, ...moves]} meta={meta} />;
  return (
    <li className={`event event-${line.kind}`}>
      <span className="event-text">{describeEvent(line)}</span>
      {line.reason && <span className="event-reason">“{line.reason}”</span>}
      {meta}
      {moves.length > 0 && <MovesDetails moves={moves} />}
    </li>
  );
}

function MovesEntry({ moves, meta }: { moves: ProjectEvent[]; meta: ReactNode }) {
  return (
    <li className="event event-projected">
      <span className="event-text">The plan moved {plural(moves.length, 'date')}</span>
      {moves[0]?.reason && <span className="event-reason">“{moves[0].reason}”</span>}
      {meta}
      <MovesDetails moves={moves} label="Which dates" />
    </li>
  );
}

function MovesDetails({ moves, label }: { moves: ProjectEvent[]; label?: string }) {
  return (
    <details className="event-moves">
      <summary>{label ?? (moves.length === 1 ? 'Then 1 date moved' : `Then ${moves.length} dates moved`)}</summary>
      <ul>
        {moves.map((move) => (
          <li key={move.id}>{describeEvent(move)}</li>
        ))}
      </ul>
    </details>
  );
}

function DelayRow({ delay }: { delay: DelayEventOut }) {
  return (
    <tr>
      <td className="nowrap">{formatDateTime(delay.createdAt)}</td>
      <td>{delay.milestoneTitle}</td>
      <td className="nowrap">
        {formatShortDate(delay.fromDate)} → {formatShortDate(delay.toDate)}
      </td>
      <td className={`num ${delay.days > 0 ? 'slip-late' : 'slip-early'}`}>{delay.days > 0 ? `+${delay.days}` : delay.days}</td>
      <td>
        <Badge tone={delay.side === 'customer' ? 'teal' : 'blue'}>{delay.side === 'customer' ? 'Customer' : 'Vendor'}</Badge>
      </td>
      <td>{delay.causeTaskTitle}</td>
    </tr>
  );
}

const FIELD_LABELS: Record<string, string> = {
  status: 'status',
  actualStart: 'actual start',
  actualFinish: 'actual finish',
  pinnedStart: 'start set by hand',
  durationDays: 'duration',
  effortHours: 'hours of work',
  title: 'title',
  description: 'description',
  checklist: 'checklist',
  customerVisible: 'customer visibility',
  stuckReason: 'stuck reason',
  assigneeMemberId: 'assignee',
  assigneeContactId: 'assignee',
  dependsOn: 'dependencies',
  projected_finish: 'projected finish',
};

const isDate = (value: string | null) => Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value));
function showValue(field: string | null, value: string | null): string {
  if (value === null || value === '') return 'nothing';
  if (isDate(value)) return formatShortDate(value);
  if (field === 'status') return STATUS_LABELS[value as TaskStatus] ?? value;
  if (field === 'durationDays') return `${value} business days`;
  if (field === 'checklist' || field === 'dependsOn') return 'a new list';
  if (value.length > 80) return `${value.slice(0, 80)}…`;
  return value;
}

export function describeEvent(event: ProjectEvent): string {
  const task = event.taskTitle ?? 'A task';
  switch (event.kind) {
    case 'created':
      return 'Project started';
    case 'task_added':
      return `Task added: ${event.toValue ?? task}`;
    case 'task_removed':
      return `Task removed: ${event.fromValue ?? task}`;
    case 'success_plan':
      return describeSuccessPlanEvent(event);
    case 'escalation': // reminders and escalation: the line says it all
      return event.toValue ?? 'Escalation';
    case 'readiness':
      return event.toValue ?? 'Readiness changed';
    case 'projected':
      return `${task}: projected finish ${showValue(null, event.fromValue)} → ${showValue(null, event.toValue)}`;
    default: {
      const field = event.field ? (FIELD_LABELS[event.field] ?? event.field) : 'changed';
      if (event.field === 'dependsOn') {
        // Lines written before the tasks were named carry the raw list: say only that it changed.
        if (event.toValue === null || /^[[{]/.test(event.toValue)) return `${task}: dependencies changed`;
        const now = event.toValue ? `now depends on ${event.toValue}` : 'now depends on no other task';
        return `${task} ${now}${event.fromValue ? ` (before: ${event.fromValue})` : ''}`;
      }
      if (event.field === 'assigneeMemberId' || event.field === 'assigneeContactId') return `${task}: assignee changed`;
      return `${task}: ${field} ${showValue(event.field, event.fromValue)} → ${showValue(event.field, event.toValue)}`;
    }
  }
}

export interface HistoryGroup {
  line: ProjectEvent;
  /** The engine's date moves the line caused (or, for a re-plan nobody's change caused, the rest of its moves). */
  moves: ProjectEvent[];
}

/**
 * Folds each re-plan's moved dates (lines sharing a groupId) under the change recorded at the same moment just
 * before it; a re-plan with no such change (the nightly one) becomes one entry of its own.
 */
export function groupMoves(events: readonly ProjectEvent[]): HistoryGroup[] {
  const groups: HistoryGroup[] = [];
  let current: HistoryGroup | undefined;
  for (const event of causesFirst(events)) {
    if (event.groupId !== null && current !== undefined) {
      const sameGroup = current.line.groupId === event.groupId || current.moves[0]?.groupId === event.groupId;
      const causedBy = current.line.groupId === null && current.moves.length === 0 && current.line.createdAt === event.createdAt;
      if (sameGroup || causedBy) {
        current.moves.push(event);
        continue;
      }
    }
    current = { line: event, moves: [] };
    groups.push(current);
  }
  return groups;
}

/**
 * A change and the re-plan it caused are written at the same instant, and lines of one instant come in no set order
 * (their ids are random): within an instant, the changes are put before the moves, so the moves fold under them.
 */
function causesFirst(events: readonly ProjectEvent[]): ProjectEvent[] {
  const ordered: ProjectEvent[] = [];
  for (let start = 0; start < events.length; ) {
    let end = start;
    while (end < events.length && events[end]!.createdAt === events[start]!.createdAt) end++;
    const instant = events.slice(start, end);
    ordered.push(...instant.filter((event) => event.groupId === null), ...instant.filter((event) => event.groupId !== null));
    start = end;
  }
  return ordered;
}

/** The filters' choices, from the lines at hand: kinds with how many lines each, people, tasks. */
export function historyFilterOptions(events: readonly ProjectEvent[]) {
  const counts = new Map<string, number>();
  const actors = new Set<string>();
  const tasks = new Map<string, string>();
  for (const event of events) {
    counts.set(event.category, (counts.get(event.category) ?? 0) + 1);
    actors.add(event.actorName);
    if (event.taskId !== null && event.taskTitle !== null) tasks.set(event.taskId, event.taskTitle);
  }
  return {
    categories: HISTORY_CATEGORIES.filter((category) => counts.has(category)).map((category) => ({
      value: category,
      label: `${HISTORY_CATEGORY_LABELS[category]} (${counts.get(category)})`,
    })),
    actors: [...actors].sort((a, b) => a.localeCompare(b)).map((name) => ({ value: name, label: name })),
    tasks: [...tasks].sort((a, b) => a[1].localeCompare(b[1])).map(([value, label]) => ({ value, label })),
  };
}

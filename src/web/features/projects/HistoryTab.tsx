import { formatDateTime } from '../../app/format.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { formatShortDate } from './dates.ts';
import { STATUS_LABELS } from './labels.tsx';
import { useProjectDelays, useProjectHistory, type DelayEventOut, type Project, type ProjectEvent, type TaskStatus } from './projects.api.ts';
import { slipSummary } from './ProjectPage.tsx';
import { DelayBar } from './ProjectsPage.tsx';
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

      <Section title="History" description="Every change to the plan, newest first.">
        {history.isPending ? (
          <LoadingState label="Loading history…" />
        ) : history.isError ? (
          <ErrorState error={history.error} onRetry={() => void history.refetch()} />
        ) : history.data.length === 0 ? (
          <div className="card">
            <EmptyState title="Nothing has changed yet">Status changes, moved dates and added tasks appear here, with who did it and why.</EmptyState>
          </div>
        ) : (
          <ol className="event-list card">
            {history.data.map((event) => (
              <li key={event.id} className={`event event-${event.kind}`}>
                <span className="event-text">{describeEvent(event)}</span>
                {event.reason && <span className="event-reason">“{event.reason}”</span>}
                <span className="event-meta">
                  {event.actorName} · {formatDateTime(event.createdAt)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Section>
    </div>
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
      if (event.field === 'dependsOn') return `${task}: dependencies changed`;
      if (event.field === 'assigneeMemberId' || event.field === 'assigneeContactId') return `${task}: assignee changed`;
      return `${task}: ${field} ${showValue(event.field, event.fromValue)} → ${showValue(event.field, event.toValue)}`;
    }
  }
}

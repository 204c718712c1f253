import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../app/api.ts';
import { formatDate } from '../../app/format.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { formatShortDate } from '../projects/dates.ts';
import type { Project } from '../projects/projects.api.ts';
import { projectEscalationKey, type CustomerTask, type ProjectEscalation as Escalation } from './escalation.api.ts';
import './escalation.css';

const days = (n: number) => `${n} business day${n === 1 ? '' : 's'}`;

/** "Stalled, waiting on customer" on a project row of the portfolio. */
export function StalledBadge({ since }: { since: string | null }) {
  if (!since) return null;
  return (
    <Badge tone="red" title={`Flagged by the escalation ladder on ${formatDate(since)}`}>
      Stalled, waiting on customer
    </Badge>
  );
}

/**
 * The project's customer silence: the stalled flag, the overdue customer tasks and where the project is on the
 * escalation ladder. Says nothing when nothing the customer owes is overdue or due tomorrow.
 */
export function ProjectEscalation({ project }: { project: Project }) {
  // Refetched whenever a task is done or the flag changes (both are in the project itself).
  const escalation = useQuery({
    queryKey: [...projectEscalationKey(project.id), project.tasksDone, project.stalledSince],
    queryFn: () => api.get<Escalation>(`/projects/${project.id}/escalation`),
  });
  const data = escalation.data;
  if (!data || (data.overdueTasks.length === 0 && data.dueSoon.length === 0 && !data.stalledSince)) return null;
  return (
    <section className={`escalation card card-pad${data.stalledSince ? ' is-stalled' : ''}`} aria-label="Customer silence">
      <header className="escalation-head">
        {data.stalledSince ? (
          <>
            <Badge tone="red">Stalled, waiting on customer</Badge>
            <span>since {formatDate(data.stalledSince)}</span>
          </>
        ) : data.overdueTasks.length > 0 ? (
          <Badge tone="amber">Waiting on customer</Badge>
        ) : (
          <Badge tone="blue">Customer tasks due</Badge>
        )}
        {data.describe && <span className="escalation-describe">{data.describe}</span>}
        <Link className="escalation-history" to={`/projects/${project.id}?tab=history`}>
          See history
        </Link>
      </header>
      {!data.enabled && (
        <p className="muted">
          Reminders and escalation are off in this workspace: nobody is reminded. <Link to="/settings/escalation">Turn them on</Link>
        </p>
      )}
      <div className="escalation-body">
        {data.overdueTasks.length > 0 && <TaskList title="Overdue" tasks={data.overdueTasks} overdue />}
        {data.dueSoon.length > 0 && <TaskList title="Due by the next business day (the assignee is reminded)" tasks={data.dueSoon} />}
        {data.episode && data.enabled && <Ladder episode={data.episode} />}
      </div>
    </section>
  );
}

/** The ladder folded to one line (how far it has climbed, what comes next); opened, every step with its day. */
function Ladder({ episode }: { episode: NonNullable<Escalation['episode']> }) {
  const steps = episode.steps.filter((step) => step.enabled);
  const done = steps.filter((step) => step.firedOn).length;
  const next = steps.find((step) => !step.firedOn);
  return (
    <details className="ladder-fold">
      <summary>
        <span className="escalation-subtitle">Escalation ladder</span>{' '}
        <span className="muted">
          {done} of {steps.length} steps done
          {next ? ` · next: ${next.label.toLowerCase()} in ${days(Math.max(next.overdueDays - episode.overdueDays, 0))}` : ''}
        </span>
      </summary>
      <ol className="ladder">
        {steps.map((step) => (
          <li key={`${step.overdueDays}:${step.action}`} className={step.firedOn ? 'is-done' : ''}>
            <span className="ladder-day">Day {step.overdueDays}</span>
            <span>{step.label}</span>
            <span className="ladder-when">{step.firedOn ? `done ${formatShortDate(step.firedOn)}` : `in ${days(Math.max(step.overdueDays - episode.overdueDays, 0))}`}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}

function TaskList({ title, tasks, overdue = false }: { title: string; tasks: CustomerTask[]; overdue?: boolean }) {
  return (
    <div>
      <h3 className="escalation-subtitle">{title}</h3>
      <ul className="escalation-tasks">
        {tasks.map((task) => (
          <li key={task.taskId}>
            <strong>{task.title}</strong>
            <span className="muted"> · {task.assigneeName ?? 'nobody assigned'} · due {formatShortDate(task.dueOn)}</span>
            {overdue && <span className="slip slip-late">{days(task.overdueDays)} overdue</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

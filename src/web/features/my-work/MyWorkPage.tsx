import { Link } from 'react-router';
import type { MyWorkKind } from '../../../contract/my-work.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useDismiss, useFinishTask, useMarkProjectSeen, useMyWork, type MyWorkItem } from './myWork.api.ts';
import './my-work.css';

/** The page's groups, in the order a manager reads them. */
const GROUPS: { title: string; pick: (item: MyWorkItem) => boolean }[] = [
  { title: 'Overdue', pick: (i) => i.kind === 'task' && i.overdue },
  { title: 'Due this week', pick: (i) => i.kind === 'task' && !i.overdue },
  { title: 'Waiting on you', pick: (i) => i.kind === 'sign_off' || i.kind === 'answer' },
  { title: 'Mentions', pick: (i) => i.kind === 'mention' },
  { title: 'Customer replies', pick: (i) => i.kind === 'reply' },
  { title: 'Changed since you last looked', pick: (i) => i.kind === 'project' },
];

const KIND_LABEL: Record<MyWorkKind, string> = {
  task: 'Task',
  sign_off: 'Sign-off',
  answer: 'Answers',
  mention: 'Mention',
  reply: 'Reply',
  project: 'Project',
};

/** A workspace day plus some days, as YYYY-MM-DD. */
const addDays = (isoDate: string, days: number) => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

export function MyWorkPage() {
  useDocumentTitle('My work');
  const work = useMyWork();
  return (
    <div className="page my-work">
      <PageHeader title="My work" description="What is due on your projects, and what customers and colleagues are waiting on you for." />
      {work.isPending ? (
        <LoadingState label="Loading your work…" />
      ) : work.isError ? (
        <ErrorState error={work.error} onRetry={() => void work.refetch()} />
      ) : work.data.items.length === 0 ? (
        <div className="card">
          <EmptyState title="Nothing is waiting on you" action={<ButtonLink to="/projects">See all projects</ButtonLink>}>
            Tasks due this week on your projects, customers’ sign-offs, answers and replies, and @mentions of you show up here.
          </EmptyState>
        </div>
      ) : (
        GROUPS.map((group) => {
          const items = work.data.items.filter(group.pick);
          if (!items.length) return null;
          return (
            <section key={group.title} className="card my-work-group" aria-label={group.title}>
              <h2 className="my-work-group-title">
                {group.title} <span className="my-work-group-count">{items.length}</span>
              </h2>
              <ul className="my-work-list">
                {items.map((item) => (
                  <MyWorkRow key={item.key} item={item} today={work.data.today} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </div>
  );
}

function MyWorkRow({ item, today }: { item: MyWorkItem; today: string }) {
  const notify = useToast();
  const dismiss = useDismiss();
  const finish = useFinishTask();
  const seen = useMarkProjectSeen();
  const busy = dismiss.isPending || finish.isPending || seen.isPending;
  const onError = (error: unknown) => notify(errorText(error), 'error');
  const done = () => {
    if (item.kind === 'task') finish.mutate(item.taskId!, { onSuccess: () => notify(`"${item.title}" is done`), onError });
    else if (item.kind === 'project') seen.mutate(item.projectId, { onError });
    else dismiss.mutate({ key: item.key }, { onError });
  };
  const snooze = (days: number) =>
    dismiss.mutate({ key: item.key, until: addDays(today, days) }, { onSuccess: () => notify(`Snoozed until ${formatDate(addDays(today, days))}`), onError });
  return (
    <li className="my-work-item">
      <div className="my-work-item-text">
        <Link to={item.href} className="my-work-item-title">
          {item.title}
        </Link>
        <div className="my-work-item-meta">
          <Badge tone={item.overdue ? 'red' : 'neutral'}>{KIND_LABEL[item.kind]}</Badge>
          <span>
            {item.projectName} · {item.accountName}
          </span>
          {item.dueOn && <span className={item.overdue ? 'my-work-overdue' : undefined}>{item.overdue ? 'was due' : 'due'} {formatDate(item.dueOn)}</span>}
          {item.at && <span>{formatDateTime(item.at)}</span>}
        </div>
        {item.detail && <p className="my-work-item-detail">{item.detail}</p>}
      </div>
      <div className="my-work-item-actions">
        <Button size="sm" onClick={done} disabled={busy} title={item.kind === 'task' ? 'Mark the task done' : 'Take it off your list'}>
          {item.kind === 'task' ? 'Done' : item.kind === 'project' ? 'Seen' : 'Done'}
        </Button>
        <select
          className="my-work-snooze"
          aria-label={`Snooze "${item.title}"`}
          value=""
          disabled={busy}
          onChange={(event) => event.target.value && snooze(Number(event.target.value))}
        >
          <option value="">Snooze…</option>
          <option value="1">Until tomorrow</option>
          <option value="3">For 3 days</option>
          <option value="7">For a week</option>
        </select>
      </div>
    </li>
  );
}

export default MyWorkPage;

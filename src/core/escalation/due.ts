// When a customer task is due, for reminders and escalation.
//
// Not its projected finish: the engine never lets an open task finish in the past (work not done by today
// is projected from today on), so a projected finish is never overdue. Not its baseline alone either: when
// the vendor's work before it ran late, the customer could not have done it by then. So a task is due on
// the later of its baseline finish and the finish the plan gives it from what really happened before it
// (predecessors' actual dates, the task's own start, a date moved by hand), without pushing anything to
// today. And only a task the customer can act on is due at all: one still waiting for an unfinished
// predecessor is not silence, it is waiting.
import type { IsoDate } from '../calendar.ts';
import { schedule } from '../schedule/index.ts';
import type { ProjectTask } from '../schedule/types.ts';
import type { BusinessCalendar } from '../calendar.ts';

const isClosed = (task: ProjectTask) => task.status === 'done' || task.status === 'skipped';

/** The due date of each open, customer-owned task the customer can act on now (every predecessor done or skipped). */
export function customerDueDates(tasks: readonly ProjectTask[], calendar: BusinessCalendar, projectStart: IsoDate): Map<string, IsoDate> {
  return dueDates(tasks, calendar, projectStart, 'customer');
}

/** The same for one side's tasks: the vendor's own ladder reads its open tasks this way too. */
export function dueDates(tasks: readonly ProjectTask[], calendar: BusinessCalendar, projectStart: IsoDate, side: 'customer' | 'vendor'): Map<string, IsoDate> {
  const due = new Map<string, IsoDate>();
  if (tasks.length === 0) return due;
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const asHappened = schedule({ tasks, calendar, projectStart, today: null });
  tasks.forEach((task, i) => {
    if (task.side !== side || isClosed(task) || task.milestoneKind) return;
    const waiting = (task.dependsOn ?? []).some((dependency) => {
      const predecessor = byId.get(dependency.taskId);
      return predecessor !== undefined && !isClosed(predecessor);
    });
    if (waiting) return;
    const planned = asHappened.tasks[i]!.finish;
    const baseline = task.baselineFinish ?? planned;
    due.set(task.id, baseline > planned ? baseline : planned);
  });
  return due;
}

// Small factories for the schedule tests: each test states only what matters to it.
import { MONDAY_TO_FRIDAY, type BusinessCalendar, type IsoDate } from '../calendar.ts';
import { schedule } from './schedule.ts';
import type { Dependency, ProjectTask, ProjectedTask, ScheduleResult } from './types.ts';

/** Monday 3 March 2025. */
export const DAY_0: IsoDate = '2025-03-03';

export const weekdays = (holidays: IsoDate[] = []): BusinessCalendar => ({
  timeZone: 'Europe/Paris',
  workingWeekdays: MONDAY_TO_FRIDAY,
  holidays,
});

export const makeTask = (id: string, fields: Partial<ProjectTask> = {}): ProjectTask => ({
  id,
  side: 'vendor',
  durationDays: 1,
  ...fields,
});

export const after = (taskId: string, lagDays = 0): Dependency => ({ taskId, lagDays });

export interface Scheduled extends ScheduleResult {
  task(id: string): ProjectedTask;
}

export function scheduleTasks(
  tasks: ProjectTask[],
  options: { today?: IsoDate; calendar?: BusinessCalendar; projectStart?: IsoDate } = {},
): Scheduled {
  const result = schedule({
    tasks,
    calendar: options.calendar ?? weekdays(),
    projectStart: options.projectStart ?? DAY_0,
    today: options.today ?? null,
  });
  return {
    ...result,
    task(id) {
      const found = result.tasks.find((t) => t.id === id);
      if (!found) throw new Error(`no task ${id}`);
      return found;
    },
  };
}

/** The tasks with their baselines: the plan as laid out on `day0` (as the server does when a project starts). */
export function withBaselines(tasks: ProjectTask[], day0: IsoDate = DAY_0, calendar: BusinessCalendar = weekdays()): ProjectTask[] {
  const laidOut = schedule({ tasks, calendar, projectStart: day0, today: day0 });
  return tasks.map((task, i) => ({ ...task, baselineStart: laidOut.tasks[i]!.start, baselineFinish: laidOut.tasks[i]!.finish }));
}

// What goes in a calendar: milestones and customer meetings of projects (whole days: the plan is in days), and
// webinars (timed, in UTC). Pure: rows in, calendar items out; the server writes them as iCalendar.

/** A task that is a meeting with the customer (kickoff, workshops, reviews, calls, trainings). */
export const isMeetingTask = (task: { key: string; title: string }) =>
  /\b(meeting|call|workshop|kick-?off|review|demo|training|steering|check-?in)s?\b/i.test(`${task.key.replace(/_/g, ' ')} ${task.title}`);

export interface CalendarTask {
  id: string;
  key: string;
  title: string;
  projectId: string;
  projectName: string;
  milestoneKind: string | null;
  status: string;
  projectedStart: string | null;
  projectedFinish: string | null;
  actualFinish: string | null;
}

export interface CalendarWebinar {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  durationMinutes: number;
  joinUrl: string;
}

export type CalendarItem =
  | { uid: string; title: string; description: string; url: string; kind: 'day'; startDay: string; /** exclusive */ endDay: string }
  | { uid: string; title: string; description: string; url: string; kind: 'timed'; startsAt: Date; durationMinutes: number };

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A milestone on the day it is (or was) reached; a meeting over its planned days. Others are not calendar items. */
export function taskItem(task: CalendarTask, link: string): CalendarItem | null {
  const meeting = isMeetingTask(task);
  if (!task.milestoneKind && !meeting) return null;
  const finish = task.actualFinish ?? task.projectedFinish;
  const start = task.milestoneKind ? finish : (task.projectedStart ?? finish);
  if (!start || !finish) return null;
  const done = task.status === 'done' ? ' (done)' : '';
  return {
    uid: `task-${task.id}@landfall`,
    title: `${task.milestoneKind ? 'Milestone: ' : ''}${task.title}${done} · ${task.projectName}`,
    description: `${task.milestoneKind ? 'Milestone' : 'Customer meeting'} of ${task.projectName}.\n${link}`,
    url: link,
    kind: 'day',
    startDay: start,
    endDay: nextDay(finish < start ? start : finish),
  };
}

/** The same UID as the webinar's emailed invitation, so a calendar holding both keeps one event. */
export const webinarItem = (webinar: CalendarWebinar): CalendarItem => ({
  uid: `webinar-${webinar.id}@landfall`,
  title: `Webinar: ${webinar.title}`,
  description: `${webinar.description}\n\nJoin: ${webinar.joinUrl}`.trim(),
  url: webinar.joinUrl,
  kind: 'timed',
  startsAt: webinar.startsAt,
  durationMinutes: webinar.durationMinutes,
});

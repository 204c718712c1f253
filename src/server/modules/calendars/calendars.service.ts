// Calendar feeds (a secret URL per member or project, revocable, regenerable), "add to calendar" files, and the
// calendar invitation of a customer meeting, emailed through the outbox with METHOD:REQUEST.
import { randomBytes } from 'node:crypto';
import { taskItem, webinarItem, type CalendarItem, type CalendarTask } from '../../../core/integrations/calendar.ts';
import { canWrite } from '../../../core/people.ts';
import type { CalendarFeedInput } from '../../../contract/integrations.ts';
import type { Ctx, Services } from '../../context.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { memberOf } from '../members/members.service.ts';
import { hashToken } from '../../security/secrets.ts';
import { calendarFile } from './ics.ts';
import * as repo from './calendars.repo.ts';

const base = (services: Services) => services.config.publicUrl.replace(/\/$/, '');
const WEBINARS_BACK_MS = 30 * 86_400_000;

/** Staff routes only: the access hook has admitted a member, token or system actor; leaders read only. */
const writer = (ctx: Ctx) => ctx.actor.kind !== 'contact' && canWrite(ctx.actor.role);
const isAdmin = (ctx: Ctx) => ctx.actor.kind !== 'contact' && ctx.actor.role === 'admin';

const presentFeed = (row: repo.FeedRow, url?: string) => ({
  id: row.id,
  scope: row.scope as 'member' | 'project',
  subjectId: row.subjectId,
  createdAt: row.createdAt.toISOString(),
  lastReadAt: row.lastReadAt?.toISOString() ?? null,
  ...(url ? { url } : {}),
});

export async function listCalendarFeeds(ctx: Ctx) {
  const memberId = ctx.actor.kind === 'member' ? ctx.actor.memberId : '00000000-0000-0000-0000-000000000000';
  return (await repo.feedsFor(ctx.db, ctx.workspaceId, memberId)).map((row) => presentFeed(row));
}

/** A new secret address; the subject's previous one stops working at once (regenerate = revoke + create). */
export async function createCalendarFeed(ctx: Ctx, input: CalendarFeedInput) {
  let subjectId: string;
  if (input.scope === 'member') {
    if (ctx.actor.kind !== 'member') throw forbidden('A personal calendar feed belongs to a signed-in member, not an API token.');
    subjectId = ctx.actor.memberId;
  } else {
    if (!input.projectId) throw invalid('projectId: name the project whose calendar this is', { path: ['body', 'projectId'] });
    if (!(await repo.projectExists(ctx.db, ctx.workspaceId, input.projectId))) throw notFound('project');
    if (!writer(ctx)) throw forbidden('Your role is read-only.');
    subjectId = input.projectId;
  }
  const now = ctx.services.now();
  const token = randomBytes(24).toString('base64url');
  await repo.revokeFeedsOf(ctx.db, ctx.workspaceId, input.scope, subjectId, now);
  const row = await repo.insertFeed(ctx.db, {
    workspaceId: ctx.workspaceId,
    scope: input.scope,
    subjectId,
    tokenHash: hashToken(token),
    createdBy: ctx.actor.kind === 'member' ? ctx.actor.memberId : null,
    createdAt: now,
  });
  return presentFeed(row, `${base(ctx.services)}/api/v1/calendar/${ctx.workspaceId}/${token}.ics`);
}

export async function revokeCalendarFeed(ctx: Ctx, feedId: string) {
  const row = await repo.findFeed(ctx.db, ctx.workspaceId, feedId);
  const own = row?.scope === 'member' && ctx.actor.kind === 'member' && row.subjectId === ctx.actor.memberId;
  if (!row || (row.scope === 'member' && !own && !isAdmin(ctx))) throw notFound('calendar feed');
  if (row.scope === 'project' && !writer(ctx)) throw forbidden('Your role is read-only.');
  await repo.revokeFeed(ctx.db, ctx.workspaceId, feedId, ctx.services.now());
}

const taskLink = (services: Services, task: CalendarTask) => `${base(services)}/projects/${task.projectId}`;
const itemsOf = (services: Services, tasks: CalendarTask[]) =>
  tasks.map((task) => taskItem(task, taskLink(services, task))).filter((item): item is CalendarItem => item !== null);

/** The feed behind a secret address, or "not found" (a revoked or unknown address says nothing more). */
export async function readCalendarFeed(services: Services, workspaceId: string, token: string) {
  const db = services.database.db;
  const feed = await repo.findLiveFeedByHash(db, workspaceId, hashToken(token));
  if (!feed) throw notFound('calendar feed');
  await repo.markRead(db, feed, services.now());
  if (feed.scope === 'project') {
    const tasks = await repo.projectCalendarTasks(db, workspaceId, feed.subjectId);
    return calendarFile(itemsOf(services, tasks), { name: `${tasks[0]?.projectName ?? 'Project'} (Landfall)` });
  }
  const tasks = await repo.memberTasks(db, workspaceId, feed.subjectId);
  const webinars = await repo.webinarsSince(db, workspaceId, new Date(services.now().getTime() - WEBINARS_BACK_MS));
  return calendarFile([...itemsOf(services, tasks), ...webinars.map(webinarItem)], { name: 'My onboarding calendar (Landfall)' });
}

/** One milestone or meeting as a file to add to a calendar (the portal's "Add to calendar"). */
export async function taskCalendarFile(ctx: Ctx, projectId: string, taskId: string, link: string, options: { customerVisibleOnly: boolean }) {
  const task = await repo.calendarTask(ctx.db, ctx.workspaceId, taskId);
  if (!task || task.projectId !== projectId || (options.customerVisibleOnly && !task.customerVisible)) throw notFound('task');
  const item = taskItem(task, link);
  if (!item) throw invalid('taskId: only milestones and meetings go in a calendar', { path: ['params', 'taskId'] });
  return calendarFile([item], { name: task.projectName });
}

/**
 * A customer meeting's invitation: an email to each contact with the event as METHOD:REQUEST (accept/decline in
 * their calendar), written to the outbox. The task's UID is kept, so sending again after a change updates the event.
 */
export async function sendMeetingInvitation(ctx: Ctx, taskId: string, input: { startsAt: string; durationMinutes: number; contactIds: string[]; note?: string | undefined }) {
  if (ctx.actor.kind !== 'member') throw forbidden('Meeting invitations are sent by a member, from their own name.');
  const task = await repo.calendarTask(ctx.db, ctx.workspaceId, taskId);
  if (!task) throw notFound('task');
  const project = (await repo.projectExists(ctx.db, ctx.workspaceId, task.projectId))!;
  const people = await repo.contactsOfAccount(ctx.db, ctx.workspaceId, project.accountId, input.contactIds);
  if (people.length !== new Set(input.contactIds).size) {
    throw invalid("contactIds: every invitee must be a current contact of this project's account", { path: ['body', 'contactIds'] });
  }
  const organizerEmail = (await memberOf(ctx, ctx.actor.memberId))?.email;
  const startsAt = new Date(input.startsAt);
  const link = `${base(ctx.services)}/projects/${task.projectId}`;
  const ics = calendarFile(
    [{ uid: `task-${task.id}@landfall`, title: `${task.title} · ${task.projectName}`, description: `${input.note ? `${input.note}\n\n` : ''}${task.projectName}`, url: link, kind: 'timed', startsAt, durationMinutes: input.durationMinutes }],
    { name: task.projectName, invitation: { organizer: { name: ctx.actor.name, email: organizerEmail ?? ctx.services.config.mailFrom }, attendees: people } },
  );
  for (const person of people) {
    await queueMail(ctx.db, ctx.services, ctx.workspaceId, {
      dedupeKey: `meeting-invite:${task.id}:${person.id}:${startsAt.toISOString()}`,
      to: person.email,
      subject: `Invitation: ${task.title} (${task.projectName})`,
      text: `Hello ${person.name},\n\n${ctx.actor.name} invites you to "${task.title}" on ${startsAt.toUTCString()} (${input.durationMinutes} minutes).\n${input.note ? `\n${input.note}\n` : ''}\nThe calendar invitation is attached: accept it to add the meeting to your calendar.\n\n${ctx.actor.name}`,
      attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ics }],
    });
  }
  return { invited: people.length };
}

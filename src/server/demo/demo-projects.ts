// Onboarding projects for the demo workspace, played forward from each account's day 0 to today, so the
// portfolio shows real progress: tasks done on time and late, slips owed to the customer or the vendor.
import { and, eq, gte, isNull, lte } from 'drizzle-orm';
import type { DemoAdmin } from './demo-admin.ts';
import { DateTime } from 'luxon';
import { addBusinessDays, addCalendarDays, isBusinessDay, type BusinessCalendar } from '../../core/calendar.ts';
import { contextFor, type Ctx, type Services } from '../context.ts';
import { accounts } from '../db/schema.ts';
import { reviewAccount } from '../modules/escalation/escalation.service.ts';
import { runVendorLadder } from '../modules/escalation/vendor-ladder.ts';
import { calendarOf, reschedule, todayFor } from '../modules/projects/plan.ts';
import { lockProject } from '../modules/projects/projects.repo.ts';
import { createProject } from '../modules/projects/projects.service.ts';
import { updateTask } from '../modules/projects/tasks.service.ts';
import { seedDemoSuccessPlans, type DemoProject } from './demo-success-plans.ts';

const MAX_PROJECTS = 10;

function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** The context of `actor` with the clock stopped at 10:00 on `date` in the workspace's timezone. */
export function at(ctx: Ctx, date: string, timeZone: string): Ctx {
  const instant = DateTime.fromISO(`${date}T10:00:00`, { zone: timeZone }).toJSDate();
  return { ...ctx, services: { ...ctx.services, now: () => instant } };
}

/** Plays the newest accounts' onboardings forward to today; returns the projects, oldest day 0 first. */
export async function seedDemoProjects(services: Services, workspaceId: string, admin: DemoAdmin): Promise<DemoProject[]> {
  const ctx = contextFor(services, { kind: 'member', workspaceId, memberId: admin.id, role: 'admin', sessionId: 'demo', name: admin.name });
  const calendar: BusinessCalendar = await calendarOf(services.database.db, workspaceId);
  const today = todayFor(ctx, calendar);
  const since = DateTime.fromISO(today).minus({ days: 150 }).toISODate()!;
  const candidates = await services.database.db
    .select({ id: accounts.id, day0: accounts.contractSignedOn, segment: accounts.segment })
    .from(accounts)
    .where(
      and(
        eq(accounts.workspaceId, workspaceId),
        isNull(accounts.archivedAt),
        gte(accounts.contractSignedOn, since),
        lte(accounts.contractSignedOn, today),
      ),
    )
    .orderBy(accounts.contractSignedOn);
  const rand = random(7);
  const played: DemoProject[] = [];
  const silent: string[] = [];
  for (const [index, account] of candidates.slice(-MAX_PROJECTS).entries()) {
    // Some customers and teams run like clockwork; most slip here and there; a few go quiet on a task.
    const discipline = index % 4 === 0 ? 0 : 1;
    const quiet = index % 5 === 2 ? addBusinessDays(today, -28, calendar) : null;
    const projectId = await playForward(ctx, account.id, account.day0!, today, calendar, () => (discipline === 0 ? 1 : rand()), rand, quiet);
    played.push({ id: projectId, accountId: account.id, day0: account.day0! });
    if (quiet) silent.push(account.id);
  }
  // The oldest projects are far enough along to have measured outcomes.
  await seedDemoSuccessPlans(ctx, played, today, (c, date) => at(c, date, calendar.timeZone));
  // Reminders and escalation as the background job would have sent them: day by day for the quiet customers
  // (their history shows the ladder climbing), then once today for everyone.
  for (let day = addBusinessDays(today, -28, calendar); day < today; day = addCalendarDays(day, 1)) {
    if (!isBusinessDay(day, calendar)) continue;
    const morning = at(ctx, day, calendar.timeZone).services;
    for (const accountId of silent) await reviewAccount(morning, workspaceId, accountId);
  }
  for (const account of candidates.slice(-MAX_PROJECTS)) await reviewAccount(at(ctx, today, calendar.timeZone).services, workspaceId, account.id);
  // The vendor's own ladder over its last four business days: late vendor work reminds its owner, then the lead hears.
  for (let day = addBusinessDays(today, -3, calendar); day <= today; day = addCalendarDays(day, 1)) {
    if (isBusinessDay(day, calendar)) await runVendorLadder(at(ctx, day, calendar.timeZone).services);
  }
  return played;
}

export async function playForward(
  ctx: Ctx,
  accountId: string,
  day0: string,
  today: string,
  calendar: BusinessCalendar,
  chance: () => number,
  rand: () => number,
  /** The customer goes quiet: their first task starting on or after this day is never done. */
  quietFrom: string | null = null,
) {
  const tz = calendar.timeZone;
  const project = await createProject(at(ctx, day0, tz), { accountId });
  const tasks = new Map(project.tasks.map((task) => [task.id, task]));
  const start = new Map(project.tasks.map((task) => [task.id, task.projectedStart!]));
  const finish = new Map(project.tasks.map((task) => [task.id, task.projectedFinish!]));
  const finishAt = new Map<string, string>();
  const done = new Set<string>();
  const held = new Set<string>();
  // Day by day as the team would live it: a task starts on its projected start, finishes on its projected
  // finish, or some days later when its owner runs late; every step goes through the real service.
  for (;;) {
    let next: { id: string; date: string; kind: 'start' | 'finish' } | undefined;
    for (const id of tasks.keys()) {
      if (done.has(id) || held.has(id)) continue;
      const event = finishAt.has(id)
        ? { id, date: finishAt.get(id)!, kind: 'finish' as const }
        : { id, date: start.get(id)!, kind: 'start' as const };
      if (!next || event.date < next.date || (event.date === next.date && event.kind === 'finish' && next.kind === 'start')) next = event;
    }
    if (!next || next.date > today || (next.kind === 'finish' && next.date === today)) break;
    const task = tasks.get(next.id)!;
    let change;
    if (next.kind === 'start') {
      const late = chance() < (task.owner.side === 'customer' ? 0.35 : 0.1);
      const lateness = late ? 2 + Math.floor(rand() * (task.owner.side === 'customer' ? 6 : 3)) : 0;
      const planned = finish.get(task.id)!;
      if (quietFrom && task.owner.side === 'customer' && task.durationDays > 0 && next.date >= quietFrom) {
        // Not done by today, and nothing after it starts.
        quietFrom = null;
        for (let wave = [task.id]; wave.length > 0; ) {
          wave.forEach((id) => held.add(id));
          wave = project.dependencies.filter((link) => wave.includes(link.predecessorId) && !held.has(link.successorId)).map((link) => link.successorId);
        }
        continue;
      }
      finishAt.set(task.id, lateness > 0 ? addBusinessDays(planned, lateness, calendar) : planned);
      if (task.durationDays === 0 && lateness === 0) continue;
      change = await updateTask(at(ctx, next.date, tz), task.id, { status: 'in_progress', actualStart: next.date });
    } else {
      done.add(task.id);
      change = await updateTask(at(ctx, next.date, tz), task.id, { status: 'done', actualFinish: next.date });
    }
    for (const moved of change.moved) {
      start.set(moved.id, moved.projectedStart);
      finish.set(moved.id, moved.projectedFinish);
    }
  }
  // One open customer task in some projects is stuck, as happens.
  const open = [...tasks.values()].find((task) => finishAt.has(task.id) && !done.has(task.id) && task.owner.side === 'customer');
  if (open && rand() < 0.4) {
    await updateTask(at(ctx, today, tz), open.id, { status: 'stuck', stuckReason: 'Waiting for the customer to name an admin' });
  }
  // As of today: whatever is not done by now slips, owed to whoever owns it.
  const locked = await lockProject(ctx.db, ctx.workspaceId, project.id);
  if (locked) await reschedule(at(ctx, today, tz), locked, 'Re-planned as of today');
  return project.id;
}

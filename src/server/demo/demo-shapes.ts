// Two projects not from a playbook, as teams make them: a second team at a customer well into onboarding, copied
// from that customer's first project with its own day 0, and a pilot planned by hand for a customer signed long
// ago (a blank project: its go-live milestone and a few tasks leading to it).
import { and, eq, isNotNull, lte, notInArray } from 'drizzle-orm';
import { addBusinessDays } from '../../core/calendar.ts';
import { contextFor, type Ctx, type Services } from '../context.ts';
import { accounts } from '../db/schema.ts';
import { getAccount } from '../modules/accounts/accounts.service.ts';
import { createProject } from '../modules/projects/projects.service.ts';
import { calendarOf, reschedule, todayFor } from '../modules/projects/plan.ts';
import { lockProject } from '../modules/projects/projects.repo.ts';
import { addTask, updateTask } from '../modules/projects/tasks.service.ts';
import type { DemoAdmin } from './demo-admin.ts';
import { at as atDay } from './demo-projects.ts';

export async function seedDemoShapedProjects(services: Services, workspaceId: string, admin: DemoAdmin, played: { id: string; accountId: string }[]) {
  const ctx = contextFor(services, { kind: 'member', workspaceId, memberId: admin.id, role: 'admin', sessionId: 'demo', name: admin.name });
  const calendar = await calendarOf(services.database.db, workspaceId);
  const today = todayFor(ctx, calendar);
  const at = (c: Ctx, date: string) => atDay(c, date, calendar.timeZone);
  const first = played[0];
  if (first) {
    const account = await getAccount(ctx, first.accountId);
    const day0 = addBusinessDays(today, -6, calendar);
    const copy = await createProject(at(ctx, day0), {
      accountId: account.id,
      source: 'project',
      sourceProjectId: first.id,
      name: `${account.name}: second team`,
      day0,
    });
    const opening = copy.tasks.find((task) => task.status === 'not_started' && task.projectedStart === day0 && task.durationDays > 0);
    if (opening) await updateTask(at(ctx, day0), opening.id, { status: 'in_progress', actualStart: day0 });
    await replanToday(at(ctx, today), copy.id);
  }

  const [signedLongAgo] = await ctx.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.workspaceId, ctx.workspaceId),
        isNotNull(accounts.contractSignedOn),
        lte(accounts.contractSignedOn, addBusinessDays(today, -200, calendar)),
        ...(played.length > 0 ? [notInArray(accounts.id, played.map((project) => project.accountId))] : []),
      ),
    )
    .orderBy(accounts.contractSignedOn)
    .limit(1);
  if (!signedLongAgo) return;
  const account = await getAccount(ctx, signedLongAgo.id);
  const day0 = addBusinessDays(today, -2, calendar);
  const pilot = await createProject(at(ctx, day0), { accountId: account.id, source: 'blank', name: `${account.name} analytics pilot`, day0 });
  const goLive = pilot.tasks.find((task) => task.milestoneKind === 'go_live')!;
  const ours = (role: 'onboarding_manager' | 'implementation_manager') => ({ side: 'vendor' as const, role });
  let previous: string | undefined;
  for (const step of [
    { title: 'Pilot kick-off call', stage: 'mobilization', owner: ours('onboarding_manager'), durationDays: 1 },
    { title: 'Name the pilot users', stage: 'design', owner: { side: 'customer' as const, role: 'champion' as const }, durationDays: 5 },
    { title: 'Configure the pilot dashboards', stage: 'design', owner: ours('implementation_manager'), durationDays: 8 },
    { title: 'Pilot review with the sponsor', stage: 'launch', owner: ours('onboarding_manager'), durationDays: 1 },
  ]) {
    const added = await addTask(at(ctx, day0), pilot.id, {
      ...step,
      startOffsetDays: previous ? null : 0,
      dependsOn: previous ? [{ taskId: previous, lagDays: 0 }] : [],
      customerVisible: true,
    });
    previous = added.task.id;
  }
  if (previous) await updateTask(at(ctx, day0), goLive.id, { dependsOn: [{ taskId: previous, lagDays: 0 }] });
  await replanToday(at(ctx, today), pilot.id);
}

/** As of today, as the other demo projects stand. */
async function replanToday(ctx: Ctx, projectId: string) {
  const locked = await lockProject(ctx.db, ctx.workspaceId, projectId);
  if (locked) await reschedule(ctx, locked, 'Re-planned as of today');
}

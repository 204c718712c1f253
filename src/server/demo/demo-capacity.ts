// Capacity in the demo: Jordan works 32 hours a week, a manager takes a two-week family holiday in a fortnight they kept free, one manager
// has a data-migration workshop estimated so that week 3 is over-booked (the banner and the project page say so),
// a won deal waits to become a project (its champion had no email), and Grace, the leader, gets the weekly digest.
import { and, eq, sql } from 'drizzle-orm';
import { effortOf } from '../../core/capacity/capacity.ts';
import { addCalendarDays } from '../../core/calendar.ts';
import { contextFor, type Services } from '../context.ts';
import { intakeDeliveries, members, projectTasks } from '../db/schema.ts';
import { addTimeOff, loadCapacity, MANAGER_ROLES, updateMemberCapacity } from '../modules/capacity/capacity.service.ts';
import type { DemoAdmin } from './demo-admin.ts';

export async function seedDemoCapacity(services: Services, workspaceId: string, admin: DemoAdmin): Promise<void> {
  const ctx = contextFor(services, { kind: 'member', workspaceId, memberId: admin.id, role: 'admin', sessionId: 'demo', name: admin.name });
  const db = services.database.db;
  const team = await db.select({ id: members.id, name: members.name }).from(members).where(eq(members.workspaceId, workspaceId));
  const id = (name: string) => team.find((m) => m.name === name)!.id;

  await updateMemberCapacity(ctx, id('Jordan Lee'), { weeklyHours: 32 });
  await updateMemberCapacity(ctx, id('Grace Morgan'), { weeklyDigest: true });
  const before = await loadCapacity(ctx, MANAGER_ROLES);
  const week3 = before.view.weeks[2]!;

  // The first manager with room in weeks 1–2 and a task planned inside week 3 gets it estimated high.
  const friday = addCalendarDays(week3, 4);
  let overBooked: string | null = null;
  for (const person of before.view.people) {
    if (person.weeks.slice(0, 2).some((w) => w.state !== 'ok')) continue;
    const [task] = await db
      .select()
      .from(projectTasks)
      .where(
        and(
          eq(projectTasks.workspaceId, workspaceId),
          eq(projectTasks.assigneeMemberId, person.id),
          eq(projectTasks.ownerSide, 'vendor'),
          sql`${projectTasks.status} not in ('done', 'skipped') and ${projectTasks.milestoneKind} is null`,
          sql`${projectTasks.projectedStart} >= ${week3}::date and ${projectTasks.projectedFinish} <= ${friday}::date`,
          sql`exists (select 1 from projects p where p.workspace_id = ${projectTasks.workspaceId} and p.id = ${projectTasks.projectId} and p.status = 'active')`,
        ),
      )
      .limit(1);
    if (!task) continue;
    const w = person.weeks[2]!;
    const effortHours = Math.ceil(effortOf(task) + w.available - (w.booked + w.coming) + 6);
    await db
      .update(projectTasks)
      .set({ title: `${task.title} (data migration workshop)`, effortHours })
      .where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.id, task.id)));
    overBooked = person.id;
    break;
  }

  // On holiday for two weeks: a manager, in the first fortnight with no work booked on them (they planned it so).
  const managers = new Set(before.people.filter((p) => MANAGER_ROLES.includes(p.role)).map((p) => p.id));
  const demand = (w: { booked: number; coming: number }) => w.booked + w.coming;
  const holidays = before.view.people
    .filter((person) => person.id !== overBooked && managers.has(person.id))
    .flatMap((person) => person.weeks.slice(1, -1).map((w, i) => ({ id: person.id, week: w.week, hours: demand(w) + demand(person.weeks[i + 2]!) })))
    .sort((a, b) => a.hours - b.hours);
  const holiday = holidays[0];
  if (holiday) await addTimeOff(ctx, holiday.id, { startsOn: holiday.week, endsOn: addCalendarDays(holiday.week, 11), note: 'Family holiday' });

  const closedOn = addCalendarDays(before.today, 3);
  await db.insert(intakeDeliveries).values({
    workspaceId,
    source: 'webhook',
    dealId: 'HS-48213',
    status: 'failed',
    error: 'contacts.0.email: must be an email address',
    payload: {
      dealId: 'HS-48213',
      company: { name: 'Helios Outdoor', industry: 'Retail', segment: 'smb', complexity: 'low', timezone: 'America/Chicago' },
      products: ['Analytics'],
      contractValue: 18_000,
      currency: 'USD',
      closedOn,
      contacts: [],
      salesRep: { email: 'rachel.kim@landfall.example' },
    },
  });
}

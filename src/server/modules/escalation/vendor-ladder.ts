// The vendor's ladder, run by its job: for each active project, the pure planner (core/escalation/vendor.ts)
// says whether the owner is to be reminded or the team lead told (a vendor task late, or nobody did anything
// for the workspace's number of business days); this writes each step once (escalation_actions' unique key),
// emails the members and puts the step in the project's history, in one transaction per project.
import { dueDates } from '../../../core/escalation/due.ts';
import { planVendorLadder, type VendorStep } from '../../../core/escalation/vendor.ts';
import { todayInTimeZone } from '../../../core/calendar.ts';
import { contextFor, inTransaction, SYSTEM_ACTORS, systemActor, type Ctx, type Services } from '../../context.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { calendarOf, engineTasks, todayFor } from '../projects/plan.ts';
import { projectDependencyRows, projectTaskRows } from '../projects/projects.service.ts';
import { teamLeadIdsOf } from '../assignment/assignment.service.ts';
import { recordEvents } from '../history/history.service.ts';
import { emit } from '../../events/bus.ts';
import { businessDays } from './escalation.mail.ts';
import * as repo from './escalation.repo.ts';
import { vendorQuietDaysOf } from './escalation.service.ts';

type ProjectRow = Awaited<ReturnType<typeof repo.projectsForVendorLadder>>[number];

/** One pass over the active projects (the job's; tests call it with their clock). Returns the steps taken. */
export async function runVendorLadder(services: Services, limit = 2000): Promise<number> {
  let taken = 0;
  for (const project of await repo.projectsForVendorLadder(services.database.db, limit)) {
    const ctx = contextFor(services, systemActor(project.workspaceId, 'escalation'));
    taken += await inTransaction(ctx, (tx) => reviewProject(tx, project));
  }
  return taken;
}

/** Why the step fires, in a line: the oldest late vendor task, or how long nothing happened. */
function why(step: VendorStep): string {
  if (step.overdue.length > 0) {
    const oldest = step.overdue[0]!;
    const more = step.overdue.length > 1 ? ` (and ${step.overdue.length - 1} more vendor task${step.overdue.length > 2 ? 's' : ''})` : '';
    return `“${oldest.title}” is ${businessDays(oldest.overdueDays)} overdue${more}`;
  }
  return `nobody has done anything on it since ${step.quietSince}`;
}

async function reviewProject(tx: Ctx, project: ProjectRow): Promise<number> {
  const calendar = await calendarOf(tx.db, tx.workspaceId);
  const today = todayFor(tx, calendar);
  const tasks = await projectTaskRows(tx, project.id);
  const due = dueDates(engineTasks(tasks, await projectDependencyRows(tx, project.id)), calendar, project.day0, 'vendor');
  const members = await repo.membersToTell(tx.db, tx.workspaceId);
  const fired = new Set((await repo.actionKeys(tx.db, tx.workspaceId, [project.id])).map((action) => action.key));
  const steps = planVendorLadder({
    today,
    calendar,
    quietDays: await vendorQuietDaysOf(tx),
    teamLeadIds: await teamLeadIdsOf(tx, members),
    fired,
    projects: [
      {
        id: project.id,
        active: true,
        ownerId: members.some((member) => member.id === project.ownerId) ? project.ownerId : null,
        lastActivityOn: todayInTimeZone(new Date(project.lastActivityAt).getTime(), calendar.timeZone),
        tasks: tasks.flatMap((task) => (due.has(task.id) ? [{ id: task.id, title: task.title, dueOn: due.get(task.id)! }] : [])),
      },
    ],
  });
  if (steps.length === 0) return 0;
  const now = tx.services.now();
  const written = await repo.recordActions(
    tx.db,
    steps.map((step) => ({ workspaceId: tx.workspaceId, projectId: project.id, episodeId: null, taskId: null, key: step.key, firedOn: today, createdAt: now })),
  );
  const taken = steps.filter((step) => written.has(step.key));
  const byId = new Map(members.map((member) => [member.id, member]));
  const owner = project.ownerId ? byId.get(project.ownerId) : undefined;
  const events = [];
  const told = [];
  for (const step of taken) {
    const people = step.recipients.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    const reason = why(step);
    for (const person of people) {
      const ownerText = owner ? `${owner.name} owns it` : 'nobody owns it';
      const text =
        step.action === 'remind_owner'
          ? `Hi ${person.name.split(/\s+/)[0] || 'there'},\n\n${project.name} (${project.accountName}) is waiting on us: ${reason}.\nOpen the project: ${tx.services.config.publicUrl}/projects/${project.id}\n\n-- \nLandfall\n`
          : `Hi ${person.name.split(/\s+/)[0] || 'there'},\n\n${project.name} (${project.accountName}) is still waiting on us after its owner was reminded: ${reason}. ${ownerText}.\nOpen the project: ${tx.services.config.publicUrl}/projects/${project.id}\n\n-- \nLandfall\n`;
      const subject = step.action === 'remind_owner' ? `${project.name} is waiting on us` : `${project.name} is still waiting on us`;
      await queueMail(tx.db, tx.services, tx.workspaceId, { dedupeKey: `${step.key}:${project.id}:${person.id}`, to: person.email, subject, text });
    }
    const names = people.map((person) => person.name).join(', ');
    const headline =
      step.action === 'remind_owner'
        ? people.length > 0
          ? `Owner ${names} reminded: ${reason}`
          : `No owner to remind (${reason}): assign an onboarding manager`
        : people.length > 0
          ? `Team lead ${names} told: ${reason}`
          : `No team lead to tell (${reason}): choose one in Settings → Assignment`;
    events.push({
      workspaceId: tx.workspaceId,
      projectId: project.id,
      actorName: SYSTEM_ACTORS.escalation,
      actorMemberId: null,
      kind: 'escalation',
      field: `vendor_${step.action}`,
      toValue: headline,
      reason: people.length > 0 ? `Emailed to ${people.map((person) => person.email).join(', ')}.` : null,
      createdAt: new Date(now.getTime() + events.length),
    });
    if (people.length > 0) {
      const detail = `${reason} (${step.action === 'remind_owner' ? `owner ${names} reminded` : `team lead ${names} told`})`;
      told.push({ projectId: project.id, step: step.action, taskId: step.overdue[0]?.id ?? null, reason: detail, memberIds: people.map((person) => person.id) });
    }
  }
  await recordEvents(tx, events);
  for (const payload of told) await emit(tx, 'owner.reminded', payload);
  return taken.length;
}

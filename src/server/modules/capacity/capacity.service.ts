// Capacity: the hours booked on each manager week by week against the hours they have (core/capacity), their weekly
// hours and days off (their own to change, or an admin's), and each member's room for the assignment rules.
import { capacityView, effortOf, roomOf, warningText, weekStart, type CapacityView, type ComingProject } from '../../../core/capacity/capacity.ts';
import { readableDate, toDayNumber, fromDayNumber, type IsoDate } from '../../../core/calendar.ts';
import type { CapacityWarning, MemberCapacity, MemberCapacityPatch, TimeOff, TimeOffInput } from '../../../contract/capacity.ts';
import type { Ctx, Services } from '../../context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { memberOf } from '../members/members.service.ts';
import { calendarOf, todayFor } from '../projects/plan.ts';
import * as repo from './capacity.repo.ts';

export const MANAGER_ROLES = ['onboarding_manager', 'implementation_manager'];
/** The weeks an assignment suggestion looks at: a new project's first month is its manager's busiest. */
export const ROOM_WEEKS = 4;

export interface LoadedCapacity {
  today: IsoDate;
  view: CapacityView;
  people: (repo.PersonRow & { timeOff: { from: IsoDate; to: IsoDate }[] })[];
}

/** Loads what the view needs and computes it; `coming` are the projects not yet started, placed by the caller. */
export async function loadCapacity(ctx: Ctx, roles: string[], coming: (today: IsoDate) => Promise<ComingProject[]> = async () => []): Promise<LoadedCapacity> {
  const calendar = await calendarOf(ctx.db, ctx.workspaceId);
  const today = todayFor(ctx, calendar);
  const monday = weekStart(today);
  const until = fromDayNumber(toDayNumber(monday) + 7 * 12);
  const rows = await repo.people(ctx.db, ctx.workspaceId, roles);
  const ids = rows.map((row) => row.id);
  const [booked, off, incoming] = await Promise.all([repo.bookedTasks(ctx.db, ctx.workspaceId, ids, until), repo.timeOff(ctx.db, ctx.workspaceId, monday), coming(today)]);
  const offBy = new Map<string, { from: IsoDate; to: IsoDate }[]>();
  for (const row of off) offBy.set(row.memberId, [...(offBy.get(row.memberId) ?? []), { from: row.startsOn, to: row.endsOn }]);
  const people = rows.map((row) => ({ ...row, timeOff: offBy.get(row.id) ?? [] }));
  const view = capacityView({
    calendar,
    today,
    people: people.map((p) => ({ id: p.id, name: p.name, weeklyHours: p.weeklyHours, timeOff: p.timeOff })),
    booked: booked.map((task) => ({ memberId: task.memberId, effortHours: effortOf(task), start: task.start, finish: task.finish })),
    coming: incoming,
  });
  return { today, view, people };
}

export const presentWarning = (warning: CapacityView['warnings'][number]): CapacityWarning => ({ ...warning, text: warningText(warning, readableDate) });

/** Each member's hours free over the next weeks (for the assignment rules and suggestions), with their warning. */
export async function roomsOf(ctx: Ctx): Promise<Map<string, { roomHours: number; warning: string | null }>> {
  const { view } = await loadCapacity(ctx, MANAGER_ROLES);
  const warnings = new Map(view.warnings.map((w) => [w.memberId, presentWarning(w).text]));
  return new Map(view.people.map((person) => [person.id, { roomHours: roomOf(person, ROOM_WEEKS), warning: warnings.get(person.id) ?? null }]));
}

async function memberOrNotFound(ctx: Ctx, memberId: string) {
  const member = await memberOf(ctx, memberId);
  if (!member) throw notFound('member');
  return member;
}

/** A member changes their own hours and days off; an admin anyone's. */
function assertMayChange(ctx: Ctx, memberId: string) {
  if (ctx.actor.kind === 'member' && (ctx.actor.memberId === memberId || ctx.actor.role === 'admin')) return;
  if (ctx.actor.kind === 'token' && ctx.actor.role === 'admin') return;
  throw forbidden('Only the member themselves or an admin can change their hours, days off and digest.');
}

const presentTimeOff = (row: repo.TimeOffRow): TimeOff => ({ id: row.id, startsOn: row.startsOn, endsOn: row.endsOn, note: row.note });

export async function memberCapacity(ctx: Ctx, memberId: string): Promise<MemberCapacity> {
  const member = await memberOrNotFound(ctx, memberId);
  const [settings, loaded] = await Promise.all([repo.findSettings(ctx.db, ctx.workspaceId, memberId), loadCapacity(ctx, MANAGER_ROLES)]);
  const off = await repo.timeOff(ctx.db, ctx.workspaceId, loaded.today, memberId);
  const warning = loaded.view.warnings.find((w) => w.memberId === memberId);
  return {
    member: { id: member.id, name: member.name },
    weeklyHours: settings?.weeklyHours ?? 40,
    weeklyDigest: settings?.weeklyDigest ?? false,
    timeZone: settings?.timeZone ?? null,
    timeOff: off.map(presentTimeOff),
    warning: warning ? presentWarning(warning) : null,
  };
}

export async function updateMemberCapacity(ctx: Ctx, memberId: string, patch: MemberCapacityPatch): Promise<MemberCapacity> {
  await memberOrNotFound(ctx, memberId);
  assertMayChange(ctx, memberId);
  await repo.saveSettings(ctx.db, ctx.workspaceId, memberId, patch, ctx.services.now());
  return memberCapacity(ctx, memberId);
}

export async function addTimeOff(ctx: Ctx, memberId: string, input: TimeOffInput): Promise<TimeOff> {
  await memberOrNotFound(ctx, memberId);
  assertMayChange(ctx, memberId);
  return presentTimeOff(await repo.insertTimeOff(ctx.db, ctx.workspaceId, { memberId, startsOn: input.startsOn, endsOn: input.endsOn, note: input.note ?? null }));
}

export async function removeTimeOff(ctx: Ctx, memberId: string, timeOffId: string) {
  await memberOrNotFound(ctx, memberId);
  assertMayChange(ctx, memberId);
  if (!(await repo.deleteTimeOff(ctx.db, ctx.workspaceId, memberId, timeOffId))) throw notFound('time off');
}

/** Won deals not yet projects (their intake waits for a replay): the work coming. */
export const dealsWaiting = (ctx: Ctx) => repo.dealsWaiting(ctx.db, ctx.workspaceId);

/** Every member, of every workspace, who asked for the weekly digest. */
export const digestSubscribers = (services: Services) => repo.digestSubscribers(services.database.db);

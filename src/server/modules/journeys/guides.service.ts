// Train-the-trainer (issue 16): every new user of an account is introduced to a super-user as their guide, the
// one with the fewest current trainees (then by name). A super-user is a current contact with the role, or one
// with an academy certificate still valid. When a guide leaves, their trainees are given another.
//
// Both work on many people at once (a CSV import's batch) with the same result as one after the other: the
// super-users and their counts are read once, and each guide given counts for the next person.
import { todayInTimeZone } from '../../../core/calendar.ts';
import type { Ctx } from '../../context.ts';
import * as repo from './journeys.repo.ts';

const today = (ctx: Ctx) => todayInTimeZone(ctx.services.now(), 'UTC');

/** The super-user with the fewest trainees, not one of `except`; undefined when there is none. */
function leastBusy(candidates: repo.SuperUserRow[], except: string[]) {
  return candidates
    .filter((su) => !except.includes(su.id))
    .sort((a, b) => a.trainees - b.trainees || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))[0];
}

/** Gives each person their account's least busy super-user, in order, counting each guide given; one write. */
async function giveGuides(ctx: Ctx, people: { id: string; accountId: string; except: string[] }[]) {
  if (people.length === 0) return new Map<string, string | null>();
  const superUsers = await repo.superUsersOf(ctx.db, ctx.workspaceId, [...new Set(people.map((p) => p.accountId))], today(ctx));
  const given = new Map<string, string | null>();
  for (const person of people) {
    const guide = leastBusy(superUsers.get(person.accountId) ?? [], person.except);
    if (guide) guide.trainees += 1;
    given.set(person.id, guide?.id ?? null);
  }
  await repo.setGuides(ctx.db, ctx.workspaceId, [...given].map(([contactId, guideId]) => ({ contactId, guideId })));
  return given;
}

/** Gives current people a guide when they have none (or theirs left). Answers each one's guide's id, or null. */
export async function assignGuides(ctx: Ctx, contactIds: string[]): Promise<Map<string, string | null>> {
  const people = await repo.findContacts(ctx.db, ctx.workspaceId, contactIds);
  const guides = await repo.findContacts(ctx.db, ctx.workspaceId, [...new Set([...people.values()].flatMap((p) => p.guideContactId ?? []))]);
  const kept = new Map<string, string | null>();
  const needing: { id: string; accountId: string; except: string[] }[] = [];
  for (const id of contactIds) {
    const person = people.get(id);
    if (!person || person.leftOn) {
      kept.set(id, null);
      continue;
    }
    const guide = person.guideContactId ? guides.get(person.guideContactId) : undefined;
    if (guide && !guide.leftOn) kept.set(id, guide.id);
    else needing.push({ id, accountId: person.accountId, except: [id] });
  }
  return new Map([...kept, ...(await giveGuides(ctx, needing))]);
}

/** Guides who left (contact.left): each of their current trainees gets the least busy other super-user, or none. */
export async function reassignTrainees(ctx: Ctx, leaverIds: string[]) {
  const trainees = await repo.traineesOf(ctx.db, ctx.workspaceId, leaverIds);
  await giveGuides(ctx, trainees.map((t) => ({ id: t.id, accountId: t.accountId, except: [t.guideId, t.id] })));
}

// Train-the-trainer (issue 16): every new user of an account is introduced to a super-user as their guide, the
// one with the fewest current trainees (then by name). A super-user is a current contact with the role, or one
// with an academy certificate still valid. When a guide leaves, their trainees are given another.
import { todayInTimeZone } from '../../../core/calendar.ts';
import type { Ctx } from '../../context.ts';
import * as repo from './journeys.repo.ts';

const today = (ctx: Ctx) => todayInTimeZone(ctx.services.now(), 'UTC');

/** The account's super-user with the fewest trainees, not `except`; undefined when it has none. */
async function leastBusySuperUser(ctx: Ctx, accountId: string, except: string[]) {
  const candidates = (await repo.superUsers(ctx.db, ctx.workspaceId, accountId, today(ctx))).filter((su) => !except.includes(su.id));
  return candidates.sort((a, b) => a.trainees - b.trainees || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))[0];
}

/** Gives a current person a guide when they have none (or theirs left). Returns the guide's id, or null. */
export async function assignGuide(ctx: Ctx, contactId: string): Promise<string | null> {
  const contact = await repo.findContact(ctx.db, ctx.workspaceId, contactId);
  if (!contact || contact.leftOn) return null;
  if (contact.guideContactId) {
    const guide = await repo.findContact(ctx.db, ctx.workspaceId, contact.guideContactId);
    if (guide && !guide.leftOn) return guide.id;
  }
  const guide = await leastBusySuperUser(ctx, contact.accountId, [contactId]);
  await repo.setGuide(ctx.db, ctx.workspaceId, contactId, guide?.id ?? null);
  return guide?.id ?? null;
}

/** A guide left (contact.left): each of their current trainees gets the least busy other super-user, or none. */
export async function reassignTrainees(ctx: Ctx, leaverId: string) {
  for (const trainee of await repo.traineesOf(ctx.db, ctx.workspaceId, leaverId)) {
    const guide = await leastBusySuperUser(ctx, trainee.accountId, [leaverId, trainee.id]);
    await repo.setGuide(ctx.db, ctx.workspaceId, trainee.id, guide?.id ?? null);
  }
}

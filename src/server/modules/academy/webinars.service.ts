// Webinars: live sessions with a join link and a capacity; contacts register from the portal (or an email link);
// the join link is shown to those registered.
import { matchesAudience } from '../../../core/academy/audience.ts';
import type { Audience, Webinar, WebinarDetail, WebinarInput, WebinarPatch } from '../../../contract/academy.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { learnerFactsOf } from './enrolment.service.ts';
import * as repo from './webinars.repo.ts';

type Found = NonNullable<Awaited<ReturnType<typeof repo.findWebinar>>>;

export const presentWebinar = (found: Found, showJoin = true): Webinar => ({
  id: found.webinar.id,
  title: found.webinar.title,
  description: found.webinar.description,
  startsAt: found.webinar.startsAt.toISOString(),
  durationMinutes: found.webinar.durationMinutes,
  joinUrl: showJoin ? found.webinar.joinUrl : null,
  capacity: found.webinar.capacity,
  registered: found.registered,
  attended: found.attended,
  recordingUrl: found.webinar.recordingUrl,
  releaseId: found.webinar.releaseId,
  audience: found.webinar.audience as Audience,
});

export async function listWebinars(ctx: Ctx, when: 'upcoming' | 'past' | 'all') {
  return (await repo.listWebinars(ctx.db, ctx.workspaceId, when, ctx.services.now())).map((f) => presentWebinar(f));
}

export async function getWebinar(ctx: Ctx, webinarId: string): Promise<WebinarDetail> {
  const found = await repo.findWebinar(ctx.db, ctx.workspaceId, webinarId);
  if (!found) throw notFound('webinar');
  const registrations = (await repo.registrations(ctx.db, ctx.workspaceId, webinarId)).map((r) => ({
    contactId: r.contact_id,
    contactName: r.contact_name,
    accountName: r.account_name,
    email: r.email,
    registeredAt: new Date(r.registered_at).toISOString(),
    via: r.via as 'portal' | 'email' | 'staff',
    attended: r.attended,
  }));
  return { ...presentWebinar(found), registrations };
}

export async function createWebinar(ctx: Ctx, input: WebinarInput) {
  const now = ctx.services.now();
  const row = await repo.insertWebinar(ctx.db, { workspaceId: ctx.workspaceId, ...input, startsAt: new Date(input.startsAt), createdAt: now, updatedAt: now });
  return getWebinar(ctx, row.id);
}

export async function updateWebinar(ctx: Ctx, webinarId: string, patch: WebinarPatch) {
  const { startsAt, ...rest } = patch;
  const row = await repo.updateWebinar(ctx.db, ctx.workspaceId, webinarId, { ...rest, ...(startsAt !== undefined ? { startsAt: new Date(startsAt) } : {}), updatedAt: ctx.services.now() });
  if (!row) throw notFound('webinar');
  return getWebinar(ctx, webinarId);
}

/** Upcoming webinars a contact is registered for or is in the audience of, soonest first. */
export async function upcomingWebinarsFor(ctx: Ctx, contactId: string) {
  const facts = await learnerFactsOf(ctx, contactId);
  const mine = await repo.registeredWebinars(ctx.db, ctx.workspaceId, contactId);
  const upcoming = await repo.listWebinars(ctx.db, ctx.workspaceId, 'upcoming', ctx.services.now());
  return upcoming
    .filter((f) => mine.has(f.webinar.id) || (facts !== undefined && matchesAudience(f.webinar.audience as Audience, facts)))
    .map((f) => ({ ...presentWebinar(f, mine.has(f.webinar.id)), youRegistered: mine.has(f.webinar.id) }));
}

/** Registers a contact (from the portal, an email link, or by staff); a full webinar refuses, a second time is a no-op. */
export async function registerContact(ctx: Ctx, webinarId: string, contactId: string, via: 'portal' | 'email' | 'staff') {
  return inTransaction(ctx, async (tx) => {
    const found = await repo.findWebinar(tx.db, tx.workspaceId, webinarId, true);
    if (!found) throw notFound('webinar');
    if (found.webinar.startsAt.getTime() + found.webinar.durationMinutes * 60_000 < tx.services.now().getTime()) throw new AppError('conflict', 'This webinar is over: watch its recording instead.');
    const already = (await repo.registeredWebinars(tx.db, tx.workspaceId, contactId)).has(webinarId);
    if (!already && found.webinar.capacity !== null && found.registered >= found.webinar.capacity) {
      throw new AppError('conflict', `This webinar is full (${found.webinar.capacity} places).`);
    }
    if (!already) await repo.register(tx.db, { workspaceId: tx.workspaceId, webinarId, contactId, via, registeredAt: tx.services.now() });
    return found;
  });
}

export async function unregisterContact(ctx: Ctx, webinarId: string, contactId: string) {
  const found = await repo.findWebinar(ctx.db, ctx.workspaceId, webinarId);
  if (!found) throw notFound('webinar');
  await repo.unregister(ctx.db, ctx.workspaceId, webinarId, contactId);
}

export async function recordAttendance(ctx: Ctx, webinarId: string, attended: string[]) {
  const found = await repo.findWebinar(ctx.db, ctx.workspaceId, webinarId);
  if (!found) throw notFound('webinar');
  await repo.setAttendance(ctx.db, ctx.workspaceId, webinarId, attended);
  return getWebinar(ctx, webinarId);
}

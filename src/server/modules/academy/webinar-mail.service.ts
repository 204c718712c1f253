// Webinar email: the invitation (a registration link signed for that contact, and an ICS calendar file), a
// reminder the day before, and the recording to those registered who did not attend. Invitations are sent by a
// member, like any invitation; reminders and recordings are automated, under the frequency cap.
import { createEvent } from 'ics';
import { DateTime } from 'luxon';
import type { Audience } from '../../../contract/academy.ts';
import { systemActor, type Ctx, type Services } from '../../context.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { queueCappedNotices, queueMail } from '../../mail/mail.service.ts';
import { keyRing, seal, unseal } from '../../security/sealed.ts';
import * as repo from './webinars.repo.ts';
import { getWebinar, registerContact } from './webinars.service.ts';

const base = (services: Services) => services.config.publicUrl.replace(/\/$/, '');

/** A link token that names the workspace, webinar and contact, sealed (AES-GCM) so it cannot be forged or altered. */
export const registrationToken = (services: Services, workspaceId: string, webinarId: string, contactId: string) =>
  seal(keyRing(services.config), JSON.stringify({ w: workspaceId, b: webinarId, c: contactId }));

export function icsFor(webinar: repo.WebinarRow, organizer: string): string {
  const start = DateTime.fromJSDate(webinar.startsAt, { zone: 'utc' });
  const { error, value } = createEvent({
    uid: `webinar-${webinar.id}@landfall`,
    title: webinar.title,
    description: `${webinar.description}\n\nJoin: ${webinar.joinUrl}`.trim(),
    url: webinar.joinUrl,
    start: [start.year, start.month, start.day, start.hour, start.minute],
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: webinar.durationMinutes },
    organizer: { name: organizer },
    method: 'PUBLISH',
  });
  if (error || !value) throw new Error(`could not write the calendar file: ${String(error)}`);
  return value;
}

const when = (at: Date, zone: string | null) => DateTime.fromJSDate(at, { zone: zone ?? 'UTC' }).toFormat("cccc d LLLL yyyy 'at' HH:mm ZZZZ");

/** Emails each invitee their registration link and the ICS invitation. */
export async function inviteToWebinar(ctx: Ctx, webinarId: string, input: { contactIds?: string[] | undefined; toAudience: boolean }) {
  const found = await repo.findWebinar(ctx.db, ctx.workspaceId, webinarId);
  if (!found) throw notFound('webinar');
  if (!input.contactIds && !input.toAudience) throw invalid('contactIds: give the contacts to invite, or set toAudience', { path: ['body', 'contactIds'] });
  const people = await repo.invitees(ctx.db, ctx.workspaceId, input.contactIds ? { contactIds: input.contactIds } : { audience: found.webinar.audience as Audience });
  const ics = icsFor(found.webinar, ctx.actor.name);
  for (const person of people) {
    const link = `${base(ctx.services)}/portal/academy/webinars/register?token=${encodeURIComponent(registrationToken(ctx.services, ctx.workspaceId, webinarId, person.id))}`;
    await queueMail(ctx.db, ctx.services, ctx.workspaceId, {
      dedupeKey: `webinar-invite:${webinarId}:${person.id}`,
      to: person.email,
      subject: `You're invited: ${found.webinar.title}`,
      text: `Hello ${person.name},\n\n${found.webinar.title} is on ${when(found.webinar.startsAt, person.timezone)} (${found.webinar.durationMinutes} minutes).\n${found.webinar.description}\n\nSave your place: ${link}\n\nThe calendar invitation is attached.\n\n${ctx.actor.name}`,
      credentials: [{ label: 'registration link', value: link }],
      attachments: [{ filename: 'invitation.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics }],
    });
  }
  return { queued: people.length, skipped: (input.contactIds?.length ?? people.length) - people.length };
}

/** The registration link of an invitation email: registers its contact (no sign-in needed: the link is theirs). */
export async function registerByToken(services: Services, token: string) {
  let claim: { w: string; b: string; c: string };
  try {
    claim = JSON.parse(unseal(keyRing(services.config), token)) as typeof claim;
  } catch {
    throw invalid('This registration link is not valid: open it again from the invitation email.', { path: ['body', 'token'] });
  }
  const ctx: Ctx = { db: services.database.db, actor: systemActor(claim.w, 'academy'), workspaceId: claim.w, services };
  const found = await registerContact(ctx, claim.b, claim.c, 'email');
  return { webinarTitle: found.webinar.title, startsAt: found.webinar.startsAt.toISOString(), registered: true, full: false };
}

/** Registered contacts of webinars starting in the next 24 hours get a reminder (once: its key is in the outbox). */
export async function sendWebinarReminders(services: Services) {
  const now = services.now();
  const soon = await repo.startingBetween(services.database.db, now, new Date(now.getTime() + 24 * 3_600_000));
  for (const webinar of soon) {
    const db = services.database.db;
    const people = await repo.registeredContacts(db, webinar.workspaceId, webinar.id);
    await queueCappedNotices(
      db,
      services,
      webinar.workspaceId,
      people.map((p) => ({
        dedupeKey: `webinar-reminder:${webinar.id}:${p.id}`,
        to: p.email,
        contactId: p.id,
        subject: `Tomorrow: ${webinar.title}`,
        text: `Hello ${p.name},\n\nA reminder: ${webinar.title} starts ${when(webinar.startsAt, p.timezone)}.\nJoin here: ${webinar.joinUrl}`,
      })),
      'Webinar reminder',
    );
  }
}

/** Attaches the recording and sends it to those registered who did not attend. */
export async function attachRecording(ctx: Ctx, webinarId: string, recordingUrl: string) {
  const found = await repo.findWebinar(ctx.db, ctx.workspaceId, webinarId);
  if (!found) throw notFound('webinar');
  await repo.updateWebinar(ctx.db, ctx.workspaceId, webinarId, { recordingUrl, updatedAt: ctx.services.now() });
  const missed = await repo.registeredContacts(ctx.db, ctx.workspaceId, webinarId, false);
  await queueCappedNotices(
    ctx.db,
    ctx.services,
    ctx.workspaceId,
    missed.map((p) => ({
      dedupeKey: `webinar-recording:${webinarId}:${p.id}`,
      to: p.email,
      contactId: p.id,
      subject: `The recording of ${found.webinar.title}`,
      text: `Hello ${p.name},\n\nSorry we missed you at ${found.webinar.title}. The recording is here:\n${recordingUrl}\n\n${ctx.actor.name}`,
    })),
    'Webinar recording',
  );
  return getWebinar(ctx, webinarId);
}

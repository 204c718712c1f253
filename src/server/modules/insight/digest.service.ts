// The weekly digest: the dashboard's key figures by email to the members who asked for it (the Capacity page,
// under their own hours), once per ISO week each, from Monday 08:00 in their timezone (the workspace's when they set none). The
// outbox's key (member × ISO week) keeps it once whatever runs twice; a run missed on Monday sends it until Wednesday.
import { DateTime } from 'luxon';
import { readableDate } from '../../../core/calendar.ts';
import { contextFor, type Services } from '../../context.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { digestSubscribers } from '../capacity/capacity.service.ts';
import { capacityReport } from './capacity-report.service.ts';
import { calendarOf } from '../projects/plan.ts';
import type { MemberRole } from '../../../core/people.ts';
import { dashboard } from './insight.service.ts';

/** The hour of Monday, in the member's timezone, from which their digest for the week goes. */
export const DIGEST_HOUR = 8;
/** A worker down on Monday still sends the week's digest until Wednesday; later, last week's figures are stale: skipped. */
const LAST_CATCH_UP_WEEKDAY = 3;

const days = (median: number | null, atLeast: number | null) =>
  median !== null ? `${Math.round(median)} days` : atLeast !== null ? `at least ${Math.round(atLeast)} days so far` : 'not yet known';
const percent = (rate: number | null) => (rate === null ? 'no go-live decided yet' : `${Math.round(rate * 100)}%`);
const money = (amount: number, currency: string | null) => `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(amount)} ${currency ?? ''}`.trim();

/** Queues the week's digest for every member who asked for it and whose Monday 08:00 has come. Returns how many were queued. */
export async function sendWeeklyDigests(services: Services): Promise<number> {
  const subscribers = await digestSubscribers(services);
  const base = services.config.publicUrl.replace(/\/$/, '');
  let queued = 0;
  for (const member of subscribers) {
    const zone = member.timeZone ?? (await calendarOf(services.database.db, member.workspaceId)).timeZone;
    const local = DateTime.fromJSDate(services.now(), { zone });
    const monday = local.startOf('week').set({ hour: DIGEST_HOUR });
    if (local < monday || local.weekday > LAST_CATCH_UP_WEEKDAY) continue;
    const week = `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
    const dedupeKey = `weekly-digest:${member.memberId}:${week}`;
    const ctx = contextFor(services, { kind: 'member', workspaceId: member.workspaceId, memberId: member.memberId, role: member.role as MemberRole, sessionId: 'weekly-digest', name: member.name });
    const [figures, capacity] = await Promise.all([dashboard(ctx, {}), capacityReport(ctx, {})]);
    const health = new Map(figures.byHealth.map((h) => [h.key, h.count]));
    const scope = figures.scope === 'portfolio' ? 'the portfolio' : 'your projects';
    const lines = [
      `Hello ${member.name},`,
      '',
      `Your onboarding figures for the week of ${readableDate(monday.toISODate()!)}, across ${scope}:`,
      '',
      `- Active projects: ${figures.projects.active} (${health.get('on_track') ?? 0} on track, ${health.get('at_risk') ?? 0} at risk, ${health.get('late') ?? 0} late)`,
      `- On-time go-live: ${percent(figures.onTimeGoLive.rate)}`,
      `- Time to live (median): ${days(figures.timeToLive.median, figures.timeToLive.medianAtLeast)}`,
      `- Time to value (median): ${days(figures.timeToValue.median, figures.timeToValue.medianAtLeast)}`,
      `- Revenue at risk: ${money(figures.revenueAtRisk.amount, figures.revenueAtRisk.currency)} over ${figures.revenueAtRisk.projects} project${figures.revenueAtRisk.projects === 1 ? '' : 's'}`,
      `- Renewals in the next 90 days: ${figures.renewals.length}`,
      '',
      capacity.warnings.length === 0 ? 'Capacity: nobody is over-booked in the next 12 weeks.' : 'Capacity:',
      ...capacity.warnings.map((w) => `- ${w.text}`),
      '',
      `The dashboard: ${base}/`,
      `Capacity: ${base}/insight/capacity`,
      '',
      `You get this because you asked for the weekly digest. Stop it on the Capacity page, under “Your hours, days off and digest”: ${base}/insight/capacity#you`,
    ];
    await queueMail(services.database.db, services, member.workspaceId, { dedupeKey, to: member.email, subject: `Your onboarding week: ${figures.projects.active} active projects, ${capacity.warnings.length} capacity warning${capacity.warnings.length === 1 ? '' : 's'}`, text: lines.join('\n') });
    queued++;
  }
  return queued;
}

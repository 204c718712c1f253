// Success plans for a few demo projects: goals, a sponsor, a cadence, outcomes with metrics measured over time
// by both sides, one verification requested and one outcome verified by the customer (so first value shows).
import { addCalendarDays } from '../../core/calendar.ts';
import type { Author, Ctx } from '../context.ts';
import { listContacts } from '../modules/contacts/contacts.repo.ts';
import { valueMilestoneTasks } from '../modules/success-plans/success-plans.repo.ts';
import {
  addMetric,
  addOutcome,
  recordActual,
  requestVerification,
  updateSuccessPlan,
  vendorAuthor,
  verifyOutcome,
} from '../modules/success-plans/success-plans.service.ts';

const PLANS = [
  {
    goals: ['Run customer support from one place', 'Cut the time agents spend on onboarding questions'],
    outcome: 'Onboarding questions to support halved within four months',
    metric: { name: 'Onboarding tickets a week', unit: 'tickets', direction: 'decrease' as const, baseline: 40, target: 20, days: 120 },
  },
  {
    goals: ['New hires productive in their first week'],
    outcome: 'New hires are productive in their first week',
    metric: { name: 'Days until a new hire is productive', unit: 'days', direction: 'decrease' as const, baseline: 20, target: 7, days: 150 },
  },
  {
    goals: ['Every order tracked in one system', 'Managers see late orders the day they slip'],
    outcome: 'Every order is tracked in the platform',
    metric: { name: 'Orders tracked in the platform', unit: '%', direction: 'increase' as const, baseline: 15, target: 95, days: 180 },
  },
];

export interface DemoProject {
  id: string;
  accountId: string;
  day0: string;
}

/**
 * `at(date)` gives the admin's context with the clock on that date. Of the oldest projects still waiting for first
 * value, the first gets an outcome verified by its champion today, the next one a pending verification request.
 */
export async function seedDemoSuccessPlans(ctx: Ctx, projects: DemoProject[], today: string, at: (ctx: Ctx, date: string) => Ctx) {
  // Projects still waiting for first value: value counts when the customer confirms it, so a plan whose
  // milestones the demo already played to done would show value before any confirmation.
  const waiting: DemoProject[] = [];
  for (const project of projects) {
    const milestones = await valueMilestoneTasks(ctx.db, ctx.workspaceId, project.id);
    if (milestones.every((task) => task.status !== 'done')) waiting.push(project);
  }
  for (const [index, project] of waiting.slice(0, PLANS.length).entries()) {
    const spec = PLANS[index]!;
    const now = at(ctx, today);
    const vendor = await vendorAuthor(now);
    const contacts = await listContacts(ctx.db, ctx.workspaceId, project.accountId, 'current');
    const champion = contacts.find((c) => c.role === 'champion') ?? contacts.find((c) => c.role === 'project_lead') ?? contacts[0];
    const sponsor = contacts.find((c) => c.role === 'executive_sponsor') ?? champion;
    await updateSuccessPlan(now, vendor, project.id, {
      goals: spec.goals,
      executiveSponsorContactId: sponsor?.id ?? null,
      communicationCadence: [
        { who: `${vendor.name} (onboarding manager)`, meetsWhom: champion ? `${champion.name} (champion)` : 'The champion', frequency: 'weekly', channel: 'Video call' },
        { who: 'Our VP of Customer Success', meetsWhom: sponsor ? `${sponsor.name} (executive sponsor)` : 'The executive sponsor', frequency: 'quarterly', channel: 'On site' },
      ],
    });
    let plan = await addOutcome(now, vendor, project.id, { statement: spec.outcome });
    const outcomeId = plan.outcomes[0]!.id;
    const { days, ...metric } = spec.metric;
    plan = await addMetric(now, vendor, outcomeId, {
      ...metric,
      targetDate: addCalendarDays(project.day0, days),
      owner: champion ? { kind: 'contact', id: champion.id } : null,
    });
    const metricId = plan.outcomes[0]!.metrics[0]!.id;
    // Measured every three weeks since day 0, moving toward the target; the first project gets there.
    const reach = index === 0 ? 1.05 : 0.75;
    const customer: Author | undefined = champion && { side: 'customer', contactId: champion.id, name: champion.name };
    const customerCtx = (date: string): Ctx => ({ ...at(ctx, date), actor: { kind: 'contact', workspaceId: ctx.workspaceId, contactId: champion!.id, sessionId: 'demo', preview: false, name: champion!.name } });
    const measured: string[] = [];
    for (let day = 21; addCalendarDays(project.day0, day) < today; day += 21) measured.push(addCalendarDays(project.day0, day));
    for (const [i, date] of measured.entries()) {
      const share = Math.min(((i + 1) / measured.length) * reach, reach);
      const value = Math.round((metric.baseline + (metric.target - metric.baseline) * share) * 10) / 10;
      const byCustomer = customer && i % 2 === 1;
      await recordActual(byCustomer ? customerCtx(today) : now, byCustomer ? customer : vendor, metricId, {
        value,
        measuredOn: date,
        ...(i === 0 ? { note: 'First measurement after kickoff' } : {}),
      });
    }
    if (index === 0 && customer && measured.length > 0) {
      // A second outcome still on its way: first value is reached, value achieved is not.
      const next = await addOutcome(now, vendor, project.id, { statement: 'Agents answer onboarding questions without escalating' });
      const second = next.outcomes.at(-1)!;
      const escalations = await addMetric(now, vendor, second.id, {
        name: 'Escalated onboarding questions',
        unit: '%',
        direction: 'decrease',
        baseline: 30,
        target: 10,
        targetDate: addCalendarDays(today, 60),
        owner: null,
      });
      const escalationId = escalations.outcomes.at(-1)!.metrics[0]!.id;
      for (const [i, date] of measured.slice(-3).entries()) await recordActual(now, vendor, escalationId, { value: 26 - i * 3, measuredOn: date });
      await requestVerification(now, vendor, outcomeId, { note: 'The latest figure is past the target: can you confirm from your side?' });
      await verifyOutcome(customerCtx(today), customer, outcomeId, {
        comment: 'Confirmed from our helpdesk reports: onboarding questions are down by half.',
        evidence: 'Helpdesk report, last four weeks',
      });
    } else if (index === 1) {
      await requestVerification(now, vendor, outcomeId, { note: 'We are close to the target: tell us when you see it too.' });
    }
  }
}

// Readiness assessments for the demo's newest projects: one not ready (a risk on the project), one at risk,
// one ready that the customer filled in through the portal, and one sent to the customer and half answered.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DemoAdmin } from './demo-admin.ts';
import { DateTime } from 'luxon';
import { contextFor, type Author, type Ctx, type Services } from '../context.ts';
import { contacts, projects } from '../db/schema.ts';
import { saveAnswers, sendAssessment, startAssessment, submitAssessment, vendorAuthor } from '../modules/readiness/readiness.service.ts';

type Answers = Parameters<typeof saveAnswers>[2];

const NOT_READY: Answers = {
  sponsor_named: false,
  project_lead_time: 2,
  admins_named: false,
  end_user_count_known: 'Not yet',
  success_defined: false,
  process_documented: 2,
  change_plan: false,
  competing_projects: 'Several',
  systems_ready: ['An IT contact for integrations'],
  data_quality: 2,
  security_review: true,
  notes: 'A re-organisation is under way; the sponsor left last month.',
};
const AT_RISK: Answers = {
  sponsor_named: true,
  project_lead_time: 3,
  admins_named: false,
  end_user_count_known: 'Roughly, by team',
  success_defined: true,
  process_documented: 2,
  change_plan: false,
  competing_projects: 'One, manageable',
  systems_ready: ['Single sign-on (SSO)', 'An IT contact for integrations'],
  data_quality: 3,
  security_review: false,
};
const READY: Answers = {
  sponsor_named: true,
  project_lead_time: 4,
  admins_named: true,
  end_user_count_known: 'Yes, by name',
  success_defined: true,
  process_documented: 4,
  change_plan: true,
  competing_projects: 'No',
  systems_ready: ['Single sign-on (SSO)', 'Access to the data to migrate', 'An IT contact for integrations'],
  data_quality: 3,
  security_review: true,
};

/** The context with the clock stopped a few days after the project's day 0 (never after now). */
function daysAfter(ctx: Ctx, day0: string, days: number): Ctx {
  const instant = DateTime.fromISO(`${day0}T15:00:00Z`).plus({ days }).toJSDate();
  const now = ctx.services.now();
  return { ...ctx, services: { ...ctx.services, now: () => (instant < now ? instant : now) } };
}

export async function seedDemoReadiness(services: Services, workspaceId: string, admin: DemoAdmin): Promise<void> {
  const ctx = contextFor(services, { kind: 'member', workspaceId, memberId: admin.id, role: 'admin', sessionId: 'demo', name: admin.name });
  const newest = await services.database.db
    .select({ id: projects.id, accountId: projects.accountId, day0: projects.day0 })
    .from(projects)
    .where(eq(projects.workspaceId, workspaceId))
    .orderBy(desc(projects.day0))
    .limit(4);
  const plans: { answers: Answers; byCustomer: boolean; submit: boolean }[] = [
    { answers: NOT_READY, byCustomer: false, submit: true },
    { answers: AT_RISK, byCustomer: false, submit: true },
    { answers: READY, byCustomer: true, submit: true },
    { answers: { sponsor_named: true, project_lead_time: 4, admins_named: true }, byCustomer: true, submit: false },
  ];
  for (const [index, project] of newest.entries()) {
    const plan = plans[index]!;
    const at = daysAfter(ctx, project.day0, 2);
    const assessment = await startAssessment(at, project.id, {});
    let author: Author = await vendorAuthor(at);
    let answerCtx = at;
    if (plan.byCustomer) {
      const [champion] = await services.database.db
        .select({ id: contacts.id, name: contacts.name })
        .from(contacts)
        .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.accountId, project.accountId), isNull(contacts.leftOn)))
        .orderBy(sql`${contacts.role} not in ('champion', 'project_lead')`, contacts.name);
      if (champion) {
        await sendAssessment(at, assessment.id, champion.id);
        author = { side: 'customer', contactId: champion.id, name: champion.name };
        answerCtx = { ...daysAfter(ctx, project.day0, 4), actor: { kind: 'contact', workspaceId, contactId: champion.id, sessionId: 'demo', preview: false, name: champion.name } };
      }
    }
    await saveAnswers(answerCtx, assessment.id, plan.answers, author);
    if (plan.submit) await submitAssessment(answerCtx, assessment.id, author);
  }
}

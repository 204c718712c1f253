import { executiveSummary, type SummaryInput } from '../../../core/success-plans/summary.ts';
import type { Ctx } from '../../context.ts';
import { calendarOf } from '../projects/plan.ts';
import { milestoneSlipRows } from '../projects/projects.service.ts';
import { getProject } from '../projects/projects.service.ts';
import { engagedContactNames } from './success-plans.repo.ts';
import { getSuccessPlan } from './success-plans.service.ts';
import { logoOf, workspaceBranding } from '../branding/branding.service.ts';
import { contactsOfAccount } from '../contacts/contacts.service.ts';

/** The executive summary of a project: the same content for the printable page (JSON) and the PDF. */
export async function executiveSummaryOf(ctx: Ctx, projectId: string) {
  const project = await getProject(ctx, projectId);
  const plan = await getSuccessPlan(ctx, projectId);
  const calendar = await calendarOf(ctx.db, ctx.workspaceId);
  const delays = await milestoneSlipRows(ctx, projectId);
  const current = await contactsOfAccount(ctx, project.accountId, 'current');
  const engagedNames = await engagedContactNames(ctx.db, ctx.workspaceId, projectId);
  const input: SummaryInput = {
    today: plan.today,
    calendar,
    project: {
      name: project.name,
      accountName: project.accountName,
      day0: project.day0,
      status: project.status,
      onboardingManagerName: project.onboardingManager?.name ?? null,
      playbookName: project.playbook?.name ?? 'None (planned by hand)',
    },
    milestones: project.milestones.map((milestone) => ({
      taskId: milestone.taskId,
      kind: milestone.kind,
      baseline: milestone.baseline,
      projected: milestone.projected,
      actual: milestone.actual,
    })),
    delays: delays.map((delay) => ({ milestoneTaskId: delay.milestoneTaskId, side: delay.side as 'customer' | 'vendor', days: delay.days })),
    plan: {
      goals: plan.goals,
      executiveSponsor: plan.executiveSponsor && { name: plan.executiveSponsor.name, title: plan.executiveSponsor.title },
      communicationCadence: plan.communicationCadence,
      firstValueOn: plan.value.firstValueOn,
      valueAchievedOn: plan.value.valueAchievedOn,
    },
    outcomes: plan.outcomes.map((outcome) => ({
      statement: outcome.statement,
      verificationRequestedAt: outcome.verificationRequest?.at ?? null,
      verification: outcome.verification && {
        byName: outcome.verification.byName,
        on: outcome.verification.on,
        comment: outcome.verification.comment,
        evidence: outcome.verification.evidence,
      },
      metrics: outcome.metrics.map((metric) => ({
        name: metric.name,
        unit: metric.unit,
        direction: metric.direction,
        baseline: metric.baseline,
        target: metric.target,
        targetDate: metric.targetDate,
        ownerName: metric.owner?.name ?? null,
        actuals: metric.actuals.map((actual) => ({
          value: actual.value,
          measuredOn: actual.measuredOn,
          note: actual.note,
          recordedByName: actual.recordedBy.name,
        })),
      })),
    })),
    customerTasks: project.tasks
      .filter((task) => task.owner.side === 'customer')
      .map((task) => ({
        status: task.status,
        baselineFinish: task.baselineFinish,
        actualFinish: task.actualFinish,
      })),
    contacts: { current: current.length, engagedNames },
  };
  return { projectId, branding: await workspaceBranding(ctx), ...executiveSummary(input) };
}

/** The logo's bytes for the PDF, when it is one pdfkit can embed (PNG or JPEG; an older WebP or GIF logo is left out). */
export async function summaryLogo(ctx: Ctx): Promise<Buffer | null> {
  const logo = await logoOf(ctx.services, ctx.workspaceId);
  return logo && (logo.type === 'image/png' || logo.type === 'image/jpeg') ? Buffer.from(logo.bytes) : null;
}

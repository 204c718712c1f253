// What the education team and CSMs read: completion and pass rates, feedback, the xAPI export, and what an
// account's learning amounts to (trained and active users, certified super-users) for insight and health.
import type { AccountLearning, CourseFeedback, Rates, XapiStatement } from '../../../contract/academy.ts';
import type { Ctx } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { assertAccountExists } from '../accounts/accounts.service.ts';
import * as content from './content.repo.ts';
import { stuckLearners } from './enrolment.service.ts';
import * as repo from './learning.repo.ts';
import { certificatesOf } from './progress.service.ts';

const rate = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10);

export async function rates(ctx: Ctx): Promise<Rates> {
  const courses = await repo.courseRates(ctx.db, ctx.workspaceId);
  const paths = await repo.pathRates(ctx.db, ctx.workspaceId);
  return {
    courses: courses.map((c) => ({
      courseId: c.course_id,
      title: c.title,
      learners: c.learners,
      completed: c.completed,
      completionRate: rate(c.completed, c.learners),
      quizAttempts: c.quiz_attempts,
      quizPassRate: c.quiz_attempts === 0 ? null : rate(c.quiz_passes, c.quiz_attempts),
      averageRating: c.average_rating === null ? null : Math.round(c.average_rating * 10) / 10,
    })),
    paths: paths.map((p) => ({ pathId: p.path_id, title: p.title, enrolled: p.enrolled, completed: p.completed, completionRate: rate(p.completed, p.enrolled) })),
  };
}

export async function courseFeedback(ctx: Ctx, courseId: string): Promise<CourseFeedback> {
  if (!(await content.findCourse(ctx.db, ctx.workspaceId, courseId))) throw notFound('course');
  const rows = await repo.feedbackOf(ctx.db, ctx.workspaceId, courseId);
  const average = rows.length === 0 ? null : Math.round((rows.reduce((sum, r) => sum + r.rating, 0) / rows.length) * 10) / 10;
  return {
    averageRating: average,
    count: rows.length,
    entries: rows.map((r) => ({ contactName: r.contact_name, accountName: r.account_name, rating: r.rating, comment: r.comment, at: new Date(r.created_at).toISOString() })),
  };
}

export async function exportStatements(ctx: Ctx, filter: { since?: string | undefined; contactId?: string | undefined; courseId?: string | undefined }, limit: number) {
  const rows = await repo.statements(ctx.db, ctx.workspaceId, { since: filter.since ? new Date(filter.since) : undefined, contactId: filter.contactId, courseId: filter.courseId }, limit);
  return rows.map((r) => r.statement as XapiStatement);
}

/** Trained users (completed a course), active learners (the last 90 days), and the account's certificates. */
export async function accountLearning(ctx: Ctx, accountId: string): Promise<AccountLearning> {
  await assertAccountExists(ctx, accountId);
  const figures = await repo.accountLearning(ctx.db, ctx.workspaceId, accountId, new Date(ctx.services.now().getTime() - 90 * 86_400_000));
  const certificates = (await certificatesOf(ctx, { accountId })).filter((c) => c.status !== 'expired');
  const stuck = await stuckLearners(ctx, 14, accountId);
  return { accountId, trainedUsers: figures.trained, activeLearners: figures.active, currentContacts: figures.current_contacts, certifiedSuperUsers: certificates, stuck };
}

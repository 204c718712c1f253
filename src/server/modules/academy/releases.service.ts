// Releases: the product team records what changed (product, modules, notes) and publishes it to exactly the
// contacts who use those modules: a notice through the outbox under the frequency cap, enrolment in the delta
// course (through a one-course path made for the release), a link to the release webinar. Set-based throughout.
import { and, desc, eq } from 'drizzle-orm';
import type { Release, ReleaseInput } from '../../../contract/academy.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { academyReleases } from '../../db/schema.ts';
import { check, emit } from '../../events/bus.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { queueCappedNotices } from '../../mail/mail.service.ts';
import * as content from './content.repo.ts';
import * as enrolments from './enrolment.repo.ts';
import { createPath } from './paths.service.ts';
import * as webinarsRepo from './webinars.repo.ts';
import { sql } from 'drizzle-orm';

type Row = typeof academyReleases.$inferSelect;

const present = (row: Row): Release => ({
  id: row.id,
  product: row.product,
  name: row.name,
  modules: row.modules,
  notes: row.notes,
  courseId: row.courseId,
  webinarId: row.webinarId,
  publishedAt: row.publishedAt?.toISOString() ?? null,
  audienceCount: row.audienceCount,
});

async function findRelease(ctx: Ctx, releaseId: string) {
  const [row] = await ctx.db.select().from(academyReleases).where(and(eq(academyReleases.workspaceId, ctx.workspaceId), eq(academyReleases.id, releaseId)));
  return row;
}

export async function listReleases(ctx: Ctx) {
  return (await ctx.db.select().from(academyReleases).where(eq(academyReleases.workspaceId, ctx.workspaceId)).orderBy(desc(academyReleases.createdAt))).map(present);
}

export async function getRelease(ctx: Ctx, releaseId: string) {
  const row = await findRelease(ctx, releaseId);
  if (!row) throw notFound('release');
  return present(row);
}

export async function createRelease(ctx: Ctx, input: ReleaseInput) {
  await check(ctx, 'products.naming', { products: [input.product], path: ['body', 'product'] });
  await check(ctx, 'products.naming', { modules: input.modules, path: ['body', 'modules'] });
  if (input.courseId && !(await content.findCourse(ctx.db, ctx.workspaceId, input.courseId))) throw invalid('courseId: is not a course of this workspace', { path: ['body', 'courseId'] });
  if (input.webinarId && !(await webinarsRepo.findWebinar(ctx.db, ctx.workspaceId, input.webinarId))) throw invalid('webinarId: is not a webinar of this workspace', { path: ['body', 'webinarId'] });
  const [row] = await ctx.db.insert(academyReleases).values({ workspaceId: ctx.workspaceId, ...input, createdAt: ctx.services.now() }).returning();
  return present(row!);
}

/** The current contacts who use the release (its product on their account and, if it names modules, one of them) as SQL. */
const releaseAudience = (workspaceId: string, release: { product: string; modules: string[] }) => {
  const modules = `{${release.modules.map((m) => `"${m.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
  return sql`from contacts c join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
     where c.workspace_id = ${workspaceId} and c.left_on is null and a.archived_at is null and ${release.product} = any(a.products)
       and (cardinality(${modules}::text[]) = 0 or c.modules && ${modules}::text[])`;
};

/**
 * Publishes a release to its users: enrols them in its delta course (a one-course path made for it) and writes
 * their release news to the outbox under the frequency cap — each one INSERT … SELECT, the audience never
 * leaving the database.
 */
export async function publishRelease(ctx: Ctx, releaseId: string) {
  return inTransaction(ctx, async (tx) => {
    const row = await findRelease(tx, releaseId);
    if (!row) throw notFound('release');
    if (row.publishedAt) throw new AppError('conflict', `"${row.name}" was already published on ${row.publishedAt.toISOString().slice(0, 10)}.`);
    const now = tx.services.now();
    let pathId: string | null = null;
    if (row.courseId) {
      const path = await createPath(tx, {
        title: `What's new: ${row.name}`,
        description: row.notes.slice(0, 4000),
        audience: { roles: [], segments: [], products: [row.product], modules: row.modules, organizationIds: [], stages: [] },
        courses: [{ courseId: row.courseId, kind: 'core' }],
        electivesRequired: 0,
        minimumScore: null,
        certificate: null,
      });
      pathId = path.id;
      await enrolments.enrolReleaseAudience(tx.db, tx.workspaceId, path.id, 1, row, `Release ${row.name}`, now);
    }
    const webinar = row.webinarId ? (await webinarsRepo.findWebinar(tx.db, tx.workspaceId, row.webinarId))?.webinar : undefined;
    const portal = `${tx.services.config.publicUrl.replace(/\/$/, '')}/portal/academy`;
    const extra = [pathId ? `A short course on what changed is waiting for you: ${portal}` : '', webinar ? `Join the walkthrough webinar on ${webinar.startsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC: register at ${portal}` : '']
      .filter(Boolean)
      .join('\n');
    const body = `${row.name} changes ${row.modules.length ? row.modules.join(', ') : row.product}, which you use.\n\n${row.notes}\n\n${extra}`.trim();
    const audienceCount = await queueCappedNotices(
      tx.db,
      tx.services,
      tx.workspaceId,
      sql`select c.id as contact_id, ${`release:${row.id}:`} || c.id as dedupe_key, null::text as to_address, ${`What's new in ${row.product}: ${row.name}`}::text as subject,
                 'Hello ' || c.name || ${`,\n\n${body}`} as text_body ${releaseAudience(tx.workspaceId, row)}`,
      'Release news',
    );
    await tx.db.update(academyReleases).set({ publishedAt: now, audienceCount, pathId }).where(and(eq(academyReleases.workspaceId, tx.workspaceId), eq(academyReleases.id, row.id)));
    await emit(tx, 'release.published', { releaseId: row.id, product: row.product, modules: row.modules });
    return getRelease(tx, row.id);
  });
}

// Writing to the audit log: the one function every change worth auditing calls (through a reaction to its domain
// event where there is one, or directly: sign-ins, which have no transaction of a change to ride in). It writes in
// the caller's transaction, so an entry exists exactly when its change does.
import type { AuditKind } from '../../contract/audit.ts';
import { actorId, type Ctx, type RequestOrigin, type Services } from '../context.ts';
import type { Db } from '../db/client.ts';
import { insertEntry } from './audit.repo.ts';

export interface AuditChange {
  kind: AuditKind;
  /** One line a person reads: "Role of Sam Csm changed from csm to admin". */
  summary: string;
  subject?: { type: string; id: string };
  before?: unknown;
  after?: unknown;
}

/** Records a change made by the context's actor (with the request's address and browser when there was one). */
export async function recordAudit(ctx: Ctx, change: AuditChange): Promise<void> {
  await insertEntry(ctx.db, {
    workspaceId: ctx.workspaceId,
    at: ctx.services.now(),
    actorKind: ctx.actor.kind,
    actorId: actorId(ctx.actor),
    actorName: ctx.actor.name,
    ...fieldsOf(change),
    ip: ctx.origin?.ip ?? null,
    userAgent: ctx.origin?.userAgent ?? null,
  });
}

/** A sign-in, successful or not: who (as far as known) and from where; there is no signed-in context yet. */
export async function recordSignIn(
  db: Db,
  services: Services,
  entry: { workspaceId: string; memberId: string | null; name: string; succeeded: boolean; email: string; origin: RequestOrigin; reason?: string },
): Promise<void> {
  await insertEntry(db, {
    workspaceId: entry.workspaceId,
    at: services.now(),
    actorKind: entry.memberId ? 'member' : 'anonymous',
    actorId: entry.memberId,
    actorName: entry.name,
    ...fieldsOf({
      kind: entry.succeeded ? 'sign_in.succeeded' : 'sign_in.failed',
      summary: entry.succeeded ? `${entry.name} signed in` : `Failed sign-in as ${entry.email}${entry.reason ? `: ${entry.reason}` : ''}`,
      subject: entry.memberId ? { type: 'member', id: entry.memberId } : undefined,
    }),
    ip: entry.origin.ip,
    userAgent: entry.origin.userAgent,
  });
}

const fieldsOf = (change: AuditChange) => ({
  kind: change.kind,
  summary: change.summary.slice(0, 500),
  subjectType: change.subject?.type ?? null,
  subjectId: change.subject?.id ?? null,
  before: change.before ?? null,
  after: change.after ?? null,
});

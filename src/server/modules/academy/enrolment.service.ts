// Enrolment: by hand (one contact, several, an account) and by rules, for existing and future contacts. A rule
// saved is evaluated at once over every contact in one statement; a contact who joins or changes role is checked
// against the rules in the same transaction (so enrolled at once, not within a minute); one who leaves is
// withdrawn, the enrolment kept as history.
import type { LearnerFacts } from '../../../core/academy/audience.ts';
import type { Audience, Enrolment, EnrolmentRule, ManualEnrolmentInput, RuleInput, RulePatch, RuleSaved } from '../../../contract/academy.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { check } from '../../events/bus.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { contactOf } from '../contacts/contacts.service.ts';
import * as repo from './enrolment.repo.ts';
import { presentProgress, standingsOf } from './progress.service.ts';
import { pathVersion } from './paths.service.ts';

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

const audienceOf = (rule: repo.RuleRow): Audience => ({
  roles: rule.roles as Audience['roles'],
  segments: rule.segments as Audience['segments'],
  products: rule.products,
  modules: rule.modules,
  organizationIds: rule.organizationIds,
  stages: rule.stages as Audience['stages'],
});

export async function learnerFactsOf(ctx: Ctx, contactId: string): Promise<LearnerFacts | undefined> {
  const row = await repo.learnerFacts(ctx.db, ctx.workspaceId, contactId);
  return row && { role: row.role, segment: row.segment, products: row.products, modules: row.modules, organizationId: row.organization_id, stage: row.laer_stage, left: row.left_on !== null };
}

// ---- rules ----

export async function listRules(ctx: Ctx): Promise<EnrolmentRule[]> {
  const rows = await repo.listRules(ctx.db, ctx.workspaceId);
  const titles = new Map<string, string>();
  for (const { rule } of rows) if (!titles.has(rule.pathId)) titles.set(rule.pathId, (await pathVersion(ctx, rule.pathId))?.title ?? '');
  return rows.map(({ rule, enrolledCount }) => presentRule(rule, titles.get(rule.pathId) ?? '', enrolledCount));
}

const presentRule = (rule: repo.RuleRow, pathTitle: string, enrolledCount: number): EnrolmentRule => ({
  id: rule.id,
  name: rule.name,
  pathId: rule.pathId,
  pathTitle,
  audience: audienceOf(rule),
  trigger: rule.trigger as EnrolmentRule['trigger'],
  milestoneKind: rule.milestoneKind,
  releaseProduct: rule.releaseProduct,
  active: rule.active,
  enrolledCount,
  updatedAt: rule.updatedAt.toISOString(),
});

async function assertPath(ctx: Ctx, pathId: string) {
  const path = await pathVersion(ctx, pathId);
  if (!path) throw invalid('pathId: is not a learning path of this workspace', { path: ['body', 'pathId'] });
  if (path.archived) throw invalid(`pathId: "${path.title}" is archived: restore it first`, { path: ['body', 'pathId'] });
  return path;
}

async function savedRule(ctx: Ctx, rule: repo.RuleRow, newlyEnrolled: number, change = { withdrawn: 0, kept: 0 }): Promise<RuleSaved> {
  const all = await listRules(ctx);
  return { ...all.find((r) => r.id === rule.id)!, newlyEnrolled, withdrawn: change.withdrawn, keptWithProgress: change.kept };
}

/** A `matching` rule enrols every current contact who fits, now. */
const reevaluate = (ctx: Ctx, rule: repo.RuleRow) =>
  rule.active && rule.trigger === 'matching' ? repo.enrolByRules(ctx.db, { workspaceId: ctx.workspaceId, triggers: ['matching'], ruleId: rule.id }, ctx.services.now()) : Promise.resolve(0);

const ruleValues = (input: Partial<RuleInput>) => ({
  ...(input.name !== undefined ? { name: input.name } : {}),
  ...(input.pathId !== undefined ? { pathId: input.pathId } : {}),
  ...(input.trigger !== undefined ? { trigger: input.trigger } : {}),
  ...(input.milestoneKind !== undefined ? { milestoneKind: input.milestoneKind } : {}),
  ...(input.releaseProduct !== undefined ? { releaseProduct: input.releaseProduct } : {}),
  ...(input.active !== undefined ? { active: input.active } : {}),
  ...(input.audience !== undefined ? { ...input.audience } : {}),
});

/** The products a rule names are products the workspace sells (the catalogue's guard). */
async function assertRuleProducts(ctx: Ctx, input: Partial<RuleInput>) {
  if (input.audience) await check(ctx, 'products.naming', { products: input.audience.products, path: ['body', 'audience', 'products'] });
  if (input.releaseProduct) await check(ctx, 'products.naming', { products: [input.releaseProduct], path: ['body', 'releaseProduct'] });
}

export async function createRule(ctx: Ctx, input: RuleInput) {
  return inTransaction(ctx, async (tx) => {
    await assertPath(tx, input.pathId);
    await assertRuleProducts(tx, input);
    const rule = await repo.insertRule(tx.db, { workspaceId: tx.workspaceId, ...ruleValues(input), name: input.name, pathId: input.pathId, trigger: input.trigger });
    return savedRule(tx, rule, await reevaluate(tx, rule));
  });
}

/**
 * Changes a rule and re-evaluates it: contacts it now matches are enrolled; running enrolments it made that it no
 * longer matches (narrowed audience, another path) are withdrawn with the reason, unless the learner has
 * started — progress is theirs, so those stay (and are counted, so the editor can say so).
 */
export async function updateRule(ctx: Ctx, ruleId: string, patch: RulePatch) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findRule(tx.db, tx.workspaceId, ruleId);
    if (!before) throw notFound('enrolment rule');
    if (patch.pathId !== undefined) await assertPath(tx, patch.pathId);
    await assertRuleProducts(tx, patch);
    const rule = (await repo.updateRule(tx.db, tx.workspaceId, ruleId, { ...ruleValues(patch), updatedAt: tx.services.now() }))!;
    // A paused rule enrols nobody new, and withdraws nobody either.
    const change = rule.active ? await repo.withdrawUnmatched(tx.db, tx.workspaceId, ruleId, `The rule "${rule.name}" no longer enrols them`, tx.services.now()) : { withdrawn: 0, kept: 0 };
    return savedRule(tx, rule, await reevaluate(tx, rule), change);
  });
}

/** Deletes a rule: its running enrolments without progress are withdrawn (kept as history); those with progress stay. */
export async function deleteRule(ctx: Ctx, ruleId: string) {
  return inTransaction(ctx, async (tx) => {
    const rule = await repo.findRule(tx.db, tx.workspaceId, ruleId);
    if (!rule) throw notFound('enrolment rule');
    const change = await repo.withdrawUnmatched(tx.db, tx.workspaceId, ruleId, `The rule "${rule.name}" was deleted`, tx.services.now(), true);
    await repo.deleteRule(tx.db, tx.workspaceId, ruleId);
    return { withdrawn: change.withdrawn, keptWithProgress: change.kept };
  });
}

/** Every matching rule re-evaluated over every current contact of the workspace, in one statement. Returns how many were enrolled. */
export const reevaluateRules = (ctx: Ctx) => repo.enrolByRules(ctx.db, { workspaceId: ctx.workspaceId, triggers: ['matching'] }, ctx.services.now());

/**
 * The matching rules re-evaluated for one account's current contacts, in one statement: its products, organizations
 * or maturity stage changed, so rules on those facets may now enrol them.
 */
export const reevaluateAccount = (ctx: Ctx, accountId: string) =>
  repo.enrolByRules(ctx.db, { workspaceId: ctx.workspaceId, triggers: ['matching'], accountId }, ctx.services.now());

// ---- the events that enrol and withdraw ----

export const enrolNewContact = (ctx: Ctx, contactId: string) =>
  repo.enrolByRules(ctx.db, { workspaceId: ctx.workspaceId, triggers: ['matching', 'contact_joined'], contactId }, ctx.services.now());

/** enrolNewContact for a set of contacts at once (a CSV import's batch): one statement. */
export const enrolNewContacts = (ctx: Ctx, contactIds: string[]) =>
  repo.enrolByRules(ctx.db, { workspaceId: ctx.workspaceId, triggers: ['matching', 'contact_joined'], contactIds }, ctx.services.now());

export const enrolOnRoleChanges = (ctx: Ctx, contactIds: string[]) =>
  repo.enrolByRules(ctx.db, { workspaceId: ctx.workspaceId, triggers: ['matching', 'role_changed'], contactIds }, ctx.services.now());

export const enrolOnRoleChange = (ctx: Ctx, contactId: string) =>
  repo.enrolByRules(ctx.db, { workspaceId: ctx.workspaceId, triggers: ['matching', 'role_changed'], contactId }, ctx.services.now());

export async function enrolOnMilestone(ctx: Ctx, projectId: string, milestoneKind: string) {
  const accountId = await repo.accountOfProject(ctx.db, ctx.workspaceId, projectId);
  if (!accountId) return 0;
  return repo.enrolByRules(ctx.db, { workspaceId: ctx.workspaceId, triggers: ['milestone_reached'], accountId, milestoneKind }, ctx.services.now());
}

export const enrolOnRelease = (ctx: Ctx, release: { product: string; modules: string[] }) =>
  repo.enrolByRules(ctx.db, { workspaceId: ctx.workspaceId, triggers: ['release_published'], release }, ctx.services.now());

export const withdrawLeaver = (ctx: Ctx, contactId: string) => repo.withdrawContact(ctx.db, ctx.workspaceId, contactId, 'Left the customer', ctx.services.now());
/** A contact deleted as added by mistake: their enrolments go with them (contacts refuses one with learning history). */
export const forgetContact = (ctx: Ctx, contactId: string) => repo.deleteEnrolmentsOf(ctx.db, ctx.workspaceId, contactId);
export const withdrawLeavers = (ctx: Ctx, contactIds: string[]) => repo.withdrawContacts(ctx.db, ctx.workspaceId, contactIds, 'Left the customer', ctx.services.now());

// ---- by hand ----

export async function enrolByHand(ctx: Ctx, input: ManualEnrolmentInput) {
  return inTransaction(ctx, async (tx) => {
    const path = await assertPath(tx, input.pathId);
    const who = input.contactIds ?? { accountId: input.accountId! };
    const enrolled = await repo.enrolContacts(tx.db, tx.workspaceId, path.pathId, path.version, who, tx.actor.name, tx.services.now());
    const asked = Array.isArray(who) ? new Set(who).size : enrolled;
    return { enrolled, alreadyEnrolled: Math.max(0, asked - enrolled) };
  });
}

export async function withdraw(ctx: Ctx, enrolmentId: string, reason: string) {
  const row = await repo.withdrawEnrolment(ctx.db, ctx.workspaceId, enrolmentId, reason || `Withdrawn by ${ctx.actor.name}`, ctx.services.now());
  if (!row) {
    if (!(await repo.findEnrolment(ctx.db, ctx.workspaceId, enrolmentId))) throw notFound('enrolment');
    throw new AppError('conflict', 'Only a running enrolment can be withdrawn.');
  }
  return (await listEnrolments(ctx, { contactId: row.contactId, pathId: row.pathId }, 100, 0)).items.find((e) => e.id === enrolmentId)!;
}

export async function listEnrolments(ctx: Ctx, filter: repo.EnrolmentFilter, limit: number, offset: number) {
  const { rows, total } = await repo.listEnrolments(ctx.db, ctx.workspaceId, filter, limit, offset);
  const standings = await standingsOf(ctx, rows.map((r) => ({ id: r.id, contactId: r.contact_id, pathId: r.path_id, pathVersion: r.path_version })));
  const items: Enrolment[] = rows.map((r) => ({
    id: r.id,
    contactId: r.contact_id,
    contactName: r.contact_name,
    accountId: r.account_id,
    accountName: r.account_name,
    pathId: r.path_id,
    pathTitle: r.path_title,
    pathVersion: r.path_version,
    status: r.status as Enrolment['status'],
    source: r.rule_id ? { kind: 'rule', ruleId: r.rule_id, ruleName: r.enrolled_by_name } : { kind: 'manual', byName: r.enrolled_by_name },
    enrolledAt: iso(r.enrolled_at)!,
    completedAt: iso(r.completed_at),
    withdrawnAt: iso(r.withdrawn_at),
    withdrawnReason: r.withdrawn_reason,
    progress: presentProgress(standings.get(r.id)),
  }));
  return { total, items };
}

// ---- stuck learners ----

export async function stuckLearners(ctx: Ctx, days: number, accountId?: string) {
  const now = ctx.services.now();
  const rows = await repo.stuck(ctx.db, ctx.workspaceId, new Date(now.getTime() - days * 86_400_000), accountId);
  return rows.map((r) => ({
    enrolmentId: r.id,
    contactId: r.contact_id,
    contactName: r.contact_name,
    email: r.email,
    accountName: r.account_name,
    pathTitle: r.path_title,
    enrolledAt: iso(r.enrolled_at)!,
    daysSinceActivity: Math.floor((now.getTime() - new Date(r.last_activity).getTime()) / 86_400_000),
    lastNudgedAt: iso(r.last_nudged_at),
  }));
}

/** Emails the learner a nudge back to their path (once a day at most). */
export async function nudge(ctx: Ctx, enrolmentId: string) {
  return inTransaction(ctx, async (tx) => {
    const enrolment = await repo.findEnrolment(tx.db, tx.workspaceId, enrolmentId);
    if (!enrolment) throw notFound('enrolment');
    if (enrolment.status !== 'active') return { queued: false, reason: 'The enrolment is not running.' };
    const now = tx.services.now();
    if (enrolment.lastNudgedAt && now.getTime() - enrolment.lastNudgedAt.getTime() < 86_400_000) return { queued: false, reason: 'They were nudged less than a day ago.' };
    const [item] = (await listEnrolments(tx, { contactId: enrolment.contactId, pathId: enrolment.pathId }, 10, 0)).items.filter((e) => e.id === enrolmentId);
    if (!item) throw notFound('enrolment');
    const to = await contactOf(tx, enrolment.contactId);
    if (!to) throw notFound('contact');
    const portal = `${tx.services.config.publicUrl.replace(/\/$/, '')}/portal/academy`;
    await queueMail(tx.db, tx.services, tx.workspaceId, {
      dedupeKey: `academy-nudge:${enrolmentId}:${now.toISOString().slice(0, 10)}`,
      to: to.email,
      subject: `Pick up "${item.pathTitle}" where you left off`,
      text: `Hello ${to.name},\n\nYou are ${item.progress.percent}% of the way through "${item.pathTitle}". Pick up where you left off:\n${portal}\n\n${tx.actor.name}`,
    });
    await repo.markNudged(tx.db, tx.workspaceId, enrolmentId, now);
    return { queued: true, reason: null };
  });
}

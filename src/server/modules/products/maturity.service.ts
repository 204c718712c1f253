// Where accounts and their users stand in each product's maturity model, and what happens when they climb:
// the stage is core/maturity's pure function of the facts now; a change is kept as history; reaching a stage
// (maturity.stage_reached) onboards the next part of the product as if it were a new product.
import { contextFor, inTransaction, systemActor, type Ctx, type Services } from '../../context.ts';
import { emit } from '../../events/bus.ts';
import type { DomainEvents } from '../../events/catalogue.ts';
import { AppError } from '../../http/errors.ts';
import { stageOf, type MaturityFact, type StageDefinition } from '../../../core/maturity/maturity.ts';
import type { AccountProductsView, MaturityStage, UsageInput } from '../../../contract/products.ts';
import type { z } from 'zod';
import { assertAccountExists, getAccount } from '../accounts/accounts.service.ts';
import { enrolByHand } from '../academy/enrolment.service.ts';
import { setProjectCadence } from '../cadences/cadences.service.ts';
import { addTask } from '../projects/tasks.service.ts';
import * as repo from './products.repo.ts';

type Facts = Awaited<ReturnType<typeof repo.maturityFactsOf>>;

const accountFacts = (facts: Facts): MaturityFact[] => [
  ...facts.users.map((u) => ({ kind: 'user' as const, contactId: u.id })),
  ...facts.users.flatMap((u) => u.modules.map((module) => ({ kind: 'module_used' as const, contactId: u.id, module }))),
  ...facts.completions.map((c) => ({ kind: 'path_completed' as const, contactId: c.contact_id, pathId: c.path_id })),
  ...facts.outcomes.map((o) => ({ kind: 'outcome_verified' as const, outcomeId: o.id })),
  ...facts.usage.map((u) => ({ kind: 'usage' as const, metric: u.metric, value: Number(u.value), at: new Date(u.at).toISOString() })),
];

const userFacts = (facts: Facts, contactId: string): MaturityFact[] => accountFacts(facts).filter((f) => !('contactId' in f) || f.contactId === contactId);

/** The catalogue's products with a maturity model that the account holds. */
async function modelsOf(ctx: Ctx, accountId: string) {
  const held = new Set((await repo.accountProductNames(ctx.db, ctx.workspaceId, accountId)).map((p) => p.toLowerCase()));
  return (await repo.listProducts(ctx.db, ctx.workspaceId, false))
    .filter((p) => held.has(p.name.toLowerCase()))
    .map((p) => ({ id: p.id, name: p.name, stages: p.stages as MaturityStage[] }))
    .filter((p) => p.stages.length > 0);
}

const latestStages = (changes: Awaited<ReturnType<typeof repo.stageChangesOf>>) => {
  const latest = new Map<string, string | null>();
  for (const change of changes) latest.set(`${change.productId}:${change.contactId ?? ''}`, change.toStage);
  return latest;
};

/**
 * Re-evaluates an account and its users in every product's maturity model; a stage that changed is recorded
 * (with why), and a stage reached is announced. Returns how many changes it recorded.
 */
export async function evaluateAccount(ctx: Ctx, accountId: string, why: string) {
  const models = await modelsOf(ctx, accountId);
  if (models.length === 0) return 0;
  const facts = await repo.maturityFactsOf(ctx.db, ctx.workspaceId, accountId);
  const latest = latestStages(await repo.stageChangesOf(ctx.db, ctx.workspaceId, accountId));
  const now = ctx.services.now();
  let changes = 0;
  for (const model of models) {
    const stages = model.stages as StageDefinition[];
    const rank = (key: string | null | undefined) => (key ? stages.findIndex((s) => s.key === key) : -1);
    const judge = async (contactId: string | null, modelFacts: MaturityFact[]) => {
      const standing = stageOf(stages, modelFacts, contactId ? 'user' : 'account');
      const before = latest.get(`${model.id}:${contactId ?? ''}`);
      if ((before ?? null) === standing.key) return;
      changes += 1;
      await repo.insertStageChange(ctx.db, {
        workspaceId: ctx.workspaceId,
        accountId,
        contactId,
        productId: model.id,
        fromStage: before ?? null,
        toStage: standing.key,
        at: now,
        why,
      });
      if (standing.index > rank(before)) {
        await emit(ctx, 'maturity.stage_reached', { accountId, contactId, product: model.name, stage: standing.key!, from: before ?? null });
      }
    };
    await judge(null, accountFacts(facts));
    for (const user of facts.users) await judge(user.id, userFacts(facts, user.id));
  }
  return changes;
}

/**
 * Reaching a stage onboards its part of the product as if it were new: the stage's path for the account's users
 * (or the one user), and for the account a success-plan review task in its active project and the stage's
 * cadence on that project. An account with no active project gets no task: the review shows on its page.
 */
export async function onboardNextPart(ctx: Ctx, reached: DomainEvents['maturity.stage_reached']) {
  const product = await repo.findProductByName(ctx.db, ctx.workspaceId, reached.product);
  const stage = (product?.stages as MaturityStage[] | undefined)?.find((s) => s.key === reached.stage);
  if (!product || !stage) return;
  if (stage.pathId) {
    try {
      await enrolByHand(ctx, reached.contactId ? { pathId: stage.pathId, contactIds: [reached.contactId] } : { pathId: stage.pathId, accountId: reached.accountId });
    } catch (error) {
      // An archived path is refused before anything is written: the stage is still reached.
      if (!(error instanceof AppError)) throw error;
    }
  }
  if (reached.contactId) return;
  const project = await repo.activeProjectOf(ctx.db, ctx.workspaceId, reached.accountId);
  if (!project) return;
  const lastStage = project.stages.at(-1)?.key;
  if (lastStage) {
    const added = await addTask(ctx, project.id, {
      title: `Success-plan review: ${reached.product} ${stage.name}`,
      description: `The account reached ${stage.name} in ${reached.product}. Review the success plan with the customer: what the next stage needs, and which outcomes come next.`,
      stage: lastStage,
      owner: { side: 'vendor', role: 'csm' },
      durationDays: 1,
      dependsOn: [],
      customerVisible: false,
    });
    await repo.setReviewTask(ctx.db, ctx.workspaceId, { accountId: reached.accountId, productId: product.id }, added.task.id);
  }
  if (stage.cadenceId && (await repo.cadenceExists(ctx.db, ctx.workspaceId, stage.cadenceId))) await setProjectCadence(ctx, project.id, stage.cadenceId);
}

/** A usage figure from an integration; the account's stages are re-evaluated with it. */
export async function postUsage(ctx: Ctx, accountId: string, input: z.infer<typeof UsageInput>) {
  return inTransaction(ctx, async (tx) => {
    await assertAccountExists(tx, accountId);
    const row = await repo.insertUsage(tx.db, { workspaceId: tx.workspaceId, accountId, metric: input.metric, value: input.value, at: input.at ? new Date(input.at) : tx.services.now() });
    await evaluateAccount(tx, accountId, `${input.metric} posted: ${input.value}`);
    await emit(tx, 'usage.posted', { accountId, metric: row.metric, value: row.value, at: row.at.toISOString() });
    return { id: row.id, metric: row.metric, value: row.value, at: row.at.toISOString() };
  });
}

export async function evaluateByHand(ctx: Ctx, accountId: string) {
  return inTransaction(ctx, async (tx) => {
    await assertAccountExists(tx, accountId);
    return { changes: await evaluateAccount(tx, accountId, `Re-evaluated by ${tx.actor.name}`) };
  });
}

/** For reactions: re-evaluate after an event, in its transaction. */
export const evaluateAfter = (ctx: Ctx, accountId: string, why: string) => evaluateAccount(ctx, accountId, why);

/** The nightly pass: every account that holds a product with a maturity model, each in its own transaction. */
export async function evaluateAll(services: Services, batch = 200) {
  let after: { workspaceId: string; accountId: string } | null = null;
  let changes = 0;
  for (;;) {
    const rows = await repo.accountsToEvaluate(services.database.db, after, batch);
    for (const row of rows) {
      const ctx = contextFor(services, systemActor(row.workspace_id, 'maturity'));
      changes += await inTransaction(ctx, (tx) => evaluateAccount(tx, row.id, 'Nightly evaluation'));
    }
    if (rows.length < batch) return changes;
    after = { workspaceId: rows.at(-1)!.workspace_id, accountId: rows.at(-1)!.id };
  }
}

// ---- the account's view ----

export async function accountProductsView(ctx: Ctx, accountId: string): Promise<AccountProductsView> {
  const account = await getAccount(ctx, accountId);
  const catalogue = await repo.listProducts(ctx.db, ctx.workspaceId, true);
  const byName = new Map(catalogue.map((p) => [p.name.toLowerCase(), p]));
  const added = new Map((await repo.addedProductsOf(ctx.db, ctx.workspaceId, accountId)).map((row) => [row.name.toLowerCase(), row]));
  const changes = await repo.stageChangesOf(ctx.db, ctx.workspaceId, accountId);
  const latest = latestStages(changes);
  const facts = await repo.maturityFactsOf(ctx.db, ctx.workspaceId, accountId);
  const names = new Map(facts.users.map((u) => [u.id, u.name]));
  const originalProjects = await repo.firstProjectOf(ctx.db, ctx.workspaceId, accountId);
  const pathTitles = await repo.pathTitles(ctx.db, ctx.workspaceId);
  const products = account.products.map((name) => {
    const product = byName.get(name.toLowerCase());
    const extra = added.get(name.toLowerCase());
    const stages = ((product?.stages ?? []) as MaturityStage[]) as StageDefinition[];
    const original = extra ? undefined : (originalProjects.find((p) => p.product?.toLowerCase() === name.toLowerCase()) ?? originalProjects[0]);
    const projectId = extra ? extra.project_id : (original?.id ?? null);
    return {
      productId: product?.id ?? null,
      name,
      mode: (extra?.mode ?? 'original') as 'original' | 'project' | 'users_only',
      projectId,
      projectName: extra ? extra.project_name : (original?.name ?? null),
      addedOn: extra?.added_on ?? account.contractSignedOn,
      stages: stages.map((s) => ({ key: s.key, name: s.name })),
      stage: product ? (latest.get(`${product.id}:`) ?? null) : null,
      next: stages.length > 0 ? stageOf(stages, accountFacts(facts), 'account', (id) => pathTitles.get(id) ?? 'the path').next : [],
      history: changes
        .filter((c) => c.productId === product?.id && c.contactId === null)
        .map((c) => ({ at: c.at.toISOString(), from: c.fromStage, to: c.toStage, why: c.why, reviewTaskId: c.reviewTaskId })),
      users: product
        ? facts.users
            .map((u) => ({ contactId: u.id, name: names.get(u.id) ?? '', stage: latest.get(`${product.id}:${u.id}`) ?? null }))
            .filter((u) => u.stage !== null)
        : [],
    };
  });
  const organizations = (await repo.organizationsOf(ctx.db, ctx.workspaceId, accountId)).map((o) => ({
    id: o.id,
    name: o.name,
    type: o.type,
    users: o.users,
    mode: (o.mode ?? (o.kind === 'new_implementation' ? 'project' : 'users_only')) as 'project' | 'users_only',
    suggestedMode: o.suggested_mode as 'project' | 'users_only' | null,
    suggestedBecause: o.suggested_because,
    projectId: o.project_id,
    projectName: o.project_name,
    archived: o.archived,
  }));
  const usage = (await repo.recentUsage(ctx.db, ctx.workspaceId, accountId, 20)).map((u) => ({ id: u.id, metric: u.metric, value: u.value, at: u.at.toISOString() }));
  return { products, organizations, usage };
}

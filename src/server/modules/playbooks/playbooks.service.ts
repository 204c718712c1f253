import { BUILTIN_PLAYBOOKS } from '../../../core/playbooks/builtin.ts';
import type { PlaybookDefinition } from '../../../core/playbooks/definition.ts';
import { rankPlaybooks, type AccountProfile } from '../../../core/playbooks/selection.ts';
import { validatePlaybook } from '../../../core/playbooks/validate.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { getAccount } from '../accounts/accounts.service.ts';
import * as repo from './playbooks.repo.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findPlaybook>>>;

function present(row: Row) {
  const { definition } = row;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    currentVersion: row.currentVersion,
    builtin: row.builtinKey !== null,
    touchModel: definition.touchModel,
    targetDays: definition.targetDays,
    selection: definition.selection,
    taskCount: definition.tasks.length,
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}

const presentFull = (row: Row) => ({ ...present(row), version: row.version, definition: row.definition });

/** Refuses a playbook that cannot be scheduled (unknown stage or task, a cycle…), naming each problem. */
export function assertValidPlaybook(definition: PlaybookDefinition, pathPrefix: (string | number)[] = ['body']) {
  const problems = validatePlaybook(definition);
  if (problems.length === 0) return;
  const errors = problems.map((problem) => ({ path: [...pathPrefix, ...problem.path], message: problem.message }));
  throw new AppError('invalid', problems.map((problem) => problem.message).join('; '), { errors });
}

const memberId = (ctx: Ctx) => (ctx.actor.kind === 'member' ? ctx.actor.memberId : null);

export async function listPlaybooks(ctx: Ctx, includeArchived = false) {
  return (await repo.listPlaybooks(ctx.db, ctx.workspaceId, includeArchived)).map(present);
}

export async function getPlaybook(ctx: Ctx, playbookId: string, version?: number) {
  const playbook = await playbookOf(ctx, playbookId, version);
  if (!playbook) throw notFound(version ? `version ${version} of that playbook` : 'playbook');
  return playbook;
}

/** The playbook with its definition (the newest version, or the one asked for), or undefined when there is none. */
export async function playbookOf(ctx: Ctx, playbookId: string, version?: number) {
  const row = await repo.findPlaybook(ctx.db, ctx.workspaceId, playbookId, version);
  return row && presentFull(row);
}

export async function createPlaybook(ctx: Ctx, definition: PlaybookDefinition) {
  assertValidPlaybook(definition);
  return inTransaction(ctx, async (tx) => {
    const id = await repo.insertPlaybook(tx.db, tx.workspaceId, { definition, createdBy: memberId(tx) });
    return getPlaybook(tx, id!);
  });
}

/** Saves the edit as a new version: running projects keep the version they started from. */
export async function updatePlaybook(ctx: Ctx, playbookId: string, definition: PlaybookDefinition) {
  assertValidPlaybook(definition);
  return inTransaction(ctx, async (tx) => {
    const version = await repo.insertVersion(tx.db, tx.workspaceId, playbookId, definition, memberId(tx), tx.services.now());
    if (!version) throw notFound('playbook');
    return getPlaybook(tx, playbookId);
  });
}

export async function setPlaybookArchived(ctx: Ctx, playbookId: string, archived: boolean) {
  if (!(await repo.setPlaybookArchived(ctx.db, ctx.workspaceId, playbookId, archived ? ctx.services.now() : null))) {
    throw notFound('playbook');
  }
  return getPlaybook(ctx, playbookId);
}

/** The playbooks that fit an account, best first, with the reasons. */
export async function proposePlaybooks(ctx: Ctx, accountId: string) {
  const account = await getAccount(ctx, accountId);
  const candidates = await repo.listPlaybooks(ctx.db, ctx.workspaceId, false);
  const ranked = rankPlaybooks(
    { segment: account.segment, complexity: account.complexity, products: account.products },
    candidates.map((candidate) => ({ id: candidate.id, definition: candidate.definition })),
  );
  const names = new Map(candidates.map((candidate) => [candidate.id, candidate.name]));
  return ranked.map((rank) => ({ playbookId: rank.id, name: names.get(rank.id) ?? '', score: rank.score, reasons: rank.reasons }));
}

/** The playbook a deal with this profile would get (the best fit), with its definition; undefined when none fits. */
export async function bestPlaybookFor(ctx: Ctx, profile: AccountProfile) {
  const candidates = await repo.listPlaybooks(ctx.db, ctx.workspaceId, false);
  const [best] = rankPlaybooks(profile, candidates.map((candidate) => ({ id: candidate.id, definition: candidate.definition })));
  const chosen = best && candidates.find((candidate) => candidate.id === best.id);
  return chosen ? { id: chosen.id, name: chosen.name, definition: chosen.definition } : undefined;
}

/** Gives a workspace the built-in playbooks it does not have yet. */
export async function installBuiltinPlaybooks(db: Db, workspaceId: string) {
  const existing = new Set((await repo.listPlaybooks(db, workspaceId, true)).map((row) => row.builtinKey));
  for (const [index, definition] of BUILTIN_PLAYBOOKS.entries()) {
    const builtinKey = builtinKeyOf(definition, index);
    if (existing.has(builtinKey)) continue;
    await repo.insertPlaybook(db, workspaceId, { definition, builtinKey, createdBy: null });
  }
}

const builtinKeyOf = (definition: PlaybookDefinition, index: number) =>
  `${index}-${definition.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

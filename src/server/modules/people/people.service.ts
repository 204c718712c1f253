// The People tab of an account: who is there, who joined and left, the figures of turnover, the open risks and
// the account's lifecycle, in one read.
import { annualTurnover, isCurrent } from '../../../core/turnover/rate.ts';
import type { ContactRole } from '../../../core/people.ts';
import type { AccountPeople, AccountRisk } from '../../../contract/turnover.ts';
import type { Ctx } from '../../context.ts';
import { assertAccountExists } from '../accounts/accounts.service.ts';
import { calendarOf, todayFor } from '../projects/plan.ts';
import * as repo from './people.repo.ts';
import { accountTimeline } from './timeline.ts';

export async function accountPeople(ctx: Ctx, accountId: string): Promise<AccountPeople> {
  await assertAccountExists(ctx, accountId);
  const [rows, risks, calendar] = await Promise.all([
    repo.peopleOfAccount(ctx.db, ctx.workspaceId, accountId),
    repo.risksOfAccount(ctx.db, ctx.workspaceId, accountId),
    calendarOf(ctx.db, ctx.workspaceId),
  ]);
  const today = todayFor(ctx, calendar);
  const turnover = annualTurnover(rows, today);
  const people = rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    title: row.title,
    role: row.role as ContactRole,
    joinedOn: row.joinedOn,
    leftOn: row.leftOn,
    modules: row.modules,
    current: isCurrent(row, today),
  }));
  return {
    figures: {
      currentUsers: people.filter((p) => p.current).length,
      leftLast365Days: turnover.leavers,
      averageHeadcount: Math.round(turnover.averageHeadcount * 10) / 10,
      annualTurnoverRate: turnover.rate,
      openRisks: risks.filter((r) => r.status === 'open').length,
    },
    people,
    risks: await presentRisks(ctx, accountId, risks, rows),
    timeline: await accountTimeline(ctx, accountId, { people: rows, risks }),
  };
}

export async function presentRisks(
  ctx: Ctx,
  accountId: string,
  risks: repo.RiskRow[],
  people?: { id: string; name: string }[],
): Promise<AccountRisk[]> {
  const names = new Map((people ?? (await repo.peopleOfAccount(ctx.db, ctx.workspaceId, accountId))).map((p) => [p.id, p.name]));
  return risks.map((risk) => ({
    id: risk.id,
    accountId: risk.accountId,
    kind: risk.kind as AccountRisk['kind'],
    contactId: risk.contactId,
    contactName: names.get(risk.contactId) ?? 'Someone who left',
    role: risk.role as ContactRole,
    leftOn: risk.leftOn,
    owned: { openTasks: risk.owned.openTasks, metrics: risk.owned.metrics, outcomes: risk.owned.outcomes, trainees: risk.owned.trainees },
    steps: risk.steps.map((step) => ({ key: step.key, title: step.title, doneAt: step.doneAt })),
    successorContactId: risk.successorContactId,
    successorName: risk.successorContactId ? (names.get(risk.successorContactId) ?? null) : null,
    status: risk.status as AccountRisk['status'],
    resolution: risk.resolution,
    raisedAt: risk.raisedAt.toISOString(),
    resolvedAt: risk.resolvedAt?.toISOString() ?? null,
  }));
}

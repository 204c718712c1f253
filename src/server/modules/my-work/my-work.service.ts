// My work: the onboarding manager's home. What is due and overdue across their projects, the sign-offs, answers,
// mentions and customer replies waiting on them, and the projects that changed since they last looked.
import { DateTime } from 'luxon';
import type { MyWork, MyWorkDismissal, MyWorkItem, MyWorkKind } from '../../../contract/my-work.ts';
import type { Ctx } from '../../context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { workspaceTimezone } from '../workspaces/workspaces.service.ts';
import * as repo from './my-work.repo.ts';

/** How far ahead "due" looks, and how far back news is shown. */
const DUE_AHEAD_DAYS = 7;
const NEWS_DAYS = 30;

function memberIdOf(ctx: Ctx): string {
  if (ctx.actor.kind !== 'member') throw forbidden('My work is a signed-in member’s own list.');
  return ctx.actor.memberId;
}

function titleOf(row: repo.MyWorkRow): string {
  switch (row.kind as MyWorkKind) {
    case 'task':
      return row.title;
    case 'sign_off':
      return row.detail?.startsWith('approved') ? `${row.actor} signed off "${row.title}"` : `${row.actor} asked for changes to "${row.title}"`;
    case 'answer':
      return `${row.actor} answered the form of "${row.title}"`;
    case 'mention':
      return `${row.actor} mentioned you on "${row.title}"`;
    case 'reply':
      return `${row.actor} replied on "${row.title}"`;
    case 'project':
      return `${row.title} changed since you last looked`;
  }
}

function detailOf(row: repo.MyWorkRow): string | null {
  if (row.kind === 'sign_off') return row.detail?.replace(/^(approved|rejected): ?/, '') || null;
  if (row.kind === 'project') return `${row.detail} ${row.detail === '1' ? 'change' : 'changes'} by others`;
  return row.detail;
}

export async function myWork(ctx: Ctx): Promise<MyWork> {
  const memberId = memberIdOf(ctx);
  const now = ctx.services.now();
  const today = DateTime.fromJSDate(now, { zone: await workspaceTimezone(ctx) }).toISODate()!;
  const dueBy = DateTime.fromISO(today).plus({ days: DUE_AHEAD_DAYS }).toISODate()!;
  const since = new Date(now.getTime() - NEWS_DAYS * 86_400_000);
  const rows = await repo.myWorkItems(ctx.db, ctx.workspaceId, memberId, { dueBy, since, now });
  const items: MyWorkItem[] = rows.map((row) => ({
    key: `${row.kind}:${row.id}`,
    kind: row.kind as MyWorkKind,
    title: titleOf(row),
    detail: detailOf(row),
    projectId: row.project_id,
    projectName: row.project_name,
    accountName: row.account_name,
    taskId: row.task_id,
    at: row.at,
    dueOn: row.due_on,
    overdue: row.due_on !== null && row.due_on < today,
    href: row.task_id ? `/projects/${row.project_id}?task=${row.task_id}` : `/projects/${row.project_id}`,
  }));
  // Tasks by due date first; everything else newest first.
  items.sort((a, b) => (a.dueOn && b.dueOn ? a.dueOn.localeCompare(b.dueOn) : a.dueOn ? -1 : b.dueOn ? 1 : (b.at ?? '').localeCompare(a.at ?? '')));
  return { today, count: items.length, items };
}

/** Done (hidden until something new happens to it) or snoozed until the start of a day in the workspace's timezone. */
export async function dismissItem(ctx: Ctx, input: MyWorkDismissal): Promise<void> {
  const memberId = memberIdOf(ctx);
  const until = input.until ? DateTime.fromISO(input.until, { zone: await workspaceTimezone(ctx) }).startOf('day').toJSDate() : null;
  await repo.dismiss(ctx.db, { workspaceId: ctx.workspaceId, memberId, itemKey: input.key, until, dismissedAt: ctx.services.now() });
}

/** The member opened the project: its changes until now are seen. */
export async function markProjectSeen(ctx: Ctx, projectId: string): Promise<void> {
  const memberId = memberIdOf(ctx);
  if (!(await repo.markSeen(ctx.db, ctx.workspaceId, memberId, projectId, ctx.services.now()))) throw notFound('project');
}

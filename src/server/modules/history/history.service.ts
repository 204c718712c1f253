// The project history: who did what, from what, to what and why. Every module writes it through here, and
// the actor is always named from the context: a member, an API token (its name), a customer contact, or a
// named system actor ("HubSpot intake", "Escalation ladder", "Nightly re-plan"), never a placeholder.
import { historyCategory, type HistoryCategory } from '../../../core/history/categories.ts';
import type { Author, Ctx } from '../../context.ts';
import * as repo from './history.repo.ts';

/** Who a history line says did it. */
export interface Who {
  actorName: string;
  /** A vendor member acting in the app (null for tokens, system actors and customers). */
  actorMemberId: string | null;
  /** A customer contact acting in the portal. */
  actorContactId?: string | null;
}

export function actorOf(ctx: Ctx): Who {
  const { actor } = ctx;
  if (actor.kind === 'contact') return { actorName: actor.name, actorMemberId: null, actorContactId: actor.contactId };
  return { actorName: actor.name, actorMemberId: actor.kind === 'member' ? actor.memberId : null };
}

/** Who is acting, as the author of a change both sides can make: the vendor (member, token, system) or a customer contact. */
export function authorOf(ctx: Ctx): Author {
  const { actor } = ctx;
  return actor.kind === 'contact'
    ? { side: 'customer', contactId: actor.contactId, name: actor.name }
    : { side: 'vendor', memberId: actor.kind === 'member' ? actor.memberId : null, name: actor.name };
}

/** A history line; the workspace, the actor and the time come from the context unless the line says otherwise. */
export type HistoryLine = Omit<repo.EventRow, 'workspaceId' | 'actorName' | 'actorMemberId' | 'createdAt'> &
  Partial<Pick<repo.EventRow, 'workspaceId' | 'actorName' | 'actorMemberId' | 'createdAt'>>;

export async function recordEvents(ctx: Ctx, lines: HistoryLine[]): Promise<void> {
  if (lines.length === 0) return;
  const who = actorOf(ctx);
  const now = ctx.services.now();
  await repo.insertEvents(
    ctx.db,
    lines.map((line) => ({ ...who, createdAt: now, ...line, workspaceId: ctx.workspaceId })),
  );
}

export const recordEvent = (ctx: Ctx, line: HistoryLine) => recordEvents(ctx, [line]);

export interface HistoryFilter {
  category?: HistoryCategory | undefined;
  /** Who made the change, as the line names them. */
  actor?: string | undefined;
  taskId?: string | undefined;
  limit?: number | undefined;
}

/** Lines read to answer a filtered question: a filter looks this far back. */
const FILTER_WINDOW = 5000;

/**
 * The newest lines of a project's history (500 unless asked for fewer), narrowed by kind of change, person or task
 * (the caller has checked the project is the reader's). Each line says its category.
 */
export async function listProjectHistory(ctx: Ctx, projectId: string, filter: HistoryFilter = {}) {
  const limit = filter.limit ?? 500;
  const filtered = filter.category !== undefined || filter.actor !== undefined || filter.taskId !== undefined;
  const rows = await repo.listEvents(ctx.db, ctx.workspaceId, projectId, filtered ? FILTER_WINDOW : limit);
  const lines = rows.map((row) => ({ ...row, category: historyCategory(row), createdAt: row.createdAt.toISOString() }));
  return lines
    .filter(
      (line) =>
        (filter.category === undefined || line.category === filter.category) &&
        (filter.actor === undefined || line.actorName === filter.actor) &&
        (filter.taskId === undefined || line.taskId === filter.taskId),
    )
    .slice(0, limit);
}

/** A whole history row, for callers that build lines with their own actor or time. */
export type EventRow = repo.EventRow;

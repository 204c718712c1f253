// Global search: one question over the workspace's accounts, contacts, projects, tasks and playbooks, answered with
// where each hit lives in the staff app.
import type { SearchAnswer, SearchHit, SearchKind, SearchQuery } from '../../../contract/search.ts';
import type { Ctx } from '../../context.ts';
import * as repo from './search.repo.ts';

function hrefOf(row: repo.HitRow): string {
  switch (row.kind as SearchKind) {
    case 'account':
      return `/accounts/${row.id}`;
    case 'contact':
      return `/accounts/${row.account_id}?contact=${row.id}`;
    case 'project':
      return `/projects/${row.id}`;
    case 'task':
      return `/projects/${row.project_id}?task=${row.id}`;
    case 'playbook':
      return `/playbooks/${row.id}`;
  }
}

export async function search(ctx: Ctx, query: SearchQuery): Promise<SearchAnswer> {
  const rows = await repo.searchAll(ctx.db, ctx.workspaceId, query.q, query.limit);
  const hits: SearchHit[] = rows.map((row) => ({ kind: row.kind as SearchKind, id: row.id, title: row.title, subtitle: row.subtitle, href: hrefOf(row) }));
  return { q: query.q, hits };
}

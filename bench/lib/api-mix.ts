// The api bench's realistic mix (issue 20): what a day of staff and customers asks of one workspace, not one URL
// again and again. Lists of accounts with varied filters, sorts, searches and pages; account, contact and project
// pages; the global search; the customer's portal page; and one request in ten a write (a task's status, a comment,
// a contact's title) that changes the data the cached answers were built from. Each pick is random (seeded, so
// two runs ask the same things), over hundreds of accounts, projects and tasks.
import { randomBytes } from 'node:crypto';
import type { Request } from 'autocannon';
import type { Database } from '../../src/server/db/client.ts';
import { hashToken } from '../../src/server/security/secrets.ts';
import { ACCOUNT_SORTS } from '../../src/contract/accounts.ts';
import { seededRandom } from '../../src/server/demo/demo.generator.ts';

export interface MixTargets {
  accounts: string[];
  contacts: string[];
  projects: string[];
  /** Open, non-milestone tasks: their status toggles between not started and in progress. */
  tasks: string[];
  portal: { projectId: string; cookie: string }[];
  names: string[];
}

const SAMPLE = 400;

/** Picks the targets of the mix from the seeded workspace, and opens portal sessions for some of its contacts. */
export async function mixTargets(database: Database, workspaceId: string): Promise<MixTargets> {
  const q = database.query.bind(database);
  const ids = async (sql: string) => (await q<{ id: string }>(sql, [workspaceId, SAMPLE])).map((row) => row.id);
  const accounts = await ids('select id from accounts where workspace_id = $1 order by md5(id::text) limit $2');
  const contacts = await ids('select id from contacts where workspace_id = $1 and left_on is null order by md5(id::text) limit $2');
  const projects = await ids("select id from projects where workspace_id = $1 and status = 'active' order by md5(id::text) limit $2");
  const tasks = await ids(`select t.id from project_tasks t join projects p on p.workspace_id = t.workspace_id and p.id = t.project_id
      where t.workspace_id = $1 and p.status = 'active' and t.status in ('not_started', 'in_progress') and t.milestone_kind is null and t.projected_start <= current_date
      order by md5(t.id::text) limit $2`);
  const names = (await q<{ name: string }>('select name from accounts where workspace_id = $1 order by md5(id::text) limit $2', [workspaceId, SAMPLE])).map((row) => row.name);
  // A contact of each of 50 projects' accounts, given access and a session as the portal's sign-in would.
  const people = await q<{ project_id: string; contact_id: string }>(
    `select distinct on (p.id) p.id as project_id, c.id as contact_id from projects p
       join contacts c on c.workspace_id = p.workspace_id and c.account_id = p.account_id and c.left_on is null
      where p.workspace_id = $1 and p.status = 'active' order by p.id, c.id limit 50`,
    [workspaceId],
  );
  const portal: MixTargets['portal'] = [];
  for (const person of people) {
    const token = randomBytes(32).toString('base64url');
    await q(
      `insert into portal_access (workspace_id, project_id, contact_id, invite_token_hash, invited_by_name, invited_at, invite_expires_at)
       values ($1, $2, $3, $4, 'api bench', now(), now() + interval '30 days') on conflict do nothing`,
      [workspaceId, person.project_id, person.contact_id, hashToken(randomBytes(16).toString('hex'))],
    );
    await q(`insert into portal_sessions (workspace_id, contact_id, token_hash, expires_at) values ($1, $2, $3, now() + interval '1 day')`, [workspaceId, person.contact_id, hashToken(token)]);
    // The portal finds a session through token_lookups first (its workspace), as for a session it issued itself.
    await q(`insert into token_lookups (token_hash, workspace_id, kind, expires_at) values ($1, $2, 'portal_session', now() + interval '1 day')`, [hashToken(token), workspaceId]);
    portal.push({ projectId: person.project_id, cookie: `lf_portal=${token}` });
  }
  if (!accounts.length || !projects.length || !tasks.length || !contacts.length || !portal.length) {
    throw new Error(`the seeded workspace lacks targets for the mix (accounts ${accounts.length}, projects ${projects.length}, tasks ${tasks.length}, contacts ${contacts.length}, portal ${portal.length})`);
  }
  return { accounts, contacts, projects, tasks, portal, names };
}

interface GetPick { kind: string; method: 'GET'; path: string; portal?: string }
interface WritePick { kind: string; method: 'PATCH' | 'POST'; path: string; body: unknown }
type Pick = GetPick | WritePick;

/**
 * The mix, as weights over kinds of request. `writes` is the share of writes (0.1: one in ten); `distinct` bounds
 * how many different reads are asked (a small number makes a cache-friendly mix, the whole space an honest one).
 */
export function mixRequests(targets: MixTargets, options: { writes: number; seed: number; distinct?: number }) {
  const random = seededRandom(options.seed);
  const { next } = random;
  const any = <T>(list: readonly T[]) => random.pick(list);
  const segments = ['enterprise', 'mid_market', 'smb'];
  const stages = ['land', 'adopt', 'expand', 'renew'];
  let flip = 0;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const reads: [number, () => GetPick][] = [
    [30, () => {
      const params = new URLSearchParams({ limit: '50' });
      const sort = any(ACCOUNT_SORTS);
      params.set('sort', next() < 0.5 ? sort : `-${sort}`);
      if (next() < 0.4) params.set('segment', any(segments));
      if (next() < 0.2) params.set('laerStage', any(stages));
      if (next() < 0.3) params.set('q', any(targets.names).slice(0, 3 + Math.floor(next() * 6)));
      params.set('offset', String(50 * Math.floor(next() * 20)));
      return { kind: 'accounts list', method: 'GET', path: `/api/v1/accounts?${params}` };
    }],
    [10, () => ({ kind: 'account page', method: 'GET', path: `/api/v1/accounts/${any(targets.accounts)}` })],
    [8, () => ({ kind: 'account contacts', method: 'GET', path: `/api/v1/accounts/${any(targets.accounts)}/contacts` })],
    [15, () => ({ kind: 'project page', method: 'GET', path: `/api/v1/projects/${any(targets.projects)}` })],
    [5, () => ({ kind: 'project history', method: 'GET', path: `/api/v1/projects/${any(targets.projects)}/history?limit=50` })],
    [7, () => ({ kind: 'search', method: 'GET', path: `/api/v1/search?q=${encodeURIComponent(any(targets.names).slice(0, 4 + Math.floor(next() * 5)))}` })],
    [15, () => {
      const who = any(targets.portal);
      return { kind: 'portal page', method: 'GET', path: `/api/portal/v1/projects/${who.projectId}`, portal: who.cookie };
    }],
  ];
  const writes: [number, () => WritePick][] = [
    [4, () => ({ kind: 'task status', method: 'PATCH', path: `/api/v1/tasks/${any(targets.tasks)}`, body: flip++ % 2 ? { status: 'not_started', actualStart: null } : { status: 'in_progress', actualStart: yesterday } })],
    [3, () => ({ kind: 'comment', method: 'POST', path: `/api/v1/tasks/${any(targets.tasks)}/comments`, body: { body: `Checked with the customer (${Math.floor(next() * 1e6)})` } })],
    [3, () => ({ kind: 'contact edit', method: 'PATCH', path: `/api/v1/contacts/${any(targets.contacts)}`, body: { title: `Lead ${Math.floor(next() * 1000)}` } })],
  ];
  const weighted = <T>(table: [number, () => T][]) => () => random.weighted(table.map(([w, make]) => [make, w] as const))();
  const read = weighted(reads);
  const write = weighted(writes);
  const fixedReads = options.distinct ? Array.from({ length: options.distinct }, read) : undefined;
  return (): Pick => (next() < options.writes ? write() : fixedReads ? any(fixedReads) : read());
}

/** Which kind of the mix a request is, from its method and path (for the floor server, which answers by kind). */
export function kindOf(method: string, url: string): string {
  const path = url.split('?')[0]!;
  if (method === 'PATCH') return path.startsWith('/api/v1/tasks/') ? 'task status' : 'contact edit';
  if (method === 'POST') return 'comment';
  if (path.startsWith('/api/portal/')) return 'portal page';
  if (path.startsWith('/api/v1/search')) return 'search';
  if (path.endsWith('/history')) return 'project history';
  if (path.startsWith('/api/v1/projects/')) return 'project page';
  if (path.endsWith('/contacts')) return 'account contacts';
  if (path.startsWith('/api/v1/accounts/')) return 'account page';
  return 'accounts list';
}

/** Only the requests of one kind of the mix (its picks of other kinds skipped), for what that kind costs alone. */
export function onlyKind(pick: () => Pick, kind: string): () => Pick {
  return () => {
    for (let tries = 0; tries < 100_000; tries++) {
      const chosen = pick();
      if (chosen.kind === kind) return chosen;
    }
    throw new Error(`the mix has no requests of the kind "${kind}"`);
  };
}

/** The mix as autocannon requests: each request sent is a fresh pick. */
export function autocannonRequests(pick: () => Pick, staff: Record<string, string>): Request[] {
  return [
    {
      setupRequest: (request) => {
        const chosen = pick();
        const headers: Record<string, string> = chosen.method === 'GET' ? {} : { 'content-type': 'application/json' };
        if ('portal' in chosen && chosen.portal) headers.cookie = chosen.portal;
        else Object.assign(headers, staff);
        return { ...request, method: chosen.method, path: chosen.path, headers, body: chosen.method === 'GET' ? undefined : JSON.stringify(chosen.body) } as Request;
      },
    },
  ];
}

/** Sends one request of the mix as the bench would (staff token or the customer's cookie). */
async function send(baseUrl: string, chosen: Pick, staff: Record<string, string>) {
  const headers: Record<string, string> = 'portal' in chosen && chosen.portal ? { cookie: chosen.portal } : { ...staff };
  if (chosen.method !== 'GET') headers['content-type'] = 'application/json';
  const response = await fetch(baseUrl + chosen.path, { method: chosen.method, headers, body: chosen.method === 'GET' ? undefined : JSON.stringify(chosen.body) });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${chosen.kind}: ${chosen.method} ${chosen.path} answered ${response.status} ${text}`);
  return Buffer.byteLength(text);
}

/**
 * Asks every kind of the mix 15 times, one at a time, and returns each kind's median time and mean answer size: where
 * the time goes (and a check that each answers 2xx, so the mix measures work, not errors).
 */
export async function profileMix(baseUrl: string, targets: MixTargets, staff: Record<string, string>) {
  const pick = mixRequests(targets, { writes: 0.3, seed: 7 });
  const times = new Map<string, number[]>();
  const sizes = new Map<string, number>();
  for (let i = 0; i < 5000 && [...times.values()].filter((t) => t.length >= 15).length < 10; i++) {
    const chosen = pick();
    const seen = times.get(chosen.kind) ?? [];
    if (seen.length >= 15) continue;
    if (kindOf(chosen.method, chosen.path) !== chosen.kind) throw new Error(`kindOf takes ${chosen.method} ${chosen.path} for "${kindOf(chosen.method, chosen.path)}", not "${chosen.kind}"`);
    const started = performance.now();
    const bytes = await send(baseUrl, chosen, staff);
    seen.push(performance.now() - started);
    times.set(chosen.kind, seen);
    sizes.set(chosen.kind, (sizes.get(chosen.kind) ?? 0) + bytes);
  }
  return [...times].map(([kind, t]) => ({
    kind,
    p50_ms: Number(t.sort((a, b) => a - b)[Math.floor(t.length / 2)]!.toFixed(1)),
    /** The mean size of its answers, in bytes. */
    bytes: Math.round(sizes.get(kind)! / t.length),
  }));
}

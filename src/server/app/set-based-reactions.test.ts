// A CSV import announces its batch with emitMany, and the reactions with a set-based form (people's turnover,
// journeys, guides, portal access, academy, cadences, health) handle the whole batch in a few statements. The bus
// promises the same effects as emit once per payload: two identical workspaces get the same people leaving, joining
// and changing role, one announced event by event and one as a batch, and every row the reactions write is compared.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContactRole } from '../../core/people.ts';
import { inTransaction } from '../context.ts';
import { emit, emitMany } from '../events/bus.ts';
import { makeAccount, makeMember, makeWorkspace, startTestEnv, type TestEnv } from '../test/harness.ts';
import { addContact } from '../modules/contacts/contacts.service.ts';
import { listPlaybooks } from '../modules/playbooks/playbooks.service.ts';
import { closeProject } from '../modules/projects/lifecycle.service.ts';
import { createProject } from '../modules/projects/projects.service.ts';
import { updateTask } from '../modules/projects/tasks.service.ts';
import { createEndpoint } from '../modules/webhooks/webhooks.service.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Two customer accounts (one with a CSM and a running project whose customer tasks the leavers hold), guides given. */
async function scene() {
  const { admin } = await makeWorkspace(env.services, 'Set-based');
  const csm = await makeMember(env.services, admin.workspaceId, 'csm', 'Cora CSM');
  const [playbook] = await listPlaybooks(admin.ctx);
  const people = new Map<string, { id: string; accountId: string; role: string }>();
  const accounts = [];
  for (const [a, owners] of [[{ role: 'csm' as const, memberId: csm.id }], []].entries()) {
    const account = await makeAccount(admin.ctx, { name: `Account ${a}`, owners });
    accounts.push(account);
    const roles: ContactRole[] = ['champion', 'project_lead', 'admin', 'super_user', 'super_user', 'executive_sponsor', 'end_user', 'end_user', 'end_user'];
    for (const [i, role] of roles.entries()) {
      const contact = await addContact(admin.ctx, account.id, { name: `P${a}-${i} ${role}`, email: `p${i}@a${a}.test`, role, joinedOn: '2025-01-06' });
      people.set(contact.name, contact);
    }
    const first = await createProject(admin.ctx, { accountId: account.id });
    await closeProject(admin.ctx, first.id, { outcome: 'complete', reason: 'Live' });
    // Joined once a customer: each gets a journey and a guide (a super-user), so a leaving guide has trainees.
    for (const i of [10, 11, 12]) {
      const contact = await addContact(admin.ctx, account.id, { name: `P${a}-${i} end_user`, email: `p${i}@a${a}.test`, role: 'end_user', joinedOn: '2026-01-05' });
      people.set(contact.name, contact);
    }
  }
  const project = await createProject(admin.ctx, { accountId: accounts[0]!.id, playbookId: playbook!.id });
  const holders = ['P0-0 champion', 'P0-6 end_user', 'P0-3 super_user'];
  for (const [i, task] of project.tasks.filter((t) => t.owner.side === 'customer' && t.status !== 'done').slice(0, 6).entries()) {
    await updateTask(admin.ctx, task.id, { assignee: { kind: 'contact', id: people.get(holders[i % holders.length]!)!.id } });
  }
  // A webhook endpoint that takes both events: a batch writes the deliveries the single events write.
  await createEndpoint(admin.ctx, { url: 'https://93.184.215.14/hook', eventTypes: ['contact.joined', 'contact.left'] });
  return { admin, people, accounts };
}

/** Leavers, a role change and joiners written as an import writes them, then announced one by one or as a batch. */
async function change(s: Awaited<ReturnType<typeof scene>>, batch: boolean) {
  const { admin, people, accounts } = s;
  await inTransaction(admin.ctx, async (tx) => {
    const leaving = ['P0-0 champion', 'P0-3 super_user', 'P0-6 end_user', 'P0-10 end_user', 'P1-2 admin', 'P1-3 super_user', 'P1-5 executive_sponsor'].map((name) => people.get(name)!);
    const promoted = people.get('P1-7 end_user')!;
    await tx.db.execute(sql`update contacts set left_on = '2026-03-02' where workspace_id = ${admin.workspaceId} and id = any(${sql.param(leaving.map((c) => c.id))}::uuid[])`);
    await tx.db.execute(sql`update contacts set role = 'champion' where workspace_id = ${admin.workspaceId} and id = ${promoted.id}`);
    const joiners = [];
    for (const [n, [a, role]] of ([[0, 'end_user'], [0, 'super_user'], [1, 'end_user'], [1, 'executive_sponsor'], [1, 'end_user']] as const).entries()) {
      const result = await tx.db.execute(sql`insert into contacts (workspace_id, account_id, name, email, role, joined_on)
        values (${admin.workspaceId}, ${accounts[a]!.id}, ${`J${n} ${role}`}, ${`j${n}@a${a}.test`}, ${role}, '2026-03-02') returning id`);
      joiners.push({ contactId: (result as unknown as { rows: { id: string }[] }).rows[0]!.id, accountId: accounts[a]!.id });
    }
    const left = leaving.map((c) => ({ contactId: c.id, accountId: c.accountId, role: c.role, leftOn: '2026-03-02' }));
    const changed = [{ contactId: promoted.id, accountId: promoted.accountId, from: 'end_user', to: 'champion' }];
    if (batch) {
      await emitMany(tx, 'contact.joined', joiners);
      await emitMany(tx, 'contact.left', left);
      await emitMany(tx, 'contact.role_changed', changed);
    } else {
      for (const joiner of joiners) await emit(tx, 'contact.joined', joiner);
      for (const leaver of left) await emit(tx, 'contact.left', leaver);
      for (const one of changed) await emit(tx, 'contact.role_changed', one);
    }
  });
}

/** Every row the reactions write, ids replaced by names (or dropped), timestamps left out, sorted. */
async function snapshot(workspaceId: string) {
  const q = env.services.database.query.bind(env.services.database);
  const names = new Map<string, string>();
  for (const table of ['contacts', 'accounts', 'projects', 'project_tasks', 'members', 'journeys']) {
    const column = table === 'project_tasks' ? 'title' : 'name';
    for (const row of await q<{ id: string; label: string }>(`select id, ${column} as label from ${table} where workspace_id = $1`, [workspaceId])) names.set(row.id, row.label);
  }
  const named = (rows: unknown[]) => rows.map((row) => JSON.stringify(row).replace(UUID, (id) => names.get(id) ?? 'id')).sort();
  return {
    contacts: named(await q('select name, role, left_on::text, guide_contact_id from contacts where workspace_id = $1', [workspaceId])),
    tasks: named(await q('select project_id, title, status, assignee_contact_id from project_tasks where workspace_id = $1', [workspaceId])),
    risks: named(await q('select account_id, kind, contact_id, role, left_on::text, owned, steps, project_id, status from account_risks where workspace_id = $1', [workspaceId])),
    journeys: named(await q('select contact_id, journey_id, reason, role, ended_at is not null as ended, ended_reason from contact_journeys where workspace_id = $1', [workspaceId])),
    access: named(await q('select project_id, contact_id, invited_by_name, revoked_at is null as live from portal_access where workspace_id = $1', [workspaceId])),
    history: named(await q('select project_id, task_id, kind, field, from_value, to_value, reason, actor_name from project_events where workspace_id = $1', [workspaceId])),
    outbox: named(await q(`select coalesce(m.name, o.to_address) as recipient, o.subject, o.text_body, o.state from mail_outbox o
      left join members m on m.workspace_id = o.workspace_id and m.email = o.to_address where o.workspace_id = $1`, [workspaceId])),
    enrolments: named(await q('select contact_id, path_id, status, withdrawn_reason from academy_enrolments where workspace_id = $1', [workspaceId])),
    webhooks: named(await q("select event_type, payload->'data' as data, state from webhook_deliveries where workspace_id = $1", [workspaceId])),
    health: named(await q('select account_id, score, band, renewal_risk, renewal_risk_reasons, key_contacts_left from account_health where workspace_id = $1', [workspaceId])),
  };
}

describe('a batch of joiners, leavers and role changes (emitMany)', () => {
  it('writes exactly what the same events announced one by one write', async () => {
    const one = await scene();
    const many = await scene();
    await change(one, false);
    await change(many, true);
    const single = await snapshot(one.admin.workspaceId);
    const batched = await snapshot(many.admin.workspaceId);
    // The scene does what it is for: key leavers raise risks, the CSM is told, tasks move, journeys start and end, guides change.
    expect(single.risks).toHaveLength(5);
    expect(single.outbox.filter((mail) => mail.includes('left at Account 0'))).toHaveLength(2);
    expect(single.history.some((line) => line.includes('takes it until a successor is named'))).toBe(true);
    expect(single.journeys.filter((j) => j.includes('They left the company.')).length).toBeGreaterThan(0);
    expect(single.journeys.filter((j) => j.includes('"reason":"joined"') && j.includes('"J')).length).toBe(5);
    expect(single.journeys.some((j) => j.includes('role_changed'))).toBe(true);
    expect(single.webhooks).toHaveLength(12); // 5 joined, 7 left
    for (const key of Object.keys(single) as (keyof typeof single)[]) expect(batched[key], key).toEqual(single[key]);
  }, 120_000); // two workspaces of 26 people each, built through the services
});

// The vendor's ladder on the seed's story: a digital-touch project closed Friday 2027-01-15 in Denver whose
// vendor work stalls. The owner is reminded, then the team lead told, each in the history; the welcome email the
// cadence sent is never the task chased.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeMember, makeWorkspace, signedInClient, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { addContact } from '../contacts/contacts.service.ts';
import { createProject, projectHistory } from '../projects/projects.service.ts';
import { runDueCadences } from '../cadences/cadences.service.ts';
import { updateWorkspace } from '../workspaces/workspaces.service.ts';
import { runVendorLadder } from './vendor-ladder.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

const DAY = 86_400_000;

describe('the vendor ladder', () => {
  it('reminds the owner when vendor work is late, then tells the team lead, each step once and in the history', async () => {
    env.clock.set(new Date('2027-01-15T21:30:00Z'));
    const { workspace, admin } = await makeWorkspace(env.services, 'Vendor Co');
    await updateWorkspace(admin.ctx, { timezone: 'America/Denver', holidays: ['2027-01-18'] });
    const olivia = await makeMember(env.services, workspace.id, 'onboarding_manager', 'Olivia Owner');
    const lena = await makeMember(env.services, workspace.id, 'leader', 'Lena Lead');
    await env.services.database.query(
      `insert into assignment_settings (workspace_id, team_lead_id, portal_roles, updated_at) values ($1, $2, '["champion","admin"]', now())
       on conflict (workspace_id) do update set team_lead_id = excluded.team_lead_id`,
      [workspace.id, lena.id],
    );
    const account = await makeAccount(admin.ctx, {
      segment: 'smb',
      complexity: 'low',
      contractSignedOn: '2027-01-15',
      timezone: 'America/Denver',
      owners: [{ role: 'onboarding_manager', memberId: olivia.id }],
    });
    await addContact(admin.ctx, account.id, { name: 'Cleo Champion', email: 'cleo@vendorco.test', role: 'champion' });
    const project = await createProject(admin.ctx, { accountId: account.id });
    await runDueCadences(env.services);

    const lines = async () =>
      ((await projectHistory(admin.ctx, project.id)) as { field?: string | null; toValue?: string | null; at?: string; createdAt?: string }[])
        .filter((event) => event.field?.startsWith('vendor_'))
        .map((event) => ({ field: event.field!, toValue: event.toValue ?? '' }));
    // Day by day at 10:00 Denver, nobody touching the project.
    const seen: string[] = [];
    for (let day = 1; day <= 10; day++) {
      env.clock.set(new Date(Date.parse('2027-01-15T17:00:00Z') + day * DAY));
      await runVendorLadder(env.services);
      await runVendorLadder(env.services); // a second pass the same day changes nothing
      const now = await lines();
      const known = new Set(seen.map((line) => line.slice(11)));
      seen.push(...now.filter((line) => !known.has(`${line.field}: ${line.toValue}`)).map((line) => `${env.clock.now().toISOString().slice(0, 10)} ${line.field}: ${line.toValue}`));
    }
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/^2027-01-19 vendor_remind_owner: Owner Olivia Owner reminded: “.+” is 1 business day overdue/);
    expect(seen[1]).toMatch(/^2027-01-22 vendor_tell_team_lead: Team lead Lena Lead told: /);
    expect(seen.join('\n')).not.toContain('Send the welcome email');
    const mail = await env.services.database.query<{ to_address: string; subject: string }>(
      `select to_address, subject from mail_outbox where workspace_id = $1 and dedupe_key like 'vendor:%' order by created_at`,
      [workspace.id],
    );
    expect(mail.map((row) => row.to_address)).toEqual([olivia.email, lena.email]);

    const api = await signedInClient(env, admin);
    expect((await api.get('/api/v1/escalation/settings')).body.vendorQuietDays).toBe(5);
    const saved = await api.put('/api/v1/escalation/settings', { enabled: true, steps: [], vendorQuietDays: 8 });
    expect(saved.body.vendorQuietDays).toBe(8);
    expect((await api.put('/api/v1/escalation/settings', { enabled: true, steps: [], vendorQuietDays: 0 })).status).toBe(400);
  });
});

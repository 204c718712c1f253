import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeMailTransports, deliverDueMail, queueMail } from '../../mail/mail.service.ts';
import { makeAccount, makeWorkspace, signedInClient, startTestEnv, type TestEnv } from '../../test/harness.ts';
import { projectWithContact, signInAsContact } from '../../test/portal.ts';
import { addContact, getContact, updateContact } from '../contacts/contacts.service.ts';
import { accountPeople } from './people.service.ts';
import { handleBounces } from './turnover.service.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

describe('people leaving through the portal', () => {
  it('lets a champion say a colleague left and anyone say they left, and nobody touch another account’s people', async () => {
    const { admin } = await makeWorkspace(env.services);
    const { account, contact: champion, project } = await projectWithContact(admin.ctx);
    const user = await addContact(admin.ctx, account.id, { name: 'Una User', email: 'una@acme.test', role: 'end_user', joinedOn: '2026-01-05' });
    const other = await addContact(admin.ctx, account.id, { name: 'Otto Other', email: 'otto@acme.test', role: 'super_user' });
    const elsewhere = await makeAccount(admin.ctx);
    const stranger = await addContact(admin.ctx, elsewhere.id, { name: 'Stan Stranger', email: 'stan@else.test', role: 'end_user' });

    const { client: asChampion } = await signInAsContact(env, admin.ctx, project.id, champion);
    const colleagues = (await asChampion.get('/api/portal/v1/colleagues')).body as { id: string }[];
    expect(colleagues.map((c) => c.id).sort()).toEqual([champion.id, user.id, other.id].sort());
    // Another account's contact, even of the same workspace, is not there.
    expect((await asChampion.post(`/api/portal/v1/colleagues/${stranger.id}/left`, {})).status).toBe(404);
    expect((await getContact(admin.ctx, stranger.id)).leftOn).toBeNull();
    // A left date before they joined: refused, nothing written.
    expect((await asChampion.post(`/api/portal/v1/colleagues/${user.id}/left`, { leftOn: '2025-12-31' })).status).toBe(400);
    expect((await getContact(admin.ctx, user.id)).leftOn).toBeNull();

    const marked = await asChampion.post(`/api/portal/v1/colleagues/${other.id}/left`, { leftOn: '2026-03-01' });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    const people = await accountPeople(admin.ctx, account.id);
    expect(people.risks).toMatchObject([{ kind: 'super_user_left', contactId: other.id, status: 'open' }]);

    // An end user may not mark others, but may say they left themselves.
    const { client: asUser } = await signInAsContact(env, admin.ctx, project.id, user);
    expect((await asUser.get('/api/portal/v1/colleagues')).body.map((c: { id: string }) => c.id)).toEqual([user.id]);
    expect((await asUser.post(`/api/portal/v1/colleagues/${champion.id}/left`, {})).status).toBe(403);
    expect((await asUser.post(`/api/portal/v1/colleagues/${user.id}/left`, {})).status).toBe(200);
    expect((await getContact(admin.ctx, user.id)).leftOn).toBe('2026-03-02');
  });
});

describe('a contact who leaves and comes back', () => {
  it('keeps their history: the risk their departure raised is resolved, not removed', async () => {
    const { admin } = await makeWorkspace(env.services);
    const { account, contact: champion } = await projectWithContact(admin.ctx);
    await addContact(admin.ctx, account.id, { name: 'Lee Lead', email: 'lee@acme.test', role: 'project_lead' });
    await updateContact(admin.ctx, champion.id, { leftOn: '2026-02-20' });
    expect((await accountPeople(admin.ctx, account.id)).figures.openRisks).toBe(1);
    await updateContact(admin.ctx, champion.id, { leftOn: null });
    const back = await accountPeople(admin.ctx, account.id);
    expect(back.figures.openRisks).toBe(0);
    expect(back.risks).toMatchObject([{ contactId: champion.id, status: 'resolved', resolution: 'They came back.' }]);
    expect(back.people.find((p) => p.id === champion.id)?.current).toBe(true);
    // They can leave again: a new risk.
    await updateContact(admin.ctx, champion.id, { leftOn: '2026-03-01' });
    expect((await accountPeople(admin.ctx, account.id)).risks.map((r) => r.status)).toEqual(['open', 'resolved']);
  });

  it('answers 404 to a risk the account does not have, and 400 to a successor that is not an id', async () => {
    const { admin } = await makeWorkspace(env.services);
    const api = await signedInClient(env, admin);
    const account = await makeAccount(admin.ctx);
    expect((await api.post(`/api/v1/accounts/${account.id}/risks/00000000-0000-4000-8000-000000000000/successor`, { contactId: 'nope' })).status).toBe(400);
    expect((await api.post(`/api/v1/accounts/${account.id}/risks/00000000-0000-4000-8000-000000000000/successor`, { contactId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
  });
});

describe('a hard bounce', () => {
  it('marks the contacts at that address as left, which raises the risk of their role', async () => {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('gone')) return callback(Object.assign(new Error('5.1.1 User unknown: mailbox unavailable'), { responseCode: 550 }));
        callback();
      },
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => callback());
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const saved = env.services.config;
    env.services.config = { ...saved, smtpUrl: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, mailFrom: 'Landfall <landfall@vendor.test>' };
    try {
      const { admin } = await makeWorkspace(env.services);
      const account = await makeAccount(admin.ctx);
      const gone = await addContact(admin.ctx, account.id, { name: 'Gail Gone', email: 'gone@acme.test', role: 'admin' });
      const stays = await addContact(admin.ctx, account.id, { name: 'Sam Stays', email: 'sam@acme.test', role: 'champion' });
      for (const to of [gone.email, stays.email]) {
        await queueMail(env.services.database.db, env.services, admin.workspaceId, { dedupeKey: `hello:${to}`, to, subject: 'Hello', text: 'Hello' });
      }
      await deliverDueMail(env.services);
      expect(await handleBounces(env.services)).toBe(1);
      expect((await getContact(admin.ctx, gone.id)).leftOn).toBe('2026-03-02');
      expect((await getContact(admin.ctx, stays.id)).leftOn).toBeNull();
      expect((await accountPeople(admin.ctx, account.id)).risks).toMatchObject([{ kind: 'admin_left', contactId: gone.id }]);
      // Handled once.
      expect(await handleBounces(env.services)).toBe(0);
    } finally {
      env.services.config = saved;
      closeMailTransports();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

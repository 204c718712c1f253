import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv } from '../test/harness.ts';
import { projectWithContact } from '../test/portal.ts';

/**
 * DATABASE_REPLICA_URL: reports and exports read from the replica, everything else from the primary. Shown with a
 * "replica" that is another, empty database: what the reports and exports answer then comes from it, while signing
 * in (and the export's own audit entry) still go to the primary.
 */
let primary: TestEnv;
let elsewhere: TestEnv;
let api: HttpClient;

beforeAll(async () => {
  [primary, elsewhere] = await Promise.all([startTestEnv(), startTestEnv()]);
  const { admin } = await makeWorkspace(primary.services);
  await projectWithContact(admin.ctx);
  api = await signedInClient(primary, admin);
});
afterAll(async () => {
  delete primary.services.replica;
  await Promise.all([primary.close(), elsewhere.close()]);
});

describe('read replica', () => {
  it('serves reports and exports from the replica when there is one, and from the primary when not', async () => {
    const rows = async () => String((await api.get('/api/v1/projects/export.csv')).body).trim().split('\n').length - 1;
    const drill = async () => (await api.get('/api/v1/insight/projects?scope=portfolio')).body;
    expect(await rows()).toBe(1);
    expect((await drill()).total).toBe(1);

    primary.services.replica = elsewhere.services.database;
    expect(await rows()).toBe(0);
    expect((await drill()).total).toBe(0);
    expect((await api.get('/api/v1/projects')).body).toHaveLength(1); // the plan itself: the primary

    delete primary.services.replica;
    expect(await rows()).toBe(1);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';
import { failStaleImports, STALE_IMPORT_MS, startImport } from './imports.service.ts';
import { multipartBody } from '../../test/uploads.ts';

let env: TestEnv;
let api: HttpClient;
let admin: TestMember;

beforeAll(async () => {
  env = await startTestEnv();
  ({ admin } = await makeWorkspace(env.services));
  api = await signedInClient(env, admin);
});
afterAll(() => env.close());

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name));

/** Uploads a file as the web app does (multipart, field "file"): the dry-run preview. */
async function upload(kind: string, fileName: string, bytes: Buffer = fixture(fileName), client: HttpClient = api) {
  const body = multipartBody(fileName, bytes, 'text/csv');
  const response = await env.app.inject({ method: 'POST', url: `/api/v1/imports?kind=${kind}`, headers: { ...client.headers, 'content-type': body.contentType }, payload: body.payload });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

/** Runs a previewed import and follows its progress to the report, as the progress bar does. */
async function run(importId: string) {
  const started = await api.post(`/api/v1/imports/${importId}/run`);
  expect(started.status).toBe(202);
  for (let polls = 0; polls < 1000; polls++) {
    const job = (await api.get(`/api/v1/imports/${importId}`)).body;
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the import never finished');
}

async function importFile(kind: string, fileName: string) {
  const preview = await upload(kind, fileName);
  expect(preview.status).toBe(201);
  return run(preview.body.import.id);
}

const accountsNamed = async () => (await api.get('/api/v1/accounts?sort=name')).body.items;

describe('importing accounts from a CSV', () => {
  it('previews without writing: the mapping suggested from the headers, and each bad row with its spreadsheet row, column and problem', async () => {
    const preview = await upload('accounts', 'accounts.csv');
    expect(preview.status).toBe(201);
    expect(preview.body.mapping).toMatchObject({ 'Account ID': 'external_id', Company: 'name', Website: 'domain', ARR: 'contract_value', 'Signed on': 'contract_signed_on' });
    expect(preview.body).toMatchObject({ totalRows: 3, wouldCreate: 2, wouldUpdate: 0, wouldSkip: 1, delimiter: 'commas' });
    // Row 2's notes hold a line break, yet the next record is still row 3 and the bad one row 4, as the spreadsheet shows them.
    expect(preview.body.problems).toEqual([
      { row: 4, column: 'Segment', message: 'Segment "huge" is not a segment: use one of enterprise, mid_market, smb' },
      { row: 4, column: 'Signed on', message: 'Contract signed on "2026-02-30" is not a real date' },
    ]);
    expect(await accountsNamed()).toEqual([]);
  });

  it('creates the good rows, skips and reports the bad one, and creates nothing the second time', async () => {
    const report = await importFile('accounts', 'accounts.csv');
    expect(report).toMatchObject({ status: 'done', totalRows: 3, processedRows: 3, created: 2, updated: 0, skipped: 1 });
    expect(report.problems.map((p: { row: number }) => p.row)).toEqual([4, 4]);
    const [acme, globex] = await accountsNamed();
    expect(acme).toMatchObject({ name: 'Acme Rockets', domain: 'acme-rockets.example', contractValue: 120000, segment: 'enterprise', touchModel: 'high', products: ['Core Platform', 'Analytics'] });
    expect(globex).toMatchObject({ name: 'Globex', segment: 'mid_market' });

    const again = await importFile('accounts', 'accounts.csv');
    expect(again).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: 2, skipped: 1 });
    expect(await accountsNamed()).toHaveLength(2);
  });

  it('matches by domain when a row has no external id, and says how it matches', async () => {
    const csv = 'name,domain,industry,segment,complexity,contract_value\nGlobex Corporation,globex.example,Energy,mid_market,moderate,50000\n';
    const preview = await upload('accounts', 'globex.csv', Buffer.from(csv));
    expect(preview.body).toMatchObject({ wouldCreate: 0, wouldUpdate: 1 });
    expect(preview.body.matching).toContain('external_id, then by domain, then by its exact name');
    expect(await run(preview.body.import.id)).toMatchObject({ created: 0, updated: 1 });
    expect((await accountsNamed()).map((a: { name: string }) => a.name)).toEqual(['Acme Rockets', 'Globex Corporation']);
  });
});

describe('importing contacts', () => {
  it('enrols people who join through the rules, and withdraws a leaver, as when they are edited by hand', async () => {
    const course = (await api.post('/api/v1/academy/courses', { title: 'Basics', summary: 'Start here' })).body;
    await api.post(`/api/v1/academy/courses/${course.id}/lessons`, { title: 'Welcome', content: { kind: 'markdown', body: '# Welcome' } });
    const learningPath = (await api.post('/api/v1/academy/paths', { title: 'End users', courses: [{ courseId: course.id, kind: 'core' }] })).body;
    await api.post('/api/v1/academy/rules', { name: 'End users', pathId: learningPath.id, trigger: 'matching', audience: { roles: ['end_user'] } });

    const report = await importFile('contacts', 'contacts.csv');
    expect(report).toMatchObject({ status: 'done', created: 3, skipped: 2 });
    expect(report.problems).toEqual([
      { row: 5, column: null, message: 'No account has external id "ACME-9": import the account first, or correct the row' },
      { row: 6, column: 'email', message: 'Email "not-an-email" is not an email address like name@company.com' },
    ]);

    const [acme, globex] = await accountsNamed();
    const people = (await api.get(`/api/v1/accounts/${acme.id}/contacts`)).body;
    const eli = people.find((c: { email: string }) => c.email === 'eli@acme-rockets.example');
    expect(eli).toMatchObject({ role: 'end_user', leftOn: null, modules: ['Payroll', 'Reports'] });
    const enrolled = (await api.get(`/api/v1/academy/enrolments?contactId=${eli.id}`)).body.items;
    expect(enrolled).toMatchObject([{ status: 'active' }]);

    const turnover = await importFile('contacts', 'contacts-turnover.csv');
    expect(turnover).toMatchObject({ status: 'done', created: 1, updated: 2, skipped: 0 });
    expect((await api.get(`/api/v1/contacts/${eli.id}`)).body.leftOn).toBe('2026-03-01');
    const withdrawn = (await api.get(`/api/v1/academy/enrolments?contactId=${eli.id}`)).body.items;
    expect(withdrawn).toMatchObject([{ status: 'withdrawn', withdrawnReason: 'Left the customer' }]);
    const gus = (await api.get(`/api/v1/accounts/${globex.id}/contacts`)).body[0];
    expect(gus).toMatchObject({ name: 'Gus Globex', role: 'admin' });
    const nina = (await api.get(`/api/v1/accounts/${acme.id}/contacts`)).body.find((c: { name: string }) => c.name === 'Nina Newcomer');
    expect((await api.get(`/api/v1/academy/enrolments?contactId=${nina.id}`)).body.items).toHaveLength(1);

    const twice = await importFile('contacts', 'contacts-turnover.csv');
    expect(twice).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('reads a file separated by semicolons', async () => {
    const preview = await upload('contacts', 'contacts-semicolons.csv');
    expect(preview.body).toMatchObject({ delimiter: 'semicolons', wouldCreate: 1, problems: [] });
  });

  it('imports organizations into their accounts', async () => {
    const report = await importFile('organizations', 'organizations.csv');
    expect(report).toMatchObject({ created: 2, skipped: 1 });
    const [acme] = await accountsNamed();
    expect((await api.get(`/api/v1/accounts/${acme.id}/organizations`)).body).toMatchObject([{ name: 'EMEA Sales', kind: 'added_users' }]);
  });
});

describe('files refused whole, nothing written', () => {
  it('says which rows have the same email', async () => {
    const response = await upload('contacts', 'contacts-duplicates.csv');
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain('Rows 2 and 4 have the same email dup@acme-rockets.example');
    expect(response.body.errors[0].path).toEqual(['body', 'file', 'row', 2]);
  });

  it('names the required columns that are missing', async () => {
    const response = await upload('contacts', 'contacts-missing-columns.csv');
    expect(response.status).toBe(400);
    const messages = response.body.errors.map((e: { message: string }) => e.message);
    expect(messages).toContain('A column for email (email) is required; none was found or mapped.');
  });

  it('refuses an empty file, a file that is not CSV, and a broken quote', async () => {
    const empty = await upload('contacts', 'empty.csv', Buffer.from('\uFEFF\n'));
    expect(empty.status).toBe(400);
    expect(empty.body.detail).toContain('The file is empty');
    const png = await upload('contacts', 'photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    expect(png.status).toBe(415);
    expect(png.body.detail).toContain('not a CSV file: it is a PNG image');
    const broken = await upload('contacts', 'contacts-broken-quote.csv');
    expect(broken.status).toBe(400);
    expect(broken.body.detail).toContain('a quoted cell is never closed');
    const headerOnly = await upload('contacts', 'header.csv', Buffer.from('email,name,account_domain\n'));
    expect(headerOnly.status).toBe(400);
  });

  it('refuses a mapping to a field that does not exist, and running an import twice', async () => {
    const preview = await upload('contacts', 'contacts-semicolons.csv');
    const bad = await api.post(`/api/v1/imports/${preview.body.import.id}/preview`, { mapping: { email: 'phone' } });
    expect(bad.status).toBe(400);
    const remapped = await api.post(`/api/v1/imports/${preview.body.import.id}/preview`, { mapping: { email: 'email', name: 'name', account_domain: 'account_domain' } });
    expect(remapped.status).toBe(200);
    await run(preview.body.import.id);
    expect((await api.post(`/api/v1/imports/${preview.body.import.id}/run`)).status).toBe(409);
  });

  it('says an import failed, and why, when its process stopped mid-run (no batch for 10 minutes), not "running" for ever', async () => {
    const preview = await upload('contacts', 'contacts-semicolons.csv');
    await startImport(admin.ctx, preview.body.import.id); // claimed as running, then the process "dies": its run never comes
    env.clock.advance(STALE_IMPORT_MS - 60_000);
    expect(await failStaleImports(env.services)).toBe(0);
    expect((await api.get(`/api/v1/imports/${preview.body.import.id}`)).body.status).toBe('running');
    env.clock.advance(2 * 60_000);
    expect(await failStaleImports(env.services)).toBe(1);
    const stopped = (await api.get(`/api/v1/imports/${preview.body.import.id}`)).body;
    expect(stopped).toMatchObject({ status: 'failed', error: expect.stringContaining('The import stopped: no rows were written for 10 minutes') });
    expect(await failStaleImports(env.services)).toBe(0);
  });
});

describe('exports', () => {
  it('exports the accounts list with its filters, a cell that looks like a formula quoted', async () => {
    await api.post('/api/v1/accounts', { name: '=HYPERLINK("http://evil.example","click")', industry: '@Retail', segment: 'smb', complexity: 'low' });
    const response = await api.get('/api/v1/accounts/export.csv?segment=smb');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="accounts-/);
    const lines = String(response.body).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^name,domain,industry,segment/);
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil.example"",""click""\)",,'@Retail,smb,/);
  });

  it("exports an account's people and the projects list, and a template to fill in", async () => {
    const acme = (await accountsNamed()).find((a: { name: string }) => a.name === 'Acme Rockets');
    const people = await api.get(`/api/v1/accounts/${acme.id}/contacts/export.csv?status=left`);
    expect(String(people.body)).toContain('Eli End-User,eli@acme-rockets.example');
    expect(String(people.body)).not.toContain('Carol Champion');
    const projects = await api.get('/api/v1/projects/export.csv?status=all');
    expect(projects.status).toBe(200);
    expect(String(projects.body)).toMatch(/^\uFEFF?name,account,segment/);
    const template = await api.get('/api/v1/imports/template.csv?kind=contacts');
    expect(String(template.body)).toContain('external_id,account_domain,name,email');
    expect((await api.get(`/api/v1/accounts/00000000-0000-4000-8000-000000000000/contacts/export.csv`)).status).toBe(404);
  });
});

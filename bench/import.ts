// CSV import on PostgreSQL: 10,000 accounts then 100,000 contacts (10 per account) read, previewed and written in batches, then the contacts file again (all unchanged). Run: npm run bench -- import [accounts] [contacts per account]
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/server/config.ts';
import { systemActor, type Ctx } from '../src/server/context.ts';
import { installAll } from '../src/server/app/reactions.ts';
import { previewUpload, startImport } from '../src/server/modules/imports/imports.service.ts';
import { openBenchDatabase } from './lib/bench-database.ts';

const ACCOUNTS = Number(process.argv[2] ?? 10_000);
const PER_ACCOUNT = Number(process.argv[3] ?? 10);
const ROLES = ['champion', 'executive_sponsor', 'project_lead', 'admin', 'super_user', 'end_user', 'end_user', 'end_user', 'end_user', 'end_user'];

const { database, databaseUrl, close } = await openBenchDatabase('lf_bench_import');
installAll();
try {
  const [ws] = await database.query<{ id: string }>("insert into workspaces (name) values ('Import bench') returning id");
  const config = loadConfig({ DATABASE_URL: databaseUrl, PUBLIC_URL: 'http://landfall.test', LOG_LEVEL: 'silent' });
  const ctx: Ctx = { db: database.db, actor: systemActor(ws!.id, 'csv-import'), workspaceId: ws!.id, services: { database, config, now: () => new Date() } };

  const accountLines = ['external_id,name,domain,industry,segment,complexity,contract_value,contract_signed_on,products'];
  for (let a = 1; a <= ACCOUNTS; a++) {
    accountLines.push(`A-${a},Account ${a},account${a}.example,${['Retail', 'Software', 'Healthcare'][a % 3]},${['enterprise', 'mid_market', 'smb'][a % 3]},${['high', 'moderate', 'low'][a % 3]},${10000 + a},2026-01-${String(1 + (a % 28)).padStart(2, '0')},Core Platform`);
  }
  const contactLines = ['external_id,account_external_id,name,email,title,role,joined_on,modules'];
  for (let a = 1; a <= ACCOUNTS; a++) {
    for (let n = 1; n <= PER_ACCOUNT; n++) {
      contactLines.push(`C-${a}-${n},A-${a},"Person ${n}, Account ${a}",p${n}@account${a}.example,Title ${n},${ROLES[(n - 1) % ROLES.length]},2026-02-01,Payroll;Reports`);
    }
  }

  /** Preview (parse, check, match) then run, as the web app does: the time from the upload to the report. */
  async function importFile(kind: 'accounts' | 'contacts', lines: string[]) {
    const started = performance.now();
    const preview = await previewUpload(ctx, { kind, fileName: `${kind}.csv`, bytes: Buffer.from(lines.join('\n')), keep: true });
    const previewS = (performance.now() - started) / 1000;
    const { run } = await startImport(ctx, preview.import.id);
    const report = await run();
    if (report.status !== 'done') throw new Error(`${kind} import ${report.status}: ${report.error}`);
    return { report, previewS, seconds: (performance.now() - started) / 1000 };
  }

  console.log(`Importing ${ACCOUNTS} accounts, then ${ACCOUNTS * PER_ACCOUNT} contacts…`);
  const accounts = await importFile('accounts', accountLines);
  const contacts = await importFile('contacts', contactLines);
  const again = await importFile('contacts', contactLines);
  const [{ n: enrolled } = { n: 0 }] = await database.query<{ n: number }>('select count(*)::int as n from contacts where workspace_id = $1', [ws!.id]);
  if (enrolled !== ACCOUNTS * PER_ACCOUNT) throw new Error(`expected ${ACCOUNTS * PER_ACCOUNT} contacts, found ${enrolled}`);

  const rows = ACCOUNTS + ACCOUNTS * PER_ACCOUNT;
  const seconds = accounts.seconds + contacts.seconds;
  console.log(`${rows} rows (${ACCOUNTS} accounts, ${ACCOUNTS * PER_ACCOUNT} contacts) in ${seconds.toFixed(1)} s (target < 60 s): accounts ${accounts.seconds.toFixed(1)} s (preview ${accounts.previewS.toFixed(1)}), contacts ${contacts.seconds.toFixed(1)} s (preview ${contacts.previewS.toFixed(1)}); the contacts again, all unchanged, ${again.seconds.toFixed(1)} s. Load: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(JSON.stringify({
    bench: 'import',
    engine: 'postgres',
    rows,
    seconds: Number(seconds.toFixed(2)),
    created: accounts.report.created + contacts.report.created,
    updated: accounts.report.updated + contacts.report.updated,
    accounts: ACCOUNTS,
    contacts: ACCOUNTS * PER_ACCOUNT,
    accounts_seconds: Number(accounts.seconds.toFixed(2)),
    contacts_seconds: Number(contacts.seconds.toFixed(2)),
    contacts_preview_seconds: Number(contacts.previewS.toFixed(2)),
    reimport_unchanged: again.report.unchanged,
    reimport_created: again.report.created,
    reimport_seconds: Number(again.seconds.toFixed(2)),
    load_avg_1m: Number(os.loadavg()[0]!.toFixed(2)),
  }));
} finally {
  await close();
}

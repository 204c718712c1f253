// CSV imports of accounts, contacts and organizations: a dry run that reads the whole file and says what would be
// created or updated and which rows are bad (nothing written but the import itself), then the run, batch by batch,
// each batch one transaction of set-based writes, its progress stored with it. Contacts announce what changed
// (contact.joined, contact.left, contact.role_changed) as the contacts service does, so the academy, cadences and
// turnover reactions run in the same transaction as the batch.
import type { Ctx, Services } from '../../context.ts';
import { inTransaction } from '../../context.ts';
import { emitMany } from '../../events/bus.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import { workspaceTimezone } from '../workspaces/workspaces.service.ts';
import {
  ACCOUNT_REF_FIELDS,
  FIELDS,
  mappingProblems,
  rowReader,
  suggestMapping,
  type ImportKind,
  type RowProblem,
  type RowValues,
} from '../../../core/imports/fields.ts';
import type { ImportJob, ImportMapping, ImportPreview } from '../../../contract/imports.ts';
import { DELIMITER_NAMES, readCsv, type CsvFile } from './csv-file.ts';
import * as repo from './imports.repo.ts';

/** Rows per batch: one transaction, one multi-row statement per kind of write. */
export const BATCH_ROWS = 1000;

export const MATCHING: Record<ImportKind, string> = {
  accounts: 'An account is matched by external_id, then by domain, then by its exact name (case aside); a row matching none is created.',
  contacts:
    'A contact is matched by external_id, else by email within its account; the account by account_external_id, then account_domain, then account_name. A row matching no contact is created; a row whose account does not exist is skipped.',
  organizations:
    'An organization is matched by external_id, else by its name within its account; the account by account_external_id, then account_domain, then account_name.',
};

interface ValidRow {
  row: number;
  values: RowValues;
}

interface Checked {
  mapping: ImportMapping;
  valid: ValidRow[];
  problems: RowProblem[];
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const listOf = (rows: number[]) => (rows.length === 2 ? `${rows[0]} and ${rows[1]}` : `${rows.slice(0, -1).join(', ')} and ${rows.at(-1)}`);

/** The file read through the mapping: refused whole (400) for a mapping that cannot work or rows naming the same record twice. */
function check(kind: ImportKind, file: CsvFile, mapping: ImportMapping | undefined): Checked {
  const used = mapping ?? suggestMapping(kind, file.headers);
  const mappingErrors = mappingProblems(kind, file.headers.filter(Boolean), used);
  if (mappingErrors.length > 0) {
    throw new AppError('invalid', mappingErrors.length > 1 ? `${mappingErrors[0]} (and ${mappingErrors.length - 1} more)` : mappingErrors[0]!, {
      errors: mappingErrors.map((message) => ({ path: ['body', 'mapping'], message })),
    });
  }
  const valid: ValidRow[] = [];
  const problems: RowProblem[] = [];
  const rowsByKey = new Map<string, number[]>();
  const read_ = rowReader(kind, file.headers, used);
  for (const record of file.records) {
    const read = read_(record.cells, record.row);
    if (read.problems.length > 0) {
      problems.push(...read.problems);
      continue;
    }
    valid.push({ row: record.row, values: read.values });
    for (const key of identities(kind, read.values)) rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), record.row]);
  }
  const duplicates = [...rowsByKey].filter(([, rows]) => rows.length > 1);
  if (duplicates.length > 0) {
    const errors = duplicates.map(([key, rows]) => ({ path: ['body', 'file', 'row', rows[0]!], message: `Rows ${listOf(rows)} have the same ${key}: keep one row per ${kind === 'contacts' ? 'person' : 'record'}.` }));
    throw new AppError('invalid', `${errors[0]!.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, { errors: errors.slice(0, 100) });
  }
  return { mapping: used, valid, problems };
}

const accountRefText = (values: RowValues) => {
  const field = ACCOUNT_REF_FIELDS.find((f) => values[f] !== undefined);
  return field ? `${field.replace('account_', 'account ').replace('_', ' ')} ${String(values[field])}` : '';
};

/** What makes two rows of one file the same record. */
function identities(kind: ImportKind, values: RowValues): string[] {
  const keys: string[] = [];
  if (values.external_id !== undefined) keys.push(`external id "${String(values.external_id)}"`);
  if (kind === 'accounts' && values.external_id === undefined) keys.push(values.domain !== undefined ? `domain ${String(values.domain)}` : `name "${String(values.name)}"`);
  if (kind === 'contacts') keys.push(`email ${String(values.email)} (${accountRefText(values)})`);
  if (kind === 'organizations' && values.external_id === undefined) keys.push(`name "${String(values.name)}" (${accountRefText(values)})`);
  return keys;
}

// ---- resolving a batch against the database (the dry run stops here) ----

type Write = repo.AccountWrite & repo.ContactWrite & repo.OrganizationWrite;

interface Resolved {
  inserts: Write[];
  updates: Write[];
  problems: RowProblem[];
}

const accountRefOf = (i: number, values: RowValues): repo.AccountRef => ({
  i,
  externalId: str(values.account_external_id),
  domain: str(values.account_domain),
  name: str(values.account_name),
});

const describeAccountRef = (values: RowValues) =>
  `No account has ${[
    values.account_external_id !== undefined && `external id "${String(values.account_external_id)}"`,
    values.account_domain !== undefined && `domain ${String(values.account_domain)}`,
    values.account_name !== undefined && `the name "${String(values.account_name)}"`,
  ]
    .filter(Boolean)
    .join(' or ')}: import the account first, or correct the row`;

async function resolveBatch(ctx: Ctx, kind: ImportKind, batch: ValidRow[]): Promise<Resolved> {
  const resolved: Resolved = { inserts: [], updates: [], problems: [] };
  if (kind === 'accounts') {
    const matches = await repo.matchAccounts(ctx.db, ctx.workspaceId, batch.map((r, i) => ({ i, externalId: str(r.values.external_id), domain: str(r.values.domain), name: str(r.values.name) })));
    for (const match of matches) {
      const values = batch[match.i]!.values;
      if (match.id) resolved.updates.push({ ...values, id: match.id } as Write);
      else resolved.inserts.push(values as unknown as Write);
    }
    return resolved;
  }
  const accounts = await repo.matchAccounts(ctx.db, ctx.workspaceId, batch.map((r, i) => accountRefOf(i, r.values)));
  const placed: { i: number; accountId: string }[] = [];
  for (const match of accounts) {
    if (match.id) placed.push({ i: match.i, accountId: match.id });
    else resolved.problems.push({ row: batch[match.i]!.row, column: null, message: describeAccountRef(batch[match.i]!.values) });
  }
  const accountOf = new Map(placed.map((p) => [p.i, p.accountId]));
  const strip = (values: RowValues) => Object.fromEntries(Object.entries(values).filter(([field]) => !ACCOUNT_REF_FIELDS.includes(field)));

  if (kind === 'contacts') {
    const matches = await repo.matchContacts(ctx.db, ctx.workspaceId, placed.map(({ i, accountId }) => ({ i, accountId, externalId: str(batch[i]!.values.external_id), email: String(batch[i]!.values.email) })));
    for (const match of matches) {
      const { row, values } = batch[match.i]!;
      const accountId = accountOf.get(match.i)!;
      if (match.id && match.accountId !== accountId) {
        resolved.problems.push({ row, column: null, message: `This person (external id "${String(values.external_id)}") is a contact of another account: people are not moved between accounts by import` });
        continue;
      }
      const joined = str(values.joined_on) ?? match.joinedOn;
      const left = str(values.left_on) ?? match.leftOn;
      if (joined && left && left < joined) {
        resolved.problems.push({ row, column: null, message: `Left on (${left}) cannot be before the date they joined (${joined})` });
        continue;
      }
      if (match.id) resolved.updates.push({ ...strip(values), id: match.id, account_id: accountId } as Write);
      else resolved.inserts.push({ ...strip(values), account_id: accountId } as Write);
    }
    return resolved;
  }

  const matches = await repo.matchOrganizations(ctx.db, ctx.workspaceId, placed.map(({ i, accountId }) => ({ i, accountId, externalId: str(batch[i]!.values.external_id), name: String(batch[i]!.values.name) })));
  for (const match of matches) {
    const { row, values } = batch[match.i]!;
    const accountId = accountOf.get(match.i)!;
    if (match.id && match.accountId !== accountId) {
      resolved.problems.push({ row, column: null, message: `This organization (external id "${String(values.external_id)}") belongs to another account` });
      continue;
    }
    if (match.id) resolved.updates.push({ ...strip(values), id: match.id, account_id: accountId } as Write);
    else resolved.inserts.push({ ...strip(values), account_id: accountId } as Write);
  }
  return resolved;
}

// ---- writing a batch ----

interface Written {
  created: number;
  updated: number;
  unchanged: number;
}

async function writeBatch(tx: Ctx, kind: ImportKind, resolved: Resolved, timezone: string): Promise<Written> {
  const now = tx.services.now();
  if (kind === 'accounts') {
    const created = await repo.insertAccounts(tx.db, tx.workspaceId, resolved.inserts, timezone);
    const updated = await repo.updateAccounts(tx.db, tx.workspaceId, resolved.updates, now);
    return { created, updated, unchanged: resolved.updates.length - updated };
  }
  if (kind === 'organizations') {
    const created = await repo.insertOrganizations(tx.db, tx.workspaceId, resolved.inserts);
    const updated = await repo.updateOrganizations(tx.db, tx.workspaceId, resolved.updates);
    return { created, updated, unchanged: resolved.updates.length - updated };
  }
  const joined = await repo.insertContacts(tx.db, tx.workspaceId, resolved.inserts);
  const changed = await repo.updateContacts(tx.db, tx.workspaceId, resolved.updates, now);
  // The same events as contacts.service announces for a contact added or edited by hand, for the whole batch at once
  // (reactions with a set-based form run once per batch).
  await emitMany(tx, 'contact.joined', joined.filter((c) => !c.leftOn).map((c) => ({ contactId: c.id, accountId: c.accountId })));
  await emitMany(tx, 'contact.left', changed.filter((c) => c.leftOn && !c.leftOnBefore).map((c) => ({ contactId: c.id, accountId: c.accountId, role: c.role, leftOn: c.leftOn! })));
  await emitMany(tx, 'contact.role_changed', changed.filter((c) => c.role !== c.roleBefore).map((c) => ({ contactId: c.id, accountId: c.accountId, from: c.roleBefore, to: c.role })));
  return { created: joined.length, updated: changed.length, unchanged: resolved.updates.length - changed.length };
}

// ---- the service ----

const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export function presentImport(row: repo.ImportRow): ImportJob {
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    fileName: row.fileName,
    status: row.status as ImportJob['status'],
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    skipped: row.skipped,
    problems: row.problems,
    error: row.error,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

async function dryRun(ctx: Ctx, kind: ImportKind, file: CsvFile, mapping: ImportMapping | undefined) {
  const checked = check(kind, file, mapping);
  let wouldCreate = 0;
  let wouldUpdate = 0;
  const problems = [...checked.problems];
  for (const batch of chunks(checked.valid, BATCH_ROWS)) {
    const resolved = await resolveBatch(ctx, kind, batch);
    wouldCreate += resolved.inserts.length;
    wouldUpdate += resolved.updates.length;
    problems.push(...resolved.problems);
  }
  problems.sort((a, b) => a.row - b.row);
  const sample = file.records.slice(0, 5).map((record) =>
    Object.fromEntries(file.headers.flatMap((header, index) => (checked.mapping[header] ? [[checked.mapping[header], record.cells[index] ?? '']] : []))),
  );
  const skippedRows = new Set(problems.map((p) => p.row)).size;
  return { checked, wouldCreate, wouldUpdate, wouldSkip: skippedRows, problems, sample };
}

function previewOf(kind: ImportKind, file: CsvFile, job: ImportJob, result: Awaited<ReturnType<typeof dryRun>>): ImportPreview {
  return {
    import: job,
    headers: file.headers,
    mapping: result.checked.mapping,
    fields: FIELDS[kind].map((spec) => ({ field: spec.field, label: spec.label, required: Boolean(spec.required) })),
    matching: MATCHING[kind],
    delimiter: DELIMITER_NAMES[file.delimiter] ?? file.delimiter,
    totalRows: file.records.length,
    wouldCreate: result.wouldCreate,
    wouldUpdate: result.wouldUpdate,
    wouldSkip: result.wouldSkip,
    problems: result.problems.slice(0, 1000),
    sample: result.sample,
  };
}

/**
 * Reads an uploaded file and previews its import (nothing imported). With `keep`, the file and mapping are kept as a
 * previewed import that can be run; a CLI dry run keeps nothing.
 */
export async function previewUpload(ctx: Ctx, input: { kind: ImportKind; fileName: string; bytes: Buffer; mapping?: ImportMapping | undefined; keep: boolean }) {
  const file = await readCsv(input.bytes);
  const result = await dryRun(ctx, input.kind, file, input.mapping);
  const values = {
    workspaceId: ctx.workspaceId,
    kind: input.kind,
    fileName: input.fileName.slice(0, 200) || 'import.csv',
    content: input.keep ? input.bytes.toString('utf8') : '',
    mapping: result.checked.mapping,
    totalRows: file.records.length,
    createdBy: ctx.actor.name,
  };
  const row = input.keep
    ? await repo.insertImport(ctx.db, values)
    : ({ ...values, id: '00000000-0000-4000-8000-000000000000', status: 'previewed', processedRows: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, problems: [], error: null, createdAt: ctx.services.now(), startedAt: null, progressAt: null, finishedAt: null } satisfies repo.ImportRow);
  return previewOf(input.kind, file, presentImport(row), result);
}

async function previewedImport(ctx: Ctx, importId: string) {
  const row = await repo.findImport(ctx.db, ctx.workspaceId, importId);
  if (!row) throw notFound('import');
  if (row.status !== 'previewed') throw conflict(`This import has already been run (it is ${row.status}): upload the file again to import it once more.`);
  return row;
}

/** The same file previewed again with another column mapping. */
export async function previewAgain(ctx: Ctx, importId: string, mapping: ImportMapping) {
  const row = await previewedImport(ctx, importId);
  const file = await readCsv(Buffer.from(row.content, 'utf8'));
  const result = await dryRun(ctx, row.kind as ImportKind, file, mapping);
  const saved = (await repo.updateImport(ctx.db, ctx.workspaceId, importId, { mapping: result.checked.mapping }))!;
  return previewOf(row.kind as ImportKind, file, presentImport(saved), result);
}

export async function getImport(ctx: Ctx, importId: string) {
  const row = await repo.findImport(ctx.db, ctx.workspaceId, importId);
  if (!row) throw notFound('import');
  return presentImport(row);
}

export async function listImports(ctx: Ctx) {
  return (await repo.listImports(ctx.db, ctx.workspaceId, 50)).map((row) => ({
    ...row,
    kind: row.kind as ImportKind,
    status: row.status as ImportJob['status'],
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }));
}

/** A running import with no batch written for this long stopped with its process (a batch takes seconds). */
export const STALE_IMPORT_MS = 10 * 60_000;

/**
 * Marks imports that stopped mid-run (the server restarted or crashed) as failed, saying so; without it they would
 * say "running" for ever. The batches written before stay written, like a run that fails.
 */
export function failStaleImports(services: Services) {
  const now = services.now();
  return repo.failStaleImports(
    services.database.db,
    new Date(now.getTime() - STALE_IMPORT_MS),
    now,
    'The import stopped: no rows were written for 10 minutes (the server restarted or crashed while it ran). The rows counted as processed were imported; upload the file again to import the rest: the rows already imported are matched to what they wrote.',
  );
}

/** Marks a previewed import as running (409 if it ran already) and returns what the run needs. */
export async function startImport(ctx: Ctx, importId: string) {
  const row = await previewedImport(ctx, importId);
  const file = await readCsv(Buffer.from(row.content, 'utf8'));
  const checked = check(row.kind as ImportKind, file, row.mapping);
  const claimed = await repo.claimImport(ctx.db, ctx.workspaceId, importId, file.records.length, ctx.services.now());
  if (!claimed) throw conflict('This import has already been started.');
  return { job: presentImport(claimed), run: (onProgress?: (job: ImportJob) => void) => runImport(ctx, claimed, checked, onProgress) };
}

/**
 * Writes the rows batch by batch, each in its own transaction with its progress; bad rows are skipped and reported.
 * A batch that fails stops the run (the batches before it stay written) and the import says why.
 */
async function runImport(ctx: Ctx, row: repo.ImportRow, checked: Checked, onProgress?: (job: ImportJob) => void): Promise<ImportJob> {
  const kind = row.kind as ImportKind;
  try {
    const timezone = await workspaceTimezone(ctx);
    const badRows = new Set(checked.problems.map((p) => p.row)).size;
    await repo.addProgress(ctx.db, ctx.workspaceId, row.id, { processed: checked.problems.length ? badRows : 0, created: 0, updated: 0, unchanged: 0, skipped: badRows, problems: checked.problems }, ctx.services.now());
    for (const batch of chunks(checked.valid, BATCH_ROWS)) {
      await inTransaction(ctx, async (tx) => {
        await repo.lockWorkspaceImports(tx.db, tx.workspaceId);
        const resolved = await resolveBatch(tx, kind, batch);
        const written = await writeBatch(tx, kind, resolved, timezone);
        const skipped = new Set(resolved.problems.map((p) => p.row)).size;
        await repo.addProgress(tx.db, tx.workspaceId, row.id, { processed: batch.length, ...written, skipped, problems: resolved.problems }, tx.services.now());
      });
      if (onProgress) onProgress(await getImport(ctx, row.id));
    }
    const done = await repo.updateImport(ctx.db, ctx.workspaceId, row.id, { status: 'done', finishedAt: ctx.services.now(), content: '' });
    return presentImport(done!);
  } catch (error) {
    const message = error instanceof AppError ? error.message : 'A batch could not be written; the rows before it were imported. Nothing of that batch was.';
    const failed = await repo.updateImport(ctx.db, ctx.workspaceId, row.id, { status: 'failed', error: message, finishedAt: ctx.services.now(), content: '' });
    if (!(error instanceof AppError)) console.error(`Import ${row.id} failed:`, error);
    return presentImport(failed!);
  }
}

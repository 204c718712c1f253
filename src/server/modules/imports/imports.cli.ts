// `landfall import <file.csv> [--kind contacts] [--dry-run] [--workspace <id or name>]`: the same preview and run as
// the web app, with a progress bar on the terminal (cli-progress).
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { sql } from 'drizzle-orm';
import { contextFor, systemActor, type Services } from '../../context.ts';
import { IMPORT_KINDS, type ImportKind } from '../../../core/imports/fields.ts';
import { isFileRefusal } from './csv-file.ts';
import { AppError } from '../../http/errors.ts';
import { previewUpload, startImport } from './imports.service.ts';

async function findWorkspace(services: Services, wanted: string | undefined) {
  const result = await services.database.db.execute(sql`select id, name from workspaces order by created_at`);
  const workspaces = (result as unknown as { rows: { id: string; name: string }[] }).rows;
  if (wanted) {
    const found = workspaces.find((w) => w.id === wanted || w.name.toLowerCase() === wanted.toLowerCase());
    if (!found) throw new Error(`No workspace "${wanted}". Workspaces: ${workspaces.map((w) => `${w.name} (${w.id})`).join(', ') || 'none'}.`);
    return found;
  }
  if (workspaces.length === 1) return workspaces[0]!;
  throw new Error(workspaces.length === 0 ? 'There is no workspace yet: open Landfall to create one.' : `Say which workspace with --workspace: ${workspaces.map((w) => `${w.name} (${w.id})`).join(', ')}.`);
}

export async function importCommand(services: Services, options: { file: string | undefined; kind: string | undefined; dryRun: boolean; workspace: string | undefined }) {
  if (!options.file) throw new Error('Usage: landfall import <file.csv> [--kind accounts|contacts|organizations] [--dry-run] [--workspace <id or name>]');
  const kind = (options.kind ?? 'accounts') as ImportKind;
  if (!IMPORT_KINDS.includes(kind)) throw new Error(`--kind must be one of ${IMPORT_KINDS.join(', ')}.`);
  const workspace = await findWorkspace(services, options.workspace);
  const ctx = contextFor(services, systemActor(workspace.id, 'csv-import'));
  const bytes = fs.readFileSync(options.file);
  let preview;
  try {
    preview = await previewUpload(ctx, { kind, fileName: path.basename(options.file), bytes, keep: !options.dryRun });
  } catch (error) {
    if (!isFileRefusal(error)) throw error;
    const details = error instanceof AppError && error.errors.length > 1 ? error.errors.map((e) => `  - ${e.message}`).join('\n') : '';
    throw new Error(`The file was refused: ${error.message}${details ? `\n${details}` : ''}`);
  }
  console.log(`${preview.totalRows} rows of ${kind} in ${workspace.name} (separated by ${preview.delimiter}). ${preview.matching}`);
  console.log(`Columns: ${Object.entries(preview.mapping).map(([header, field]) => `${header} → ${field}`).join(', ')}`);
  console.log(`Would create ${preview.wouldCreate}, update or keep ${preview.wouldUpdate}, skip ${preview.wouldSkip} rows.`);
  for (const problem of preview.problems.slice(0, 50)) console.log(`  row ${problem.row}${problem.column ? `, ${problem.column}` : ''}: ${problem.message}`);
  if (preview.problems.length > 50) console.log(`  … and ${preview.problems.length - 50} more problems`);
  if (options.dryRun) return console.log('Dry run: nothing was written.');

  const { run } = await startImport(ctx, preview.import.id);
  const bar = new cliProgress.SingleBar({ format: 'Importing [{bar}] {percentage}% | {value}/{total} rows | {created} created, {updated} updated, {skipped} skipped', hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(preview.totalRows, 0, { created: 0, updated: 0, skipped: 0 });
  const report = await run((job) => bar.update(job.processedRows, { created: job.created, updated: job.updated, skipped: job.skipped }));
  bar.update(report.processedRows, { created: report.created, updated: report.updated, skipped: report.skipped });
  bar.stop();
  if (report.status === 'failed') throw new Error(`The import stopped: ${report.error}`);
  console.log(`Done: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped} skipped.`);
}

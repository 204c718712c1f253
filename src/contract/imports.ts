import { z } from 'zod';
import { IMPORT_KINDS } from '../core/imports/fields.ts';

// CSV import: upload a file (POST /imports, multipart: "file", and "kind"), read the dry-run preview (which rows
// would be created or updated, every bad row with its spreadsheet row number, column and what is wrong), change the
// column mapping if the suggestion is wrong (POST /imports/:id/preview), then run it (POST /imports/:id/run) and
// follow its progress (GET /imports/:id) until the report.

export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

export const ImportProblem = z.object({
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: z.number().int(),
  /** The column's header, when the problem is one cell's. */
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportField = z.object({ field: z.string(), label: z.string(), required: z.boolean() });

/** Header → field; headers left out are not imported. */
export const ImportMapping = z.record(z.string().max(200), z.string().max(60));
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportStatus = z.enum(['previewed', 'running', 'done', 'failed']);

export const ImportJob = z.object({
  id: z.uuid(),
  kind: ImportKind,
  fileName: z.string(),
  status: ImportStatus,
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  /** The first 1,000 bad rows (skipped counts them all). */
  problems: z.array(ImportProblem),
  error: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportPreview = z.object({
  import: ImportJob,
  headers: z.array(z.string()),
  /** The mapping used: the one sent, or the one suggested from the headers. */
  mapping: ImportMapping,
  fields: z.array(ImportField),
  /** How records are matched to existing ones, in words. */
  matching: z.string(),
  delimiter: z.string(),
  totalRows: z.number().int(),
  wouldCreate: z.number().int(),
  wouldUpdate: z.number().int(),
  wouldSkip: z.number().int(),
  problems: z.array(ImportProblem),
  /** The first rows as read through the mapping. */
  sample: z.array(z.record(z.string(), z.string())),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportPreviewInput = z.object({ mapping: ImportMapping }).strict();
export type ImportPreviewInput = z.infer<typeof ImportPreviewInput>;

export const ImportSummary = ImportJob.omit({ problems: true, error: true });
export const ImportList = z.array(ImportSummary);

export const TemplateQuery = z.object({ kind: ImportKind.default('contacts') });

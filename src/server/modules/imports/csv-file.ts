// Reading an uploaded spreadsheet as CSV with csv-parse (streamed record by record): the checks that refuse a whole
// file with a 4xx that says why (empty, not text, too big, too many rows, a broken quote), the delimiter guessed
// from the header line, and each record numbered as the spreadsheet numbers its rows (the header is row 1).
import { parse, CsvError } from 'csv-parse';
import { AppError, invalid } from '../../http/errors.ts';

export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;

/** A whole file refused with its own status (413 too large, 415 not a CSV file). */
export class FileRefused extends Error {
  constructor(
    readonly statusCode: 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

export interface CsvRecord {
  /** The row number a spreadsheet shows (header = 1), counting blank rows, a quoted line break staying in its row. */
  row: number;
  cells: string[];
}

export interface CsvFile {
  headers: string[];
  records: CsvRecord[];
  delimiter: string;
}

const DELIMITERS = [',', ';', '\t'] as const;
export const DELIMITER_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

/** The delimiter of the header line: the one of , ; tab seen most often outside quotes. */
export function guessDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text.slice(0, 64 * 1024)) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]![1] > 0 ? [...counts].sort((a, b) => b[1] - a[1])[0]![0] : ',';
}

const BINARY_SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive (an Excel .xlsx workbook is one): open it and save it as CSV'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel .xls workbook: open it and save it as CSV'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
];

/** The file's text, or a 4xx: empty, binary, or not UTF-8. */
export function csvText(bytes: Buffer): string {
  if (bytes.length > MAX_IMPORT_BYTES) throw new FileRefused(413, `The file is larger than ${MAX_IMPORT_BYTES / 1048576} MB, the most an import takes: split it in parts.`);
  if (bytes.toString('utf8').replace(/^\uFEFF/, '').trim() === '') throw invalid('The file is empty: it needs a header row and at least one row of data.', { path: ['body', 'file'] });
  const known = BINARY_SIGNATURES.find(([signature]) => signature.every((byte, i) => bytes[i] === byte));
  if (known) throw new FileRefused(415, `This is not a CSV file: it is ${known[1]}.`);
  if (bytes.subarray(0, 64 * 1024).includes(0)) throw new FileRefused(415, 'This is not a CSV file: it holds binary data. Save the spreadsheet as "CSV UTF-8".');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new FileRefused(415, 'The file is not UTF-8 text: save the spreadsheet as "CSV UTF-8 (comma delimited)" and try again.');
  }
}

/** Reads the whole file: header and records. */
export async function readCsv(bytes: Buffer): Promise<CsvFile> {
  const text = csvText(bytes);
  const delimiter = guessDelimiter(text);
  let headers: string[] | undefined;
  const records: CsvRecord[] = [];
  let row = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const parser = parse({ delimiter, relax_column_count: true, skip_empty_lines: false, max_record_size: 1024 * 1024 });
      // Records are read as they come (the stream's own readable loop: far cheaper per record than for await).
      parser.on('readable', () => {
        let cells: string[] | null;
        while ((cells = parser.read() as string[] | null) !== null) {
          row++;
          if (!headers) {
            headers = cells.map((cell) => cell.trim());
            continue;
          }
          if (cells.every((cell) => cell.trim() === '')) continue;
          if (records.length >= MAX_IMPORT_ROWS) {
            parser.destroy(new FileRefused(413, `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows, the most one import takes: split it in parts.`));
            return;
          }
          records.push({ row, cells });
        }
      });
      parser.on('error', reject);
      parser.on('end', resolve);
      parser.end(text);
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const at = (error as CsvError & { lines?: number }).lines;
      throw invalid(`The file cannot be read as CSV${at ? ` near line ${at}` : ''}: ${plainCsvError(error)}`, { path: ['body', 'file'] });
    }
    throw error;
  }
  if (!headers || headers.every((header) => header === '')) throw invalid('The file has no header row: the first row must name the columns.', { path: ['body', 'file'] });
  const seen = new Map<string, number>();
  for (const [index, header] of headers.entries()) {
    if (header === '') continue;
    const before = seen.get(header.toLowerCase());
    if (before !== undefined) throw invalid(`Columns ${before + 1} and ${index + 1} are both named "${header}": give each column its own name.`, { path: ['body', 'file'] });
    seen.set(header.toLowerCase(), index);
  }
  if (records.length === 0) throw invalid('The file has a header row but no rows of data.', { path: ['body', 'file'] });
  return { headers, records, delimiter };
}

function plainCsvError(error: CsvError): string {
  switch (error.code as string) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed (a " is missing).';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote inside a cell is not doubled ("" stands for one ").';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote appears inside a cell that does not start with one (quote the whole cell, and double the quotes inside it).';
    case 'CSV_MAX_RECORD_SIZE':
      return 'a row is longer than 1 MB.';
    default:
      return error.message;
  }
}

export const isFileRefusal = (error: unknown): error is AppError | FileRefused => error instanceof AppError || error instanceof FileRefused;

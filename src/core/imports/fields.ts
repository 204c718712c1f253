// What a CSV import reads: for each kind (accounts, contacts, organizations) the fields a column can fill, the
// headers that suggest each field, and how a cell becomes a value or a problem written for the person who made the
// spreadsheet. Pure: no I/O, no clock.
import { COMPLEXITIES, CONTACT_ROLES, LAER_STAGES, ORGANIZATION_KINDS, SEGMENTS, TOUCH_MODELS } from '../people.ts';

export const IMPORT_KINDS = ['accounts', 'contacts', 'organizations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type CellValue = string | number | string[];
export type Parsed = { value: CellValue } | { problem: string };

export interface FieldSpec {
  field: string;
  label: string;
  /** A column for it must be in the file. */
  required?: boolean;
  /** Headers (lower-case, spaces for _ and -) that suggest this field besides its own name and label. */
  aliases: string[];
  parse: (cell: string) => Parsed;
}

const text = (max: number) => (cell: string): Parsed =>
  cell.length > max ? { problem: `is longer than ${max} characters` } : { value: cell };

const oneOf = (values: readonly string[], what: string) => (cell: string): Parsed => {
  const key = cell.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return values.includes(key) ? { value: key } : { problem: `"${cell}" is not ${what}: use one of ${values.join(', ')}` };
};

const isoDate = (cell: string): Parsed => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(cell)) return { problem: `"${cell}" is not a date written YYYY-MM-DD` };
  const date = new Date(`${cell}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== cell ? { problem: `"${cell}" is not a real date` } : { value: cell };
};

const email = (cell: string): Parsed =>
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(cell) && cell.length <= 254 ? { value: cell.toLowerCase() } : { problem: `"${cell}" is not an email address like name@company.com` };

/** A domain as people paste it (https://www.acme.com/about) becomes acme.com. */
const domain = (cell: string): Parsed => {
  const bare = cell.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^www\./, '').replace(/[/?#].*$/, '');
  return /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(bare) ? { value: bare } : { problem: `"${cell}" is not a domain like example.com` };
};

const amount = (cell: string): Parsed => {
  const number = Number(cell.replace(/[\s,$€£]/g, ''));
  return Number.isInteger(number) && number >= 0 && number <= 1e12 ? { value: number } : { problem: `"${cell}" is not a whole amount (like 48000)` };
};

const list = (cell: string): Parsed => {
  const items = [...new Set(cell.split(/[;|]/).map((item) => item.trim()).filter(Boolean))];
  return items.length > 100 || items.some((item) => item.length > 80) ? { problem: 'has too many items or an item longer than 80 characters' } : { value: items };
};

const timezone = (cell: string): Parsed => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: cell });
    return { value: cell };
  } catch {
    return { problem: `"${cell}" is not a time zone like Europe/Paris` };
  }
};

const currency = (cell: string): Parsed => (/^[A-Za-z]{3}$/.test(cell) ? { value: cell.toUpperCase() } : { problem: `"${cell}" is not a 3-letter currency code like USD` });

const externalId: FieldSpec = { field: 'external_id', label: 'External id', aliases: ['id', 'crm id', 'record id'], parse: text(200) };

/** Columns that say which account a contact or organization belongs to: tried in this order. */
const accountRefs: FieldSpec[] = [
  { field: 'account_external_id', label: 'Account external id', aliases: ['account id', 'company id', 'account crm id'], parse: text(200) },
  { field: 'account_domain', label: 'Account domain', aliases: ['company domain', 'website', 'account website'], parse: domain },
  { field: 'account_name', label: 'Account name', aliases: ['account', 'company', 'company name', 'organization name'], parse: text(200) },
];
export const ACCOUNT_REF_FIELDS = accountRefs.map((spec) => spec.field);

export const FIELDS: Record<ImportKind, FieldSpec[]> = {
  accounts: [
    { ...externalId, aliases: [...externalId.aliases, 'account id', 'account external id', 'salesforce id', 'hubspot id'] },
    { field: 'name', label: 'Name', required: true, aliases: ['account name', 'account', 'company', 'company name'], parse: text(200) },
    { field: 'domain', label: 'Domain', aliases: ['website', 'company domain', 'url'], parse: domain },
    { field: 'industry', label: 'Industry', required: true, aliases: ['sector', 'vertical'], parse: text(80) },
    { field: 'segment', label: 'Segment', required: true, aliases: ['tier', 'customer segment'], parse: oneOf(SEGMENTS, 'a segment') },
    { field: 'complexity', label: 'Complexity', required: true, aliases: [], parse: oneOf(COMPLEXITIES, 'a complexity') },
    { field: 'touch_model', label: 'Touch model', aliases: ['touch'], parse: oneOf(TOUCH_MODELS, 'a touch model') },
    { field: 'contract_value', label: 'Contract value', aliases: ['arr', 'acv', 'amount', 'value'], parse: amount },
    { field: 'currency', label: 'Currency', aliases: [], parse: currency },
    { field: 'contract_signed_on', label: 'Contract signed on', aliases: ['signed on', 'close date', 'signed'], parse: isoDate },
    { field: 'renewal_on', label: 'Renewal on', aliases: ['renewal date', 'renewal'], parse: isoDate },
    { field: 'products', label: 'Products', aliases: ['product'], parse: list },
    { field: 'timezone', label: 'Time zone', aliases: ['tz', 'time zone'], parse: timezone },
    { field: 'laer_stage', label: 'LAER stage', aliases: ['stage', 'lifecycle stage'], parse: oneOf(LAER_STAGES, 'a LAER stage') },
  ],
  contacts: [
    { ...externalId, aliases: [...externalId.aliases, 'contact id', 'person id'] },
    { field: 'email', label: 'Email', required: true, aliases: ['email address', 'e mail', 'work email'], parse: email },
    { field: 'name', label: 'Name', required: true, aliases: ['full name', 'contact name', 'person'], parse: text(200) },
    { field: 'title', label: 'Title', aliases: ['job title', 'position'], parse: text(120) },
    { field: 'role', label: 'Role', aliases: ['contact role'], parse: oneOf(CONTACT_ROLES, 'a contact role') },
    { field: 'timezone', label: 'Time zone', aliases: ['tz', 'time zone'], parse: timezone },
    { field: 'joined_on', label: 'Joined on', aliases: ['joined', 'start date', 'joined date'], parse: isoDate },
    { field: 'left_on', label: 'Left on', aliases: ['left', 'end date', 'left date', 'leaving date'], parse: isoDate },
    { field: 'modules', label: 'Modules', aliases: ['module', 'products used'], parse: list },
    ...accountRefs,
  ],
  organizations: [
    { ...externalId, aliases: [...externalId.aliases, 'organization id'] },
    { field: 'name', label: 'Name', required: true, aliases: ['organization', 'organization name', 'department', 'subsidiary'], parse: text(200) },
    { field: 'kind', label: 'Kind', required: true, aliases: ['type'], parse: oneOf(ORGANIZATION_KINDS, 'a kind of organization') },
    { field: 'started_on', label: 'Started on', aliases: ['start date', 'started'], parse: isoDate },
    ...accountRefs.map((spec) => (spec.field === 'account_name' ? { ...spec, aliases: ['account', 'company', 'company name'] } : spec)),
  ],
};

const normalize = (header: string) => header.trim().toLowerCase().replace(/[\s_\-.]+/g, ' ').trim();

/** The field each header suggests (or none), each field given to the first header that suggests it. */
export function suggestMapping(kind: ImportKind, headers: string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  const taken = new Set<string>();
  for (const header of headers) {
    const key = normalize(header);
    const spec = FIELDS[kind].find(
      (s) => !taken.has(s.field) && (normalize(s.field) === key || normalize(s.label) === key || s.aliases.includes(key)),
    );
    if (!spec) continue;
    mapping[header] = spec.field;
    taken.add(spec.field);
  }
  return mapping;
}

/** What is wrong with a mapping for the file's headers, in words; empty when it can be used. */
export function mappingProblems(kind: ImportKind, headers: string[], mapping: Record<string, string>): string[] {
  const problems: string[] = [];
  const fields = new Map(FIELDS[kind].map((spec) => [spec.field, spec]));
  const seen = new Map<string, string>();
  for (const [header, field] of Object.entries(mapping)) {
    if (!headers.includes(header)) problems.push(`The mapping names a column "${header}" that the file does not have.`);
    if (!fields.has(field)) problems.push(`"${field}" (for column "${header}") is not a field of ${kind}: use one of ${[...fields.keys()].join(', ')}.`);
    const before = seen.get(field);
    if (before) problems.push(`Columns "${before}" and "${header}" both fill ${field}: keep one.`);
    seen.set(field, header);
  }
  for (const spec of FIELDS[kind]) {
    if (spec.required && !seen.has(spec.field)) problems.push(`A column for ${spec.label.toLowerCase()} (${spec.field}) is required; none was found or mapped.`);
  }
  if (kind !== 'accounts' && !ACCOUNT_REF_FIELDS.some((field) => seen.has(field))) {
    problems.push(`A column saying which account each row belongs to is required: ${ACCOUNT_REF_FIELDS.join(', ')}.`);
  }
  return problems;
}

export interface RowProblem {
  /** The row as the spreadsheet numbers it: the header is row 1. */
  row: number;
  /** The file's column header, when the problem is one cell's. */
  column: string | null;
  message: string;
}

export type RowValues = Record<string, CellValue>;

/**
 * Reads data rows through the mapping: each row's non-empty cells as values by field, or the problems found.
 * An empty cell fills nothing (an existing record keeps its value).
 */
export function rowReader(kind: ImportKind, headers: string[], mapping: Record<string, string>) {
  const byField = new Map(FIELDS[kind].map((spec) => [spec.field, spec]));
  const columns = headers.flatMap((header, index) => {
    const spec = byField.get(mapping[header] ?? '');
    return spec ? [{ header, index, spec }] : [];
  });
  const columnOf = (field: string) => columns.find((c) => c.spec.field === field)?.header ?? null;
  const refColumns = new Set(columns.filter((c) => ACCOUNT_REF_FIELDS.includes(c.spec.field)).map((c) => c.header));
  return (cells: string[], row: number): { values: RowValues; problems: RowProblem[] } => {
    const values: RowValues = {};
    const problems: RowProblem[] = [];
    for (const { header, index, spec } of columns) {
      const cell = (cells[index] ?? '').trim();
      if (cell === '') {
        if (spec.required) problems.push({ row, column: header, message: `${spec.label} is empty` });
        continue;
      }
      const parsed = spec.parse(cell);
      if ('problem' in parsed) problems.push({ row, column: header, message: `${spec.label} ${parsed.problem}` });
      else values[spec.field] = parsed.value;
    }
    if (kind !== 'accounts' && !ACCOUNT_REF_FIELDS.some((field) => field in values) && !problems.some((p) => refColumns.has(p.column ?? ''))) {
      problems.push({ row, column: null, message: 'No account: fill one of the account columns' });
    }
    if (kind === 'contacts' && typeof values.joined_on === 'string' && typeof values.left_on === 'string' && values.left_on < values.joined_on) {
      problems.push({ row, column: columnOf('left_on'), message: 'Left on cannot be before the date they joined' });
    }
    if (kind === 'accounts' && typeof values.contract_signed_on === 'string' && typeof values.renewal_on === 'string' && values.renewal_on <= values.contract_signed_on) {
      problems.push({ row, column: columnOf('renewal_on'), message: 'Renewal on must be after the contract signed date' });
    }
    return { values, problems };
  };
}

/** One data row read through the mapping (see rowReader). */
export const readRow = (kind: ImportKind, headers: string[], mapping: Record<string, string>, cells: string[], row: number) =>
  rowReader(kind, headers, mapping)(cells, row);


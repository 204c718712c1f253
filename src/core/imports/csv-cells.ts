// What goes into a cell of an exported CSV. A cell that starts with = + - @ (or a tab or carriage return) would be
// read as a formula by a spreadsheet (CSV injection), so, as OWASP recommends, it is prefixed with a single quote:
// the spreadsheet shows the text as it was typed and never runs it.

const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: string | number | boolean | null | undefined | readonly string[]): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = Array.isArray(value) ? value.join('; ') : (value as string);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A template a person can fill in: the header and two example rows per kind. */
export const TEMPLATES = {
  accounts: [
    ['external_id', 'name', 'domain', 'industry', 'segment', 'complexity', 'contract_value', 'currency', 'contract_signed_on', 'renewal_on', 'products', 'laer_stage'],
    ['CRM-1001', 'Northwind Traders', 'northwind.example', 'Retail', 'mid_market', 'moderate', '48000', 'USD', '2026-01-15', '2027-01-15', 'Core Platform; Analytics', 'land'],
    ['CRM-1002', 'Contoso Health', 'contoso.example', 'Healthcare', 'enterprise', 'high', '240000', 'USD', '2026-02-01', '2027-02-01', 'Core Platform', 'adopt'],
  ],
  contacts: [
    ['external_id', 'account_domain', 'name', 'email', 'title', 'role', 'joined_on', 'left_on', 'modules'],
    ['P-1', 'northwind.example', 'Carol Champion', 'carol@northwind.example', 'Head of Operations', 'champion', '2026-01-20', '', 'Payroll; Reports'],
    ['P-2', 'northwind.example', 'Eli End-User', 'eli@northwind.example', 'Buyer', 'end_user', '2026-02-03', '2026-06-30', 'Reports'],
  ],
  organizations: [
    ['external_id', 'account_domain', 'name', 'kind', 'started_on'],
    ['ORG-1', 'northwind.example', 'EMEA Sales', 'added_users', '2026-06-01'],
    ['ORG-2', 'contoso.example', 'Contoso Labs', 'new_implementation', '2026-07-01'],
  ],
} as const;

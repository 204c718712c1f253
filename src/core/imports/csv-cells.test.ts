import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeCell } from './csv-cells.ts';
import { mappingProblems, readRow, suggestMapping } from './fields.ts';

describe('exported cells', () => {
  it('prefixes a cell a spreadsheet would run as a formula with a quote, and leaves others as they are', () => {
    expect(safeCell('=HYPERLINK("http://evil.example")')).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(safeCell('+1 555')).toBe("'+1 555");
    expect(safeCell('-2+3')).toBe("'-2+3");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell('Acme = good')).toBe('Acme = good');
    expect(safeCell(-5)).toBe('-5');
    expect(safeCell(['a', 'b'])).toBe('a; b');
    expect(safeCell(null)).toBe('');
  });

  it('never lets a text cell start with a formula character', () => {
    fc.assert(fc.property(fc.string(), (text) => !/^[=+\-@\t\r]/.test(safeCell(text))));
  });
});

describe('reading rows', () => {
  it('suggests fields from the headers people use', () => {
    expect(suggestMapping('contacts', ['Email Address', 'Full Name', 'Company', 'Job Title', 'Whatever'])).toEqual({
      'Email Address': 'email',
      'Full Name': 'name',
      Company: 'account_name',
      'Job Title': 'title',
    });
  });

  it('says which required columns are missing', () => {
    expect(mappingProblems('contacts', ['name'], { name: 'name' })).toEqual([
      'A column for email (email) is required; none was found or mapped.',
      'A column saying which account each row belongs to is required: account_external_id, account_domain, account_name.',
    ]);
  });

  it('reports each bad cell with its row, column and what is wrong', () => {
    const headers = ['Email', 'Name', 'Account', 'Role', 'Joined', 'Left'];
    const mapping = suggestMapping('contacts', headers);
    const { problems } = readRow('contacts', headers, mapping, ['not-an-email', 'Bo', 'Acme', 'boss', '2026-05-01', '2026-04-01'], 7);
    expect(problems).toEqual([
      { row: 7, column: 'Email', message: 'Email "not-an-email" is not an email address like name@company.com' },
      { row: 7, column: 'Role', message: 'Role "boss" is not a contact role: use one of champion, executive_sponsor, project_lead, admin, super_user, end_user' },
      { row: 7, column: 'Left', message: 'Left on cannot be before the date they joined' },
    ]);
  });
});

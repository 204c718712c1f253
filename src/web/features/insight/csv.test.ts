import { describe, expect, it } from 'vitest';
import { days, toCsv } from './csv.ts';

describe('insight CSV and figures', () => {
  it('quotes what needs quoting, and leaves an unknown value empty', () => {
    const rows = [{ name: 'Acme, Inc.', note: 'said "soon"', n: 3 }, { name: 'Beta', note: null, n: 0 }];
    const text = toCsv(
      [
        { key: 'name', label: 'Name', value: (r: (typeof rows)[number]) => r.name },
        { key: 'note', label: 'Note', value: (r: (typeof rows)[number]) => r.note },
        { key: 'n', label: 'Projects', value: (r: (typeof rows)[number]) => r.n },
      ],
      rows,
    );
    expect(text).toBe('Name,Note,Projects\r\n"Acme, Inc.","said ""soon""",3\r\nBeta,,0\r\n');
  });

  it('never shows NaN: unknown days read as a dash', () => {
    expect(days(null)).toBe('—');
    expect(days(Number.NaN)).toBe('—');
    expect(days(64.6)).toBe('65 d');
  });
});

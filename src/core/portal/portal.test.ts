import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { judgeUpload, neutraliseFileName } from './files.ts';
import { describeActivity } from './activity.ts';
import { checkAnswers, checkFormDefinition, type FormField } from './forms.ts';

describe('file names', () => {
  it('drops paths, control and special characters, and keeps the extension', () => {
    expect(neutraliseFileName('../../etc/passwd')).toBe('passwd');
    expect(neutraliseFileName('C:\\Users\\x\\Q3 "plan";.xlsx')).toBe('Q3 _plan__.xlsx');
    expect(neutraliseFileName('.htaccess')).toBe('htaccess');
    expect(neutraliseFileName('a\u0000b\r\n.pdf')).toBe('ab.pdf');
    expect(neutraliseFileName(`${'x'.repeat(500)}.pdf`)).toHaveLength(120);
  });

  it('never yields a path, a hidden file or an empty name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (name) => {
        const safe = neutraliseFileName(name);
        expect(safe.length).toBeGreaterThan(0);
        expect(safe.length).toBeLessThanOrEqual(120);
        // eslint-disable-next-line no-control-regex -- checking control characters are gone
        expect(safe).not.toMatch(/[\\/<>"\u0000-\u001f]/);
        expect(safe.startsWith('.')).toBe(false);
      }),
    );
  });
});

describe('upload checks', () => {
  const text = new TextEncoder().encode('a,b\n1,2\n');
  it('accepts content that matches the extension', () => {
    expect(judgeUpload('plan.pdf', 10, 'pdf', new Uint8Array())).toMatchObject({ ok: true, mime: 'application/pdf' });
    expect(judgeUpload('data.csv', text.length, undefined, text)).toMatchObject({ ok: true });
  });
  it('refuses oversize (413), unknown types and mismatched content (415)', () => {
    expect(judgeUpload('plan.pdf', 11 * 1024 * 1024, 'pdf', new Uint8Array())).toMatchObject({ ok: false, status: 413 });
    expect(judgeUpload('page.html', 10, undefined, text)).toMatchObject({ ok: false, status: 415 });
    expect(judgeUpload('logo.svg', 10, undefined, text)).toMatchObject({ ok: false, status: 415 });
    expect(judgeUpload('plan.pdf', 10, 'png', new Uint8Array())).toMatchObject({ ok: false, status: 415 });
    expect(judgeUpload('notes.txt', 3, undefined, new Uint8Array([0, 1, 2]))).toMatchObject({ ok: false, status: 415 });
  });
});

describe('task forms', () => {
  const fields: FormField[] = [
    { key: 'seats', label: 'Seats', type: 'number', required: true },
    { key: 'region', label: 'Region', type: 'choice', required: false, options: ['EU', 'US'] },
    { key: 'sso', label: 'SSO', type: 'yes_no', required: false },
    { key: 'start', label: 'Start', type: 'date', required: false },
    { key: 'doc', label: 'Document', type: 'file', required: true },
  ];
  it('normalises good answers', () => {
    const { values, problems } = checkAnswers(fields, { seats: ' 12 ', region: 'EU', sso: false, start: '2026-05-01' }, new Set(['doc']));
    expect(problems).toEqual([]);
    expect(values).toEqual({ seats: 12, region: 'EU', sso: false, start: '2026-05-01' });
  });
  it('names each wrong or missing answer', () => {
    const { problems } = checkAnswers(fields, { region: 'APAC', sso: 'yes', start: '1 May', extra: 1 }, new Set());
    expect(problems.map((p) => p.path[0])).toEqual(['extra', 'seats', 'region', 'sso', 'start', 'doc']);
  });
  it('checks definitions', () => {
    expect(checkFormDefinition([{ key: 'A b', label: '', type: 'choice', required: false, options: ['x'] }]).map((p) => p.path[1])).toEqual([
      'key',
      'label',
      'options',
    ]);
  });
});

describe('the portal activity line', () => {
  const event = (kind: string, field: string | null, toValue: string | null) => ({ kind, field, toValue, taskTitle: 'Send the user list' });
  it('says what the person did to a task, in words', () => {
    expect(describeActivity(event('task', 'status', 'done'))).toBe('completed "Send the user list"');
    expect(describeActivity(event('task', 'status', 'stuck'))).toBe('marked "Send the user list" as stuck');
    expect(describeActivity(event('task', 'stuckReason', 'IT is on holiday'))).toBe('said why "Send the user list" is stuck: IT is on holiday');
  });
  it('leaves out what the engine derived from it', () => {
    expect(describeActivity(event('task', 'actualFinish', '2026-11-23'))).toBeNull();
    expect(describeActivity(event('task', 'actualStart', '2026-11-23'))).toBeNull();
    expect(describeActivity(event('projected', 'projected_finish', '2026-11-24'))).toBeNull();
  });
  it('keeps the portal’s own sentences', () => {
    expect(describeActivity(event('file_uploaded', null, 'uploaded users.csv to "Send the user list"'))).toBe('uploaded users.csv to "Send the user list"');
    expect(describeActivity({ kind: 'portal_visit', field: null, toValue: null, taskTitle: null })).toBe('portal visit');
  });
});

import { describe, expect, it } from 'vitest';
import { assignKeys, keyFromLabel } from './formKeys.ts';

describe('form field keys', () => {
  it('derives a lowercase, underscored key from the label', () => {
    expect(keyFromLabel('Admin e-mail address')).toBe('admin_e_mail_address');
    expect(keyFromLabel('Société  (legal name)')).toBe('societe_legal_name');
    expect(keyFromLabel('2FA required?')).toBe('field_2fa_required');
    expect(keyFromLabel('???')).toBe('field');
  });

  it('keeps the keys already saved and makes new ones unique', () => {
    expect(assignKeys([{ key: 'plan', label: 'Plan' }, { label: 'Plan' }, { label: 'Plan' }, { label: 'Go-live date' }])).toEqual([
      'plan',
      'plan_2',
      'plan_3',
      'go_live_date',
    ]);
  });
});

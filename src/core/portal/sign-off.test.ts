import { describe, expect, it } from 'vitest';
import { isOwnName, signOffState } from './sign-off.ts';

const at = (day: number) => new Date(Date.UTC(2026, 2, day));

describe('when the customer is asked to sign off', () => {
  const facts = { needsApproval: true, status: 'not_started', requestedAt: [], decisions: [] };

  it('never for a task that does not ask for it', () => {
    expect(signOffState({ ...facts, needsApproval: false, status: 'done' })).toBe('none');
  });

  it('not for work that has not started or is still under way', () => {
    expect(signOffState(facts)).toBe('not_ready');
    expect(signOffState({ ...facts, status: 'in_progress' })).toBe('not_ready');
  });

  it('once the vendor submits it, or its work is done', () => {
    expect(signOffState({ ...facts, status: 'in_progress', requestedAt: [at(3)] })).toBe('waiting');
    expect(signOffState({ ...facts, status: 'done' })).toBe('waiting');
  });

  it('not again after a rejection until the vendor submits it again', () => {
    const rejected = { ...facts, status: 'in_progress', requestedAt: [at(3)], decisions: [{ decision: 'rejected' as const, at: at(4) }] };
    expect(signOffState(rejected)).toBe('rejected');
    expect(signOffState({ ...rejected, requestedAt: [at(3), at(6)] })).toBe('waiting');
  });

  it('approved stays approved', () => {
    expect(signOffState({ ...facts, status: 'done', requestedAt: [at(3)], decisions: [{ decision: 'approved', at: at(4) }] })).toBe('approved');
  });
});

describe('a signature', () => {
  it('is the signer’s own name, whatever the case, spacing or accents', () => {
    expect(isOwnName('carla   champion', 'Carla Champion')).toBe(true);
    expect(isOwnName('Jose Garcia-Lopez', 'José García López')).toBe(true);
  });

  it('is not someone else’s name, a part of it, or nothing', () => {
    expect(isOwnName('Someone Else Entirely', 'Carla Champion')).toBe(false);
    expect(isOwnName('Carla', 'Carla Champion')).toBe(false);
    expect(isOwnName('  ', 'Carla Champion')).toBe(false);
  });
});

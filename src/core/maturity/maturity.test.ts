import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stageOf, type MaturityFact, type StageDefinition } from './maturity.ts';

const none = { paths: [], outcomesVerified: 0, modules: [], usage: [] };
const stages: StageDefinition[] = [
  { key: 'basic', name: 'Basic', criteria: { ...none, paths: [{ pathId: 'p1', percent: 50 }] } },
  { key: 'intermediate', name: 'Intermediate', criteria: { ...none, modules: ['Reports'], outcomesVerified: 1 } },
  { key: 'advanced', name: 'Advanced', criteria: { ...none, usage: [{ metric: 'weekly_active', atLeast: 20 }] } },
];

const users = (...ids: string[]): MaturityFact[] => ids.map((contactId) => ({ kind: 'user', contactId }));

describe('maturity stages', () => {
  it('counts stages in order: a later stage met is not reached before the earlier ones', () => {
    const facts: MaturityFact[] = [...users('a', 'b'), { kind: 'usage', metric: 'weekly_active', value: 50, at: '2026-01-01T00:00:00Z' }];
    const standing = stageOf(stages, facts, 'account', () => 'Essentials');
    expect(standing).toEqual({ index: -1, key: null, next: ['Basic: Essentials completed by 50% of users (now 0%)'] });
  });

  it('reaches each stage as its criteria are met, and says what the next one needs', () => {
    const facts: MaturityFact[] = [
      ...users('a', 'b'),
      { kind: 'path_completed', contactId: 'a', pathId: 'p1' },
      { kind: 'module_used', contactId: 'b', module: 'reports' },
      { kind: 'outcome_verified', outcomeId: 'o1' },
      { kind: 'usage', metric: 'weekly_active', value: 25, at: '2026-01-01T00:00:00Z' },
      { kind: 'usage', metric: 'weekly_active', value: 12, at: '2026-02-01T00:00:00Z' },
    ];
    expect(stageOf(stages, facts, 'account')).toEqual({ index: 1, key: 'intermediate', next: ['Advanced: weekly_active at least 20 (now 12)'] });
    expect(stageOf(stages, [...facts, { kind: 'usage', metric: 'weekly_active', value: 21, at: '2026-03-01T00:00:00Z' }], 'account').key).toBe('advanced');
  });

  it('a user is judged on their own paths and modules; account-level criteria do not apply', () => {
    const facts: MaturityFact[] = [...users('a'), { kind: 'path_completed', contactId: 'a', pathId: 'p1' }, { kind: 'module_used', contactId: 'a', module: 'Reports' }];
    expect(stageOf(stages, facts, 'user').key).toBe('advanced');
  });

  it('a leaver (no longer a user) does not count towards a path share', () => {
    const facts: MaturityFact[] = [...users('a', 'b', 'c'), { kind: 'path_completed', contactId: 'z', pathId: 'p1' }, { kind: 'path_completed', contactId: 'a', pathId: 'p1' }];
    expect(stageOf(stages, facts, 'account').key).toBe(null);
  });

  const fact: fc.Arbitrary<MaturityFact> = fc.oneof(
    fc.constantFrom('a', 'b', 'c', 'd').map((contactId) => ({ kind: 'user' as const, contactId })),
    fc.record({ kind: fc.constant('path_completed' as const), contactId: fc.constantFrom('a', 'b', 'c', 'd'), pathId: fc.constantFrom('p1', 'p2') }),
    fc.record({ kind: fc.constant('outcome_verified' as const), outcomeId: fc.constantFrom('o1', 'o2') }),
    fc.record({ kind: fc.constant('module_used' as const), contactId: fc.constantFrom('a', 'b', 'c', 'd'), module: fc.constantFrom('Reports', 'reports', 'Billing') }),
    fc.record({
      kind: fc.constant('usage' as const),
      metric: fc.constant('weekly_active'),
      value: fc.integer({ min: 0, max: 40 }),
      at: fc.constantFrom('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'),
    }),
  );

  it('the same facts in any order give the same stage (account and user)', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 30 }).chain((facts) => fc.tuple(fc.constant(facts), fc.shuffledSubarray(facts, { minLength: facts.length, maxLength: facts.length }))), ([facts, shuffled]) => {
        expect(stageOf(stages, shuffled, 'account')).toEqual(stageOf(stages, facts, 'account'));
        expect(stageOf(stages, shuffled, 'user')).toEqual(stageOf(stages, facts, 'user'));
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPLEXITIES, SEGMENTS, type Complexity, type Segment } from '../people.ts';
import { BUILTIN_PLAYBOOKS } from './builtin.ts';
import type { PlaybookDefinition, SelectionRule } from './definition.ts';
import { proposePlaybook, rankPlaybooks, type AccountProfile, type PlaybookCandidate } from './selection.ts';

const builtins: PlaybookCandidate[] = BUILTIN_PLAYBOOKS.map((definition) => ({ id: definition.name, definition }));

const makeAccount = (fields: Partial<AccountProfile> = {}): AccountProfile => ({
  segment: 'enterprise',
  complexity: 'moderate',
  products: [],
  ...fields,
});

const makePlaybook = (id: string, selection: Partial<SelectionRule> = {}): PlaybookCandidate => ({
  id,
  definition: {
    name: id,
    touchModel: 'high',
    targetDays: 90,
    selection: { segments: [], complexities: [], products: [], ...selection },
    stages: [{ key: 'design', name: 'Design' }],
    tasks: [],
  } satisfies PlaybookDefinition,
});

describe('proposing a built-in playbook', () => {
  it.each([
    ['enterprise', 'high', 'Enterprise: high complexity'],
    ['enterprise', 'moderate', 'Enterprise: moderate complexity'],
    ['enterprise', 'low', 'Enterprise: moderate complexity'],
    ['mid_market', 'high', 'Mid-market: moderate to high complexity'],
    ['mid_market', 'moderate', 'Mid-market: moderate to high complexity'],
    ['mid_market', 'low', 'Mid-market: low complexity'],
    ['smb', 'high', 'SMB: digital touch'],
    ['smb', 'low', 'SMB: digital touch'],
  ] as [Segment, Complexity, string][])('proposes for %s, %s complexity: %s', (segment, complexity, expected) => {
    expect(proposePlaybook(makeAccount({ segment, complexity }), builtins)?.id).toBe(expected);
  });

  it('explains the choice in words', () => {
    const [best, runnerUp] = rankPlaybooks(makeAccount({ complexity: 'high' }), builtins);
    expect(best).toEqual({
      id: 'Enterprise: high complexity',
      score: 88,
      reasons: ['fits enterprise', 'built for high complexity'],
    });
    expect(runnerUp?.reasons).toContain('built for moderate or low complexity, not high');
  });

  it('never offers a playbook made for another segment', () => {
    const ranked = rankPlaybooks(makeAccount({ segment: 'smb' }), builtins);
    expect(ranked.map((m) => m.id)).toEqual(['SMB: digital touch']);
    expect(proposePlaybook(makeAccount({ segment: 'smb' }), builtins.slice(0, 2))).toBeUndefined();
  });
});

describe('ranking playbooks', () => {
  it('prefers a playbook written for the segment over one for any segment', () => {
    const ranked = rankPlaybooks(makeAccount(), [makePlaybook('generic'), makePlaybook('enterprise', { segments: ['enterprise'] })]);
    expect(ranked.map((m) => m.id)).toEqual(['enterprise', 'generic']);
    expect(ranked[1]!.reasons).toContain('for any segment');
  });

  it('ranks a playbook for another complexity below one for any, but still offers it', () => {
    const ranked = rankPlaybooks(makeAccount({ complexity: 'low' }), [
      makePlaybook('high-only', { complexities: ['high'] }),
      makePlaybook('any'),
    ]);
    expect(ranked.map((m) => m.id)).toEqual(['any', 'high-only']);
    expect(ranked[1]!.reasons).toContain('built for high complexity, not low');
  });

  it('moves a product playbook up when the account bought the product, and down when not', () => {
    const playbooks = [makePlaybook('generic'), makePlaybook('analytics', { products: ['Analytics', 'Mobile'] })];
    const buyer = rankPlaybooks(makeAccount({ products: ['Core Platform', 'Analytics'] }), playbooks);
    expect(buyer.map((m) => m.id)).toEqual(['analytics', 'generic']);
    expect(buyer[0]!.reasons).toContain('covers Analytics');
    const other = rankPlaybooks(makeAccount({ products: ['Core Platform'] }), playbooks);
    expect(other.map((m) => m.id)).toEqual(['generic', 'analytics']);
    expect(other[1]!.reasons).toContain('made for Analytics or Mobile, not bought');
  });

  it('breaks ties by id, whatever order the playbooks come in', () => {
    const a = makePlaybook('a', { segments: ['enterprise'] });
    const b = makePlaybook('b', { segments: ['enterprise'] });
    expect(rankPlaybooks(makeAccount(), [b, a]).map((m) => m.id)).toEqual(['a', 'b']);
    expect(rankPlaybooks(makeAccount(), [a, b]).map((m) => m.id)).toEqual(['a', 'b']);
  });

  const account = fc.record({
    segment: fc.constantFrom(...SEGMENTS),
    complexity: fc.constantFrom(...COMPLEXITIES),
    products: fc.subarray(['Analytics', 'Mobile', 'Core Platform']),
  });
  const rule = fc.record({
    segments: fc.subarray([...SEGMENTS]),
    complexities: fc.subarray([...COMPLEXITIES]),
    products: fc.subarray(['Analytics', 'Mobile']),
  });
  const playbooks = fc
    .uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), rule), { selector: ([id]) => id, maxLength: 8 })
    .map((entries) => entries.map(([id, selection]) => makePlaybook(id, selection)));

  it('only offers playbooks that allow the segment, best first, in an order that ignores the input order', () => {
    fc.assert(
      fc.property(account, playbooks, (profile, list) => {
        const ranked = rankPlaybooks(profile, list);
        const { segment } = profile;
        const allowed = list.filter(({ definition: { selection } }) => selection.segments.length === 0 || selection.segments.includes(segment));
        expect(ranked.map((m) => m.id).sort()).toEqual(allowed.map((p) => p.id).sort());
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
        for (const match of ranked) {
          expect(match.score).toBeGreaterThanOrEqual(0);
          expect(match.score).toBeLessThanOrEqual(100);
        }
        expect(rankPlaybooks(profile, [...list].reverse())).toEqual(ranked);
        expect(proposePlaybook(profile, list)).toEqual(ranked[0]);
      }),
    );
  });
});

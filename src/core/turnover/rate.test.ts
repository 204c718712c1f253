import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annualTurnover, isCurrent } from './rate.ts';
import { heirOf } from './risk.ts';

describe('annual turnover', () => {
  it('counts 3 leavers of 25 people present all year as 12 %', () => {
    const stayers = Array.from({ length: 22 }, () => ({ joinedOn: '2024-01-01', leftOn: null }));
    const leavers = Array.from({ length: 3 }, () => ({ joinedOn: '2024-01-01', leftOn: '2026-12-01' }));
    const figure = annualTurnover([...stayers, ...leavers], '2026-12-01');
    expect(figure.leavers).toBe(3);
    // The three leavers were there every day of the period but its last.
    expect(figure.averageHeadcount).toBeCloseTo(22 + (3 * 364) / 365, 6);
    expect(figure.rate).toBeCloseTo(3 / (22 + (3 * 364) / 365), 6);
  });

  it('has no rate for an account with nobody on it, and ignores people who left before the period', () => {
    expect(annualTurnover([], '2026-12-01').rate).toBeNull();
    expect(annualTurnover([{ joinedOn: '2020-01-01', leftOn: '2021-01-01' }], '2026-12-01')).toMatchObject({ rate: null, leavers: 0 });
  });

  it('does not count someone who joins later in the period for the whole year', () => {
    const figure = annualTurnover([{ joinedOn: '2026-12-01', leftOn: null }], '2026-12-01');
    expect(figure.averageHeadcount).toBeCloseTo(1 / 365, 9);
  });

  const day = fc.integer({ min: 0, max: 1500 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const person = fc
    .record({ joinedOn: fc.option(day, { nil: null }), leftOn: fc.option(day, { nil: null }) })
    .filter((p) => !p.joinedOn || !p.leftOn || p.leftOn >= p.joinedOn);

  it('gives the same figure for the same people in any order', () => {
    fc.assert(
      fc.property(
        fc.array(person, { maxLength: 40 }).chain((people) => fc.tuple(fc.constant(people), fc.shuffledSubarray(people, { minLength: people.length }))),
        day,
        ([people, shuffled], today) => {
        expect(annualTurnover(shuffled, today)).toEqual(annualTurnover(people, today));
        },
      ),
    );
  });

  it('never has more current users than people, and a rate that is null only with nobody there', () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 40 }), day, (people, today) => {
        const figure = annualTurnover(people, today);
        expect(people.filter((p) => isCurrent(p, today)).length).toBeLessThanOrEqual(people.length);
        expect(figure.rate === null).toBe(figure.averageHeadcount === 0);
        expect(figure.leavers).toBeLessThanOrEqual(people.length);
      }),
    );
  });
});

describe('who takes a leaver’s tasks', () => {
  const current = [
    { id: 'lead', role: 'project_lead' },
    { id: 'champ', role: 'champion' },
    { id: 'user', role: 'end_user' },
  ];
  it('is the successor when named, else the champion, else the project lead, never the leaver', () => {
    expect(heirOf('x', 'user', current)).toBe('user');
    expect(heirOf('x', null, current)).toBe('champ');
    expect(heirOf('champ', null, current)).toBe('lead');
    expect(heirOf('champ', 'champ', current)).toBe('lead');
    expect(heirOf('x', null, [{ id: 'u', role: 'end_user' }])).toBeNull();
  });
});

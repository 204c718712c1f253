import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from '../calendar.ts';
import { decodeMoves, encodeMoves, MOVE_HEALTH, type TaskMove } from './moves.ts';

describe('the compact answer of what moved', () => {
  it('decodes to what was encoded, in position order', () => {
    const base = toDayNumber('2026-03-02');
    const move = fc
      .record({ position: fc.nat(5000), start: fc.integer({ min: -400, max: 4000 }), length: fc.nat(60), slack: fc.integer({ min: -50, max: 200 }), critical: fc.boolean(), health: fc.constantFrom(...MOVE_HEALTH) })
      .map((m): TaskMove => ({
        position: m.position,
        projectedStart: fromDayNumber(base + m.start),
        projectedFinish: fromDayNumber(base + m.start + m.length),
        slackDays: m.slack,
        critical: m.critical,
        health: m.health,
      }));
    fc.assert(
      fc.property(fc.uniqueArray(move, { selector: (m) => m.position, maxLength: 200 }), (moves) => {
        expect(decodeMoves(encodeMoves('2026-03-02', moves))).toEqual([...moves].sort((a, b) => a.position - b.position));
      }),
    );
  });

  it('says a thousand consecutive moves in one run and a few bytes each', () => {
    const moves = Array.from({ length: 1000 }, (_, i): TaskMove => ({
      position: i,
      projectedStart: fromDayNumber(toDayNumber('2026-03-02') + i * 2),
      projectedFinish: fromDayNumber(toDayNumber('2026-03-02') + i * 2 + 1),
      slackDays: 0,
      critical: true,
      health: 'late',
    }));
    const encoded = encodeMoves('2026-03-02', moves);
    expect(encoded.runs).toEqual([[0, 1000]]);
    expect(JSON.stringify(encoded).length).toBeLessThan(15_000);
  });
});

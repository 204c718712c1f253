// What a re-plan moved, compact enough to answer a slip of a thousand tasks in a few kilobytes: a task is named by its
// position in the plan, consecutive positions go in runs, and every value is one small integer per moved task, in
// the order of the runs (dates are calendar days after day 0, a finish is days after its start, health and
// critical path share one number). The web decodes it against the plan it holds.
import { fromDayNumber, toDayNumber } from '../calendar.ts';

export const MOVE_HEALTH = ['on_track', 'at_risk', 'late'] as const;
export type MoveHealth = (typeof MOVE_HEALTH)[number];

export interface TaskMove {
  position: number;
  projectedStart: string;
  projectedFinish: string;
  slackDays: number;
  critical: boolean;
  health: string;
}

export interface EncodedMoves {
  day0: string;
  /** [first position, how many consecutive positions]. */
  runs: [number, number][];
  /** Per moved task: its projected start, in calendar days after day 0. */
  start: number[];
  /** Per moved task: calendar days from its projected start to its projected finish. */
  length: number[];
  slack: number[];
  /** Per moved task: 2 × the index of its health in MOVE_HEALTH (on_track, at_risk, late), + 1 when critical. */
  flags: number[];
}

export function encodeMoves(day0: string, moves: TaskMove[]): EncodedMoves {
  const sorted = [...moves].sort((a, b) => a.position - b.position);
  const base = toDayNumber(day0);
  const encoded: EncodedMoves = { day0, runs: [], start: [], length: [], slack: [], flags: [] };
  for (const move of sorted) {
    const last = encoded.runs.at(-1);
    if (last && last[0] + last[1] === move.position) last[1]++;
    else encoded.runs.push([move.position, 1]);
    const start = toDayNumber(move.projectedStart);
    encoded.start.push(start - base);
    encoded.length.push(toDayNumber(move.projectedFinish) - start);
    encoded.slack.push(move.slackDays);
    encoded.flags.push(2 * Math.max(0, MOVE_HEALTH.indexOf(move.health as MoveHealth)) + (move.critical ? 1 : 0));
  }
  return encoded;
}

export function decodeMoves(encoded: EncodedMoves): TaskMove[] {
  const base = toDayNumber(encoded.day0);
  const moves: TaskMove[] = [];
  let i = 0;
  for (const [first, count] of encoded.runs) {
    for (let position = first; position < first + count; position++, i++) {
      const start = base + encoded.start[i]!;
      moves.push({
        position,
        projectedStart: fromDayNumber(start),
        projectedFinish: fromDayNumber(start + encoded.length[i]!),
        slackDays: encoded.slack[i]!,
        critical: encoded.flags[i]! % 2 === 1,
        health: MOVE_HEALTH[Math.floor(encoded.flags[i]! / 2)] ?? 'on_track',
      });
    }
  }
  return moves;
}

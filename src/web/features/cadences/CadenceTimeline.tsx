import type { CadenceStats } from '../../../contract/cadences.ts';
import type { CadenceStep } from '../../../core/cadences/types.ts';
import './cadences.css';

const DAY_WIDTH = 28;
const CHIP_WIDTH = 150;

/** The first day from `from` on which no day-step of the cadence sits: where a duplicate goes. */
export function nextFreeDay(steps: readonly CadenceStep[], from: number): number {
  const taken = new Set(steps.flatMap((s) => (s.trigger.kind === 'day' ? [s.trigger.day + (s.delayDays ?? 0)] : [])));
  let day = from;
  while (taken.has(day)) day++;
  return Math.min(day, 365);
}

/** One line of a step's counts, in words; opens and clicks are not recorded. */
export const statsText = (stats: CadenceStats['steps'][number] | undefined) =>
  stats ? `${stats.sent} sent · ${stats.scheduled} waiting · ${stats.bounced} bounced${stats.failed ? ` · ${stats.failed} failed` : ''}` : '';

/**
 * The cadence as a timeline: days across, each day-step on its day; steps that wait for an event, or repeat weekly,
 * in a lane of their own. It scrolls sideways inside itself on a narrow screen.
 */
export function CadenceTimeline({
  steps,
  stats,
  selectedId,
  onSelect,
}: {
  steps: readonly CadenceStep[];
  stats: CadenceStats | undefined;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  const dayOf = (s: CadenceStep) => (s.trigger.kind === 'day' ? s.trigger.day + (s.delayDays ?? 0) : undefined);
  const onDays = steps.filter((s) => dayOf(s) !== undefined).sort((a, b) => dayOf(a)! - dayOf(b)!);
  const others = steps.filter((s) => dayOf(s) === undefined);
  const lastDay = Math.max(14, ...onDays.map((s) => dayOf(s)!)) + 3;
  const statsOf = new Map(stats?.steps.map((s) => [s.stepId, s]));
  // Steps too close to share a row (a chip is wider than a day) go to the first row with room.
  const rowOf = new Map<string, number>();
  const rowEnds: number[] = [];
  for (const s of onDays) {
    const left = dayOf(s)! * DAY_WIDTH;
    let row = rowEnds.findIndex((end) => end <= left);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = left + CHIP_WIDTH + 4;
    rowOf.set(s.id, row);
  }
  const rows = Math.max(1, rowEnds.length);
  const ticks = Array.from({ length: Math.floor(lastDay / 7) + 1 }, (_, i) => i * 7);
  const chip = (s: CadenceStep, style?: React.CSSProperties) => (
    <button
      key={s.id}
      type="button"
      className={`timeline-step${s.id === selectedId ? ' is-selected' : ''}`}
      style={style}
      aria-pressed={s.id === selectedId}
      title={`${s.name}${statsOf.get(s.id) ? ` — ${statsText(statsOf.get(s.id))}` : ''}`}
      onClick={() => onSelect(s.id)}
    >
      <span className="timeline-step-name">{s.name}</span>
      {statsOf.get(s.id) && <span className="timeline-step-stats">{statsOf.get(s.id)!.sent} sent</span>}
    </button>
  );
  return (
    <div className="cadence-timeline card">
      <div className="timeline-scroll" role="group" aria-label="Steps by day">
        <div className="timeline-track" style={{ width: (lastDay + 1) * DAY_WIDTH + CHIP_WIDTH + 10, height: 34 + rows * 46 }}>
          {ticks.map((day) => (
            <span key={day} className="timeline-tick" style={{ left: day * DAY_WIDTH }}>
              Day {day}
            </span>
          ))}
          {onDays.map((s) => chip(s, { left: dayOf(s)! * DAY_WIDTH, top: 30 + rowOf.get(s.id)! * 46, width: CHIP_WIDTH }))}
        </div>
      </div>
      {others.length > 0 && (
        <div className="timeline-events">
          <span className="muted">On events and weekly:</span>
          {others.map((s) => chip(s))}
        </div>
      )}
    </div>
  );
}

// Reschedule a 10,000-task project after one root task slips 5 business days, against a bare
// topological pass over the same graph. Run: npx tsx bench/schedule.ts
import { performance } from 'node:perf_hooks';
import { addBusinessDays, fromDayNumber, toDayNumber, weekdayOf, type BusinessCalendar } from '../src/core/calendar.ts';
import { attributeDelays } from '../src/core/schedule/attribution.ts';
import { schedule } from '../src/core/schedule/schedule.ts';
import type { ProjectTask, ScheduleInput } from '../src/core/schedule/types.ts';
import { measureChainApi } from './chain-api.ts';
import { measureProjectApi } from './project-api.ts';

const TASKS = 10_000;
const WARM_UP = 15;
const RUNS = 21;

/** mulberry32: small, seeded, good enough to draw a graph. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = rng(20250303);
const pick = (n: number): number => Math.floor(random() * n);

// About 10 weekday holidays a year, 2024–2045.
const holidays: string[] = [];
for (let year = 2024; year <= 2045; year++) {
  const first = toDayNumber(`${year}-01-01`);
  const days = new Set<number>();
  while (days.size < 10) {
    const day = first + pick(365);
    if (weekdayOf(day) <= 5) days.add(day);
  }
  holidays.push(...[...days].sort((a, b) => a - b).map(fromDayNumber));
}
const calendar: BusinessCalendar = { timeZone: 'Europe/Paris', workingWeekdays: [1, 2, 3, 4, 5], holidays };

// A random DAG: each task depends on about 2 of the 400 tasks before it; a few roots start at an offset.
const tasks: ProjectTask[] = [];
for (let i = 0; i < TASKS; i++) {
  const dependsOn: { taskId: string; lagDays: number }[] = [];
  if (i >= 20 && random() > 0.02) {
    const count = 1 + pick(3);
    const seen = new Set<number>();
    for (let k = 0; k < count; k++) {
      const p = i - 1 - pick(Math.min(i, 400));
      if (seen.has(p)) continue;
      seen.add(p);
      dependsOn.push({ taskId: `t${p}`, lagDays: random() < 0.2 ? pick(4) : 0 });
    }
  }
  tasks.push({
    id: `t${i}`,
    side: random() < 0.4 ? 'customer' : 'vendor',
    durationDays: random() < 0.05 ? 0 : 1 + pick(8),
    startOffsetDays: dependsOn.length === 0 ? pick(120) - 60 : null,
    dependsOn,
  });
}
const edges = tasks.reduce((sum, t) => sum + (t.dependsOn?.length ?? 0), 0);

const projectStart = '2025-03-03';
const input: ScheduleInput = { tasks, calendar, projectStart, today: projectStart };
const before = schedule(input);

// Slip a root task on the critical path by 5 business days: someone pins it a week later.
const rootIndex = tasks.findIndex((t, i) => (t.dependsOn ?? []).length === 0 && before.tasks[i]!.critical);
const root = before.tasks[rootIndex]!;
const slipped: ProjectTask[] = tasks.slice();
slipped[rootIndex] = { ...tasks[rootIndex]!, pinnedStart: addBusinessDays(root.start, 5, calendar) };
const slippedInput: ScheduleInput = { ...input, tasks: slipped };

// The baseline: Kahn's algorithm on plain integers, earliest start = max(pred finish + lag), no calendar.
const predOf = tasks.map((t) => (t.dependsOn ?? []).map((d) => Number(d.taskId.slice(1))));
const lagOf = tasks.map((t) => (t.dependsOn ?? []).map((d) => d.lagDays ?? 0));
const durationOf = tasks.map((t) => t.durationDays);
const offsetOf = tasks.map((t) => t.startOffsetDays ?? 0);

function bareTopologicalPass(): Int32Array {
  const n = predOf.length;
  const waiting = new Int32Array(n);
  const succCount = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const preds = predOf[i]!;
    waiting[i] = preds.length;
    for (const p of preds) succCount[p + 1]!++;
  }
  for (let i = 0; i < n; i++) succCount[i + 1]! += succCount[i]!;
  const succ = new Int32Array(succCount[n]!);
  const cursor = succCount.slice(0, n);
  for (let i = 0; i < n; i++) for (const p of predOf[i]!) succ[cursor[p]!++] = i;
  const start = new Int32Array(n);
  const finish = new Int32Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (waiting[i] === 0) queue[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const i = queue[head]!;
    const preds = predOf[i]!;
    const lags = lagOf[i]!;
    let s = offsetOf[i]!;
    for (let k = 0; k < preds.length; k++) s = Math.max(s, finish[preds[k]!]! + lags[k]!);
    start[i] = s;
    finish[i] = s + durationOf[i]!;
    for (let k = succCount[i]!; k < succCount[i + 1]!; k++) {
      const j = succ[k]!;
      if (--waiting[j]! === 0) queue[tail++] = j;
    }
  }
  return start;
}

const median = (times: number[]): number => times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

/** Warm up, then the median of RUNS timed runs; each contender alone, so its garbage is not billed to another. */
function medianMs(run: () => unknown): number {
  for (let i = 0; i < WARM_UP; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

let sink = 0;
const baselineMs = medianMs(() => (sink += bareTopologicalPass()[TASKS - 1]!));
const engineMs = medianMs(() => (sink += schedule(slippedInput).tasks.length));
const after = schedule(slippedInput);
const attributionMs = medianMs(() => (sink += attributeDelays({ tasks: slipped, previous: before, next: after, calendar }).length));

const moved = after.tasks.filter((t, i) => t.finish !== before.tasks[i]!.finish).length;
console.log(
  `${TASKS} tasks, ${edges} dependencies, ${holidays.length} holidays; the slip of ${root.id} moved ${moved} tasks; ` +
    `project end ${before.projectEnd} → ${after.projectEnd}; attribution ${attributionMs.toFixed(2)} ms (${sink > 0 ? 'ok' : ''})`,
);
const round = (x: number): number => Math.round(x * 1000) / 1000;
console.log('Completing tasks of a 500-task project through the HTTP API on PostgreSQL…');
const projectApi = await measureProjectApi();
console.log('Slipping the head of a 1,000-task chain and adding tasks to it through the HTTP API on PostgreSQL…');
const chainApi = await measureChainApi();
console.log(
  JSON.stringify({
    bench: 'schedule',
    engine_ms: round(engineMs),
    baseline_ms: round(baselineMs),
    ratio: round(engineMs / baselineMs),
    tasks: TASKS,
    ...projectApi,
    ...chainApi,
  }),
);

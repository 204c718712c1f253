// A touchpoint on the journey map: importance is what customers said it was worth to them (1–5; staff's default
// weight until someone rates it), performance is how well it went (0–100: the mean of on-time share and CSAT scaled
// from 1–5, whichever are known). Important (4 or more) and performing (70 or more) is a moment of truth done well;
// important and performing worse is a weak spot.

export type TouchpointVerdict = 'moment_of_truth' | 'weak_spot' | 'routine' | 'unknown';

export interface TouchpointFigures {
  customerImportance: number | null;
  defaultWeight: number | null;
  onTimePercent: number | null;
  csat: number | null;
}

export function touchpointScore(f: TouchpointFigures) {
  const importance = f.customerImportance ?? f.defaultWeight;
  const parts = [f.onTimePercent, f.csat === null ? null : ((f.csat - 1) / 4) * 100].filter((p): p is number => p !== null && Number.isFinite(p));
  const performance = parts.length === 0 ? null : parts.reduce((a, b) => a + b, 0) / parts.length;
  const verdict: TouchpointVerdict =
    importance === null || performance === null ? 'unknown' : importance >= 4 ? (performance >= 70 ? 'moment_of_truth' : 'weak_spot') : 'routine';
  return {
    importance: importance === null ? null : Math.round(importance * 10) / 10,
    importanceFrom: f.customerImportance !== null ? ('customers' as const) : f.defaultWeight !== null ? ('staff' as const) : null,
    performance: performance === null ? null : Math.round(performance),
    verdict,
  };
}

import { Badge } from '../../components/ui/Badge.tsx';
import { AREA_LABELS, VERDICT_LABELS, VERDICT_TONES, type ReadinessScore, type Verdict } from './readiness.api.ts';
import './readiness.css';

export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  if (!verdict) return <Badge>Not scored</Badge>;
  return <Badge tone={VERDICT_TONES[verdict]}>{VERDICT_LABELS[verdict]}</Badge>;
}

/** The overall score and each area's as bars, with the thresholds marked, so the verdict reads at a glance. */
export function ScoreBars({ score, preview = false }: { score: ReadinessScore; preview?: boolean }) {
  const rows = [
    { key: 'overall', label: 'Overall', value: score.overall },
    ...(['people', 'processes', 'technology'] as const).map((area) => ({ key: area, label: AREA_LABELS[area], value: score.areas[area] })),
  ];
  return (
    <div className="readiness-bars" aria-label={preview ? 'Score so far' : 'Readiness score'}>
      {rows.map((row) => (
        <div key={row.key} className={`readiness-bar-row${row.key === 'overall' ? ' is-overall' : ''}`}>
          <span className="readiness-bar-label">{row.label}</span>
          <span
            className="readiness-bar-track"
            role="meter"
            aria-label={`${row.label} score`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={row.value ?? undefined}
            aria-valuetext={row.value === null ? 'not answered yet' : `${row.value} out of 100`}
          >
            <span className={`readiness-bar-fill tone-${toneOf(row.value, score.thresholds)}`} style={{ width: `${row.value ?? 0}%` }} />
            <span className="readiness-threshold" style={{ left: `${score.thresholds.atRisk}%` }} title={`At risk from ${score.thresholds.atRisk}`} />
            <span className="readiness-threshold is-ready" style={{ left: `${score.thresholds.ready}%` }} title={`Ready from ${score.thresholds.ready}`} />
          </span>
          <span className="readiness-bar-value">{row.value === null ? '–' : row.value}</span>
        </div>
      ))}
      <p className="readiness-bars-legend muted">
        Ready from {score.thresholds.ready}, at risk from {score.thresholds.atRisk}, below that not ready.
        {preview && ` ${score.answered} question${score.answered === 1 ? '' : 's'} answered so far.`}
      </p>
    </div>
  );
}

function toneOf(value: number | null, thresholds: ReadinessScore['thresholds']) {
  if (value === null) return 'none';
  return value >= thresholds.ready ? 'ready' : value >= thresholds.atRisk ? 'at-risk' : 'not-ready';
}

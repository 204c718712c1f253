import { lazy, Suspense } from 'react';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { Badge, type Tone } from '../../components/ui/Badge.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { LAER_STAGE_LABELS, StageBadge } from '../accounts/labels.tsx';
import { useAccountHealth, type AccountHealth as Health } from './health.api.ts';
import './health.css';

const HealthTrendChart = lazy(() => import('./HealthTrendChart.tsx'));

const bandTone: Record<string, Tone> = { green: 'green', amber: 'amber', red: 'red' };
const bandLabel: Record<string, string> = { green: 'Healthy', amber: 'Watch', red: 'At risk' };
const riskTone: Record<string, Tone> = { low: 'green', medium: 'amber', high: 'red' };
const missingLabel = { ignore: 'no fact: left out, others re-weighted', red: 'no fact: counted as red', neutral: 'no fact: counted as neutral (50)' };

/** A number as people read it, or a dash: never NaN or "null" on screen. */
const shown = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : String(Math.round(value * 10 ** digits) / 10 ** digits);

/** The account's health (score, each measure's part, trend), renewal risk and LAER stage, each explained. */
export function AccountHealth({ accountId }: { accountId: string }) {
  const health = useAccountHealth(accountId);
  return (
    <Section title="Health and renewal" description="Scored by the workspace’s health model on every change and nightly. Settings → Health model says how.">
      {health.isPending ? (
        <div className="card">
          <LoadingState label="Loading health…" />
        </div>
      ) : health.isError ? (
        <ErrorState title="Could not load health" error={health.error} onRetry={() => void health.refetch()} />
      ) : (
        <HealthCards health={health.data} />
      )}
    </Section>
  );
}

function HealthCards({ health }: { health: Health }) {
  const trend = [...health.trend]
    .reverse()
    .filter((t): t is { at: string; score: number; band: Health['band'] } => t.score !== null);
  return (
    <div className="health-grid">
      <div className="card health-score-card">
        <div className="health-score-head">
          <span className="health-score" aria-label={`Health score ${health.score ?? 'not known'}`}>
            {health.score ?? '—'}
          </span>
          <div>
            {health.band ? <Badge tone={bandTone[health.band]}>{bandLabel[health.band]}</Badge> : <Badge>Not enough facts</Badge>}
            <p className="muted health-small">
              {health.modelKind === 'weighted' ? 'Weighted model' : 'Worst-of model'}
              {health.scoredAt ? ` · scored ${formatDateTime(health.scoredAt)}` : ''}
            </p>
          </div>
        </div>
        {trend.length >= 2 ? (
          <Suspense fallback={<LoadingState label="Loading chart…" />}>
            <HealthTrendChart points={trend} />
          </Suspense>
        ) : (
          <p className="muted health-small">The trend appears once the score has changed: each change is kept.</p>
        )}
      </div>

      <div className="card health-risk-card">
        <h3 className="health-card-title">
          Renewal risk <Badge tone={riskTone[health.renewalRisk.level]}>{health.renewalRisk.level}</Badge>
        </h3>
        <p className="muted health-small">
          {health.renewalRisk.points} of 100 · renewal {health.renewalRisk.renewalOn ? formatDate(health.renewalRisk.renewalOn) : 'date not set'}
        </p>
        <ul className="health-reasons">
          {health.renewalRisk.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
        <details>
          <summary className="health-small">How it is worked out</summary>
          <p className="muted health-small">
            Up to 60 points for poor health, 20 per key contact (champion, sponsor, admin) who left in the last year (up to 40); the total counts fully
            within 90 days of renewal, 80 % within 180 days, 60 % further out. Low under 35, high from 60.
          </p>
        </details>
      </div>

      <div className="card health-laer-card">
        <h3 className="health-card-title">
          LAER stage <StageBadge stage={health.laer.stage} />
        </h3>
        {health.laer.history.length > 0 ? (
          <ul className="health-reasons">
            {health.laer.history.slice(0, 5).map((change) => (
              <li key={change.at}>
                {change.from ? `${LAER_STAGE_LABELS[change.from]} → ` : ''}
                {LAER_STAGE_LABELS[change.to]} · {formatDateTime(change.at)}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted health-small">No stage change recorded yet.</p>
        )}
        <details>
          <summary className="health-small">The signals</summary>
          <ul className="health-reasons health-small">
            {health.laer.rules.map((rule) => (
              <li key={rule.stage}>
                <strong>{LAER_STAGE_LABELS[rule.stage]}</strong>: {rule.rule}
              </li>
            ))}
          </ul>
        </details>
      </div>

      <div className="card card-flush health-measures-card">
        <Table caption="What each measure contributes to the health score">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col" className="num">
                Fact
              </th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col" className="num">
                Weight
              </th>
              <th scope="col" className="num">
                Points
              </th>
            </tr>
          </thead>
          <tbody>
            {health.contributions.map((c) => (
              <tr key={c.key}>
                <td>
                  {c.label}
                  {c.missingAs && <div className="muted health-small">{missingLabel[c.missingAs]}</div>}
                </td>
                <td className="num">
                  {c.fact === null ? '—' : c.key === 'champion_present' ? (c.fact ? 'Yes' : 'No') : `${shown(c.fact)} ${c.unit}`}
                </td>
                <td className="num">{c.band ? <Badge tone={bandTone[c.band]}>{shown(c.score, 0)}</Badge> : '—'}</td>
                <td className="num">{c.weight > 0 ? `${shown(c.weight * 100, 0)} %` : '—'}</td>
                <td className="num">{shown(c.points)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </div>
  );
}

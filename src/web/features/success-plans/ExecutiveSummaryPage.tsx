import { lazy, Suspense, useState, type CSSProperties, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { CADENCE_FREQUENCY_LABELS, METRIC_STATUS_LABELS } from '../../../core/success-plans/scorecard.ts';
import { isApiError } from '../../app/api.ts';
import { formatDate } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { summaryPdfUrl, useExecutiveSummary, type ExecutiveSummary } from './success-plans.api.ts';
import { metricData, timelineData } from './summaryCharts.ts';
import './success-plans.css';

const TimelineChart = lazy(() => import('./SummaryCharts.tsx').then((module) => ({ default: module.TimelineChart })));
const MetricTrendChart = lazy(() => import('./SummaryCharts.tsx').then((module) => ({ default: module.MetricTrendChart })));

/**
 * A chart with its table a click away: the chart for the eye, the table for exact figures and for anyone who
 * cannot see the chart (the chart also says what it shows in words, for screen readers).
 */
function ChartOrTable({ title, description, chart, table, height }: { title: string; description: string; chart: ReactNode; table: ReactNode; height: number }) {
  const [asTable, setAsTable] = useState(false);
  return (
    <div className="exec-figure">
      <div className="exec-figure-bar no-print">
        <Button size="sm" onClick={() => setAsTable(!asTable)}>
          {asTable ? `Show ${title} as a chart` : `Show ${title} as a table`}
        </Button>
      </div>
      {asTable ? (
        table
      ) : (
        <div role="img" aria-label={description}>
          <Suspense fallback={<div className="exec-chart-loading" style={{ height }} />}>{chart}</Suspense>
        </div>
      )}
    </div>
  );
}

/** The executive summary: one printable page for the customer's executives (the PDF has the same content). */
export function ExecutiveSummaryPage() {
  const { id = '' } = useParams();
  const summary = useExecutiveSummary(id);
  useDocumentTitle(summary.data ? `${summary.data.accountName}: executive summary` : 'Executive summary');
  if (summary.isPending) return <LoadingState label="Preparing the executive summary…" />;
  if (summary.isError) {
    return (
      <div className="page">
        {isApiError(summary.error, 404) ? (
          <div className="card">
            <EmptyState title="This project doesn't exist" action={<ButtonLink to="/projects" variant="primary">Back to projects</ButtonLink>}>
              It may have been removed, or the link is wrong.
            </EmptyState>
          </div>
        ) : (
          <ErrorState title="Could not prepare the summary" error={summary.error} onRetry={() => void summary.refetch()} />
        )}
      </div>
    );
  }
  return <SummaryView summary={summary.data} />;
}

function SummaryView({ summary }: { summary: ExecutiveSummary }) {
  const a = summary.adoption;
  const brand = summary.branding;
  const timeline = timelineData(summary.timeline.milestones, summary.generatedOn);
  const brandStyle = { '--exec-brand': brand.brandColor, '--exec-brand-text': brand.brandTextColor, '--exec-brand-mark': brand.brandMarkColor } as CSSProperties;
  return (
    <div className="exec-summary" style={brandStyle}>
      <nav className="exec-toolbar no-print" aria-label="Summary actions">
        <Link to={`/projects/${summary.projectId}?tab=success`}>← Back to the project</Link>
        <span className="exec-toolbar-actions">
          <Button onClick={() => window.print()}>Print</Button>
          <a className="btn btn-primary" href={summaryPdfUrl(summary.projectId)} download>
            Download PDF
          </a>
        </span>
      </nav>

      <article className="exec-page">
        <header className="exec-header">
          <div className="exec-brand" data-testid="exec-brand">
            {brand.logoUrl ? <img className="exec-logo" src={brand.logoUrl} alt={`${brand.workspaceName} logo`} /> : <span className="exec-brand-name">{brand.workspaceName}</span>}
            <span className="exec-brand-badge">Executive summary</span>
          </div>
          <h1>{summary.accountName}</h1>
          <p className="exec-subtitle">Onboarding executive summary · {summary.projectName}</p>
          <p className="exec-meta">
            As of {formatDate(summary.generatedOn)} (day {summary.daysSinceDay0} since the contract was signed on {formatDate(summary.day0)})
            {summary.executiveSponsor && <> · Executive sponsor: {summary.executiveSponsor}</>}
            {summary.onboardingManager && <> · Onboarding manager: {summary.onboardingManager}</>}
          </p>
          <p className="exec-headline">{summary.headline}</p>
        </header>

        <section className="exec-section">
          <h2>Timeline: planned against actual</h2>
          {summary.timeline.milestones.length === 0 ? (
            <p className="muted">This plan has no milestones yet.</p>
          ) : (
            <>
              <ChartOrTable
                title="the timeline"
                description={timeline?.description ?? 'No milestone has a date yet.'}
                height={(timeline?.rowLabels.length ?? 1) * 34 + 90}
                chart={timeline ? <TimelineChart data={timeline} brand={brand.brandMarkColor} /> : <p className="muted">No milestone has a date yet.</p>}
                table={
                  <table className="exec-table">
                    <thead>
                      <tr>
                        <th scope="col">Milestone</th>
                        <th scope="col">Planned (baseline)</th>
                        <th scope="col">Actual or projected</th>
                        <th scope="col">Business days late</th>
                        <th scope="col">Delay waiting on</th>
                      </tr>
                    </thead>
                    <tbody>
                      {summary.timeline.milestones.map((m) => (
                        <tr key={m.kind}>
                          <th scope="row">{m.label}</th>
                          <td>{m.baseline ? formatDate(m.baseline) : m.source === 'success_plan' ? 'not in the plan' : '—'}</td>
                          <td>
                            {m.date ? `${m.reached ? 'Reached' : 'Projected'} ${formatDate(m.date)}` : '—'}
                            {m.dayNumber !== null && <span className="exec-sub"> day {m.dayNumber}</span>}
                          </td>
                          <td className={m.daysLate > 0 ? 'exec-late' : ''}>{m.daysLate > 0 ? `${m.daysLate} late` : m.daysLate < 0 ? `${-m.daysLate} early` : 'on plan'}</td>
                          <td>{m.owedToCustomer + m.owedToVendor > 0 ? `customer ${m.owedToCustomer} d, vendor ${m.owedToVendor} d` : '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                }
              />
              <p className="exec-note">{summary.timeline.note}</p>
            </>
          )}
        </section>

        {summary.goals.length > 0 && (
          <section className="exec-section">
            <h2>Goals</h2>
            <ul>
              {summary.goals.map((goal, i) => (
                <li key={i}>{goal}</li>
              ))}
            </ul>
          </section>
        )}

        <section className="exec-section">
          <h2>
            Outcomes: {summary.value.verifiedOutcomes} of {summary.value.totalOutcomes} confirmed by the customer
          </h2>
          {summary.outcomes.length === 0 && <p className="muted">The success plan has no outcomes yet.</p>}
          {summary.outcomes.map((outcome, i) => (
            <div key={i} className="exec-outcome">
              <h3>{outcome.statement}</h3>
              {outcome.verification ? (
                <p className="exec-verified">
                  Confirmed by {outcome.verification.byName} on {formatDate(outcome.verification.on)}
                  {outcome.verification.comment && <>: “{outcome.verification.comment}”</>}
                  {outcome.verification.evidence && <span className="exec-sub"> Evidence: {outcome.verification.evidence}</span>}
                </p>
              ) : (
                <p className="muted">{outcome.status === 'verification_requested' ? 'Awaiting the customer’s confirmation.' : 'Not confirmed yet.'}</p>
              )}
              {outcome.metrics.length > 0 && (
                <ChartOrTable
                  title="these metrics"
                  description={outcome.metrics.map((metric) => metricData(metric, summary.generatedOn).description).join(' ')}
                  height={outcome.metrics.length * 210}
                  chart={
                    <div className="exec-metric-charts">
                      {outcome.metrics.map((metric, j) => (
                        <div key={j} className="exec-metric">
                          <h4>
                            {metric.name}
                            <span className={`exec-standing exec-standing-${metric.status}`}>{METRIC_STATUS_LABELS[metric.status]}</span>
                          </h4>
                          <p className="exec-sub">
                            {metric.baseline} → {metric.target} by {formatDate(metric.targetDate)}
                            {metric.progressPercent !== null && <> · {metric.progressPercent}% of the way</>}
                          </p>
                          <MetricTrendChart data={metricData(metric, summary.generatedOn)} brand={brand.brandMarkColor} unit={metric.unit} />
                        </div>
                      ))}
                    </div>
                  }
                  table={
                    <table className="exec-table">
                      <thead>
                        <tr>
                          <th scope="col">Success metric</th>
                          <th scope="col">Baseline</th>
                          <th scope="col">Target</th>
                          <th scope="col">Latest actual</th>
                          <th scope="col">Standing</th>
                        </tr>
                      </thead>
                      <tbody>
                        {outcome.metrics.map((metric, j) => (
                          <tr key={j}>
                            <th scope="row">
                              {metric.name}
                              {metric.owner && <span className="exec-sub"> owner: {metric.owner}</span>}
                            </th>
                            <td>{metric.baseline}</td>
                            <td>
                              {metric.target} by {formatDate(metric.targetDate)}
                            </td>
                            <td>{metric.latest ? `${metric.latest.value} on ${formatDate(metric.latest.on)}` : '—'}</td>
                            <td>
                              {METRIC_STATUS_LABELS[metric.status]}
                              {metric.progressPercent !== null && <span className="exec-sub"> {metric.progressPercent}% of the way</span>}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  }
                />
              )}
            </div>
          ))}
        </section>

        <section className="exec-section">
          <h2>Adoption so far</h2>
          <dl className="exec-facts">
            <div>
              <dt>Customer tasks done</dt>
              <dd>
                {a.customerTasksDone} <span className="exec-sub">({a.onTime} on time, {a.late} late)</span>
              </dd>
            </div>
            <div>
              <dt>Customer tasks past their planned date</dt>
              <dd>{a.overdueOpen}</dd>
            </div>
            <div>
              <dt>Contacts engaged</dt>
              <dd>
                {a.contactsEngaged} of {a.contactsCurrent}
                {a.engagedNames.length > 0 && <span className="exec-sub"> {a.engagedNames.join(', ')}</span>}
              </dd>
            </div>
          </dl>
          <p className="exec-note">{a.explanation}</p>
        </section>

        {summary.communicationCadence.length > 0 && (
          <section className="exec-section">
            <h2>How we stay in touch</h2>
            <table className="exec-table">
              <thead>
                <tr>
                  <th scope="col">Who</th>
                  <th scope="col">Meets</th>
                  <th scope="col">How often</th>
                  <th scope="col">Channel</th>
                </tr>
              </thead>
              <tbody>
                {summary.communicationCadence.map((entry, i) => (
                  <tr key={i}>
                    <td>{entry.who}</td>
                    <td>{entry.meetsWhom}</td>
                    <td>{CADENCE_FREQUENCY_LABELS[entry.frequency]}</td>
                    <td>{entry.channel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </article>
    </div>
  );
}

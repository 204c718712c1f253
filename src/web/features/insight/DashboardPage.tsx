import { ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Link, useSearchParams } from 'react-router';
import { formatDate, formatMoney } from '../../app/format.ts';
import { useSession } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { ChartCard } from './ChartCard.tsx';
import { days } from './csv.ts';
import { useDashboard, type Dashboard } from './insight.api.ts';

const HEALTH_COLOURS: Record<string, string> = { on_track: '#2f855a', at_risk: '#d69e2e', late: '#c53030' };
const SCOPE_LABEL = { mine: 'My projects', portfolio: 'Portfolio' } as const;

/** A link to the projects behind a figure, in the same scope. */
const drillTo = (scope: string, params: Record<string, string>) => `/insight/projects?${new URLSearchParams({ scope, ...params }).toString()}`;

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** The home page: the figures a leader is judged on, for the portfolio or for your own projects. */
export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const { member } = useSession();
  const [params, setParams] = useSearchParams();
  const asked = params.get('scope') ?? undefined;
  const dashboard = useDashboard({ scope: asked });
  if (dashboard.isPending) return <LoadingState />;
  if (dashboard.isError) return <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  const other = d.scope === 'mine' ? 'portfolio' : 'mine';
  return (
    <div className="page insight">
      <header className="page-header">
        <div className="page-header-row">
          <div className="page-header-text">
            <h1 className="page-title">Dashboard</h1>
            <p className="page-description">
              {SCOPE_LABEL[d.scope]}: {d.projects.active} active and {d.projects.closed} closed projects, as of {formatDate(d.today)}.
            </p>
          </div>
          <div className="page-actions insight-scope" role="group" aria-label="Whose projects">
            <button type="button" className={`btn btn-sm ${d.scope === 'mine' ? 'btn-primary' : 'btn-secondary'}`} aria-pressed={d.scope === 'mine'} onClick={() => setParams({ scope: 'mine' })}>
              My projects
            </button>
            <button type="button" className={`btn btn-sm ${d.scope === 'portfolio' ? 'btn-primary' : 'btn-secondary'}`} aria-pressed={d.scope === 'portfolio'} onClick={() => setParams({ scope: 'portfolio' })}>
              Portfolio
            </button>
          </div>
        </div>
      </header>
      {d.projects.active + d.projects.closed === 0 &&
        (d.scope === 'mine' ? (
          <div className="card insight-empty-page">
            <p>
              No project is managed by {member.name} yet. <Link to={`/?scope=${other}`}>See the whole portfolio</Link>.
            </p>
          </div>
        ) : (
          <div className="card insight-empty-state">
            <EmptyState
              title="No onboarding projects yet"
              action={
                <ButtonLink variant="primary" to="/accounts/new">
                  Create your first account
                </ButtonLink>
              }
            >
              These figures fill in as customers are onboarded: add an account (or let the CRM send won deals), then start its
              project from a playbook.
            </EmptyState>
          </div>
        ))}
      <Headlines d={d} />
      <div className="insight-grid">
        <HealthAndStage d={d} />
        <Trend title="Time to live" subtitle="Median days from day 0 to go-live, by the month it was reached" trend={d.timeToLive.trend} file="time-to-live-trend" measure="live" scope={d.scope} />
        <Trend title="Time to value" subtitle="Median days from day 0 to value achieved, by the month it was reached" trend={d.timeToValue.trend} file="time-to-value-trend" measure="value" scope={d.scope} />
        <ChartCard
          title="Slip owed: customer vs vendor"
          subtitle="Business days milestones are late, by whose task caused it, by the milestone’s month"
          rows={d.slip}
          file="slip-by-side"
          empty="No milestone has slipped in the last 12 months."
          columns={[
            { key: 'month', label: 'Month', value: (r) => r.month },
            { key: 'customer', label: 'Customer (days)', value: (r) => r.customer },
            { key: 'vendor', label: 'Vendor (days)', value: (r) => r.vendor },
          ]}
          chart={
            <ResponsiveContainer width="100%" height={220}>
              <BarChart data={d.slip}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="month" fontSize={12} />
                <YAxis fontSize={12} allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="customer" name="Customer" stackId="s" fill="#805ad5" />
                <Bar dataKey="vendor" name="Vendor" stackId="s" fill="#dd6b20" />
              </BarChart>
            </ResponsiveContainer>
          }
        />
        <ChartCard
          title="CSAT"
          subtitle="Average milestone rating (1–5) by month"
          rows={d.csat}
          file="csat"
          empty="No CSAT recorded yet: customers rate each milestone in the portal once it is reached."
          columns={[
            { key: 'month', label: 'Month', value: (r) => r.month },
            { key: 'value', label: 'Average', value: (r) => r.value },
            { key: 'n', label: 'Ratings', value: (r) => r.n },
          ]}
          chart={
            <ResponsiveContainer width="100%" height={200}>
              <LineChart data={d.csat}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="month" fontSize={12} />
                <YAxis domain={[1, 5]} fontSize={12} />
                <Tooltip />
                <Line type="monotone" dataKey="value" name="CSAT" stroke="#3182ce" strokeWidth={2} />
              </LineChart>
            </ResponsiveContainer>
          }
        />
        <ChartCard
          title="Renewals in the next 90 days"
          rows={d.renewals}
          file="renewals"
          empty="No account renews in the next 90 days."
          drill={(r) => `/accounts/${r.accountId}`}
          columns={[
            { key: 'account', label: 'Account', value: (r) => r.accountName },
            { key: 'renewal', label: 'Renews', value: (r) => formatDate(r.renewalOn) },
            { key: 'value', label: 'Contract value', value: (r) => formatMoney(r.contractValue, r.currency) },
            { key: 'health', label: 'Health', value: (r) => (r.health ? r.health.replace('_', ' ') : 'no open project') },
          ]}
        />
        <ChartCard
          title="Workload per manager"
          subtitle="Active projects each onboarding manager runs"
          rows={d.workload}
          file="workload"
          empty="No active project."
          drill={(r) => drillTo('portfolio', r.memberId ? { managerId: r.memberId } : {})}
          columns={[
            { key: 'name', label: 'Manager', value: (r) => r.name },
            { key: 'projects', label: 'Active', value: (r) => r.projects },
            { key: 'risk', label: 'At risk', value: (r) => r.atRisk },
            { key: 'late', label: 'Late', value: (r) => r.late },
          ]}
          chart={
            <ResponsiveContainer width="100%" height={Math.max(160, d.workload.length * 32)}>
              <BarChart data={d.workload} layout="vertical" margin={{ left: 16 }}>
                <XAxis type="number" fontSize={12} allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={120} fontSize={12} />
                <Tooltip />
                <Legend />
                <Bar dataKey="projects" name="Active" fill="#3182ce" />
                <Bar dataKey="late" name="Late" fill="#c53030" />
              </BarChart>
            </ResponsiveContainer>
          }
        />
      </div>
    </div>
  );
}

function Headlines({ d }: { d: Dashboard }) {
  const tiles = [
    {
      label: 'Time to live (median)',
      value: d.timeToLive.median !== null ? days(d.timeToLive.median) : d.timeToLive.medianAtLeast !== null ? `≥ ${days(d.timeToLive.medianAtLeast)}` : '—',
      note: `${d.timeToLive.done} live · ${d.timeToLive.open} still open`,
      to: `/insight/time-to-value?measure=live&scope=${d.scope}`,
    },
    {
      label: 'Time to value (median)',
      value: d.timeToValue.median !== null ? days(d.timeToValue.median) : d.timeToValue.medianAtLeast !== null ? `≥ ${days(d.timeToValue.medianAtLeast)}` : '—',
      note: `${d.timeToValue.done} reached · ${d.timeToValue.open} still open`,
      to: `/insight/time-to-value?measure=value&scope=${d.scope}`,
    },
    {
      label: 'Go-live on time',
      value: percent(d.onTimeGoLive.rate),
      note: d.onTimeGoLive.rate === null ? 'no go-live yet' : `${d.onTimeGoLive.onTime} on time · ${d.onTimeGoLive.late} late`,
      to: drillTo(d.scope, { figure: 'live_late' }),
    },
    {
      label: 'Revenue at risk',
      value: formatMoney(d.revenueAtRisk.amount, d.revenueAtRisk.currency),
      note: `${d.revenueAtRisk.projects} project${d.revenueAtRisk.projects === 1 ? '' : 's'} at risk, late or stuck${d.revenueAtRisk.mixedCurrencies ? ' (mixed currencies)' : ''}`,
      to: drillTo(d.scope, { figure: 'at_risk' }),
    },
    {
      label: 'Outcomes verified',
      value: d.outcomes.total === 0 ? '—' : `${d.outcomes.verified} / ${d.outcomes.total}`,
      note: d.outcomes.total === 0 ? 'no success plan outcome yet' : 'confirmed by the customer',
      to: undefined,
    },
  ];
  return (
    <ul className="insight-tiles">
      {tiles.map((t) => (
        <li key={t.label} className="card insight-tile">
          <span className="insight-tile-label">{t.label}</span>
          <span className="insight-tile-value">{t.to ? <Link to={t.to}>{t.value}</Link> : t.value}</span>
          <span className="muted insight-tile-note">{t.note}</span>
        </li>
      ))}
    </ul>
  );
}

function HealthAndStage({ d }: { d: Dashboard }) {
  return (
    <>
      <ChartCard
        title="Projects by health"
        rows={d.byHealth}
        file="projects-by-health"
        empty="No active project."
        drill={(r) => drillTo(d.scope, { health: r.key })}
        columns={[
          { key: 'health', label: 'Health', value: (r) => r.label },
          { key: 'count', label: 'Projects', value: (r) => r.count },
        ]}
        chart={
          <ResponsiveContainer width="100%" height={180}>
            <BarChart data={d.byHealth}>
              <XAxis dataKey="label" fontSize={12} />
              <YAxis allowDecimals={false} fontSize={12} />
              <Tooltip />
              <Bar dataKey="count" name="Projects" fill="#3182ce" isAnimationActive={false}>
                {d.byHealth.map((h) => (
                  <Cell key={h.key} fill={HEALTH_COLOURS[h.key] ?? '#718096'} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        }
      />
      <ChartCard
        title="Projects by stage"
        rows={d.byStage}
        file="projects-by-stage"
        empty="No active project."
        drill={(r) => drillTo(d.scope, { stage: r.key })}
        columns={[
          { key: 'stage', label: 'Stage', value: (r) => r.label },
          { key: 'count', label: 'Projects', value: (r) => r.count },
        ]}
        chart={
          <ResponsiveContainer width="100%" height={180}>
            <BarChart data={d.byStage}>
              <XAxis dataKey="label" fontSize={11} interval={0} tickFormatter={(label: string) => (label.length > 12 ? `${label.slice(0, 11)}…` : label)} />
              <YAxis allowDecimals={false} fontSize={12} />
              <Tooltip />
              <Bar dataKey="count" name="Projects" fill="#4c51bf" />
            </BarChart>
          </ResponsiveContainer>
        }
      />
    </>
  );
}

function Trend({ title, subtitle, trend, file, measure, scope }: { title: string; subtitle: string; trend: Dashboard['timeToLive']['trend']; file: string; measure: string; scope: string }) {
  return (
    <ChartCard
      title={title}
      subtitle={
        <>
          {subtitle}. <Link to={`/insight/time-to-value?measure=${measure}&scope=${scope}`}>By segment, cohort, playbook…</Link>
        </>
      }
      rows={trend}
      file={file}
      empty="No project has reached this milestone in the last 12 months."
      columns={[
        { key: 'month', label: 'Month', value: (r) => r.month },
        { key: 'median', label: 'Median days', value: (r) => r.value },
        { key: 'n', label: 'Projects', value: (r) => r.n },
      ]}
      chart={
        <ResponsiveContainer width="100%" height={200}>
          <LineChart data={trend}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" fontSize={12} />
            <YAxis fontSize={12} allowDecimals={false} />
            <Tooltip />
            <Line type="monotone" dataKey="value" name="Median days" stroke="#2b6cb0" strokeWidth={2} />
          </LineChart>
        </ResponsiveContainer>
      }
    />
  );
}

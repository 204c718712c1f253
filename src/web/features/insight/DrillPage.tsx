import { Link, useSearchParams } from 'react-router';
import { formatDate, formatMoney } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { ChartCard } from './ChartCard.tsx';
import { useDrill } from './insight.api.ts';

const FIGURES: Record<string, string> = {
  at_risk: 'at risk, late or with a stuck task',
  live_on_time: 'live on time',
  live_late: 'live after their baseline date',
  renewals: 'of accounts renewing in the next 90 days',
};

/** The projects behind a figure: the same filters the figure used, as a list that opens each project. */
export function DrillPage() {
  useDocumentTitle('Projects behind a figure');
  const [params] = useSearchParams();
  const query = Object.fromEntries(params.entries());
  const drill = useDrill(query);
  const described = [
    query.figure && FIGURES[query.figure],
    query.health && `health ${query.health.replace('_', ' ')}`,
    query.stage !== undefined && (query.stage === '' ? 'not started' : `in stage ${query.stage}`),
    query.measure && `${query.measure.replace('_', ' ')}${query.state ? ` (${query.state === 'done' ? 'reached' : 'still open'})` : ''}`,
    query.group && `group ${query.group}`,
    ...['segment', 'industry', 'product', 'complexity', 'touchModel'].filter((k) => query[k]).map((k) => `${k} ${query[k]}`),
  ].filter(Boolean);
  return (
    <div className="page insight">
      <header className="page-header">
        <h1 className="page-title">Projects behind the figure</h1>
        <p className="page-description">
          {described.length ? described.join(' · ') : 'All projects'} · {query.scope === 'mine' ? 'my projects' : 'portfolio'}. <Link to="/">Back to the dashboard</Link>
        </p>
      </header>
      {drill.isPending ? (
        <LoadingState />
      ) : drill.isError ? (
        <ErrorState error={drill.error} onRetry={() => void drill.refetch()} />
      ) : (
        <ChartCard
          title={`${drill.data.total} project${drill.data.total === 1 ? '' : 's'}${drill.data.truncated ? ` (the newest ${drill.data.projects.length} shown)` : ''}`}
          rows={drill.data.projects}
          file="projects"
          empty="No project is behind this figure."
          drill={(p) => `/projects/${p.id}`}
          columns={[
            { key: 'name', label: 'Project', value: (p) => p.name },
            { key: 'account', label: 'Account', value: (p) => p.accountName },
            { key: 'segment', label: 'Segment', value: (p) => p.segment },
            { key: 'health', label: 'Health', value: (p) => (p.status === 'closed' ? 'closed' : p.health.replace('_', ' ')) },
            { key: 'manager', label: 'Manager', value: (p) => p.managerName },
            { key: 'day0', label: 'Day 0', value: (p) => formatDate(p.day0) },
            { key: 'days', label: 'Days', value: (p) => p.days },
            { key: 'value', label: 'Contract value', value: (p) => formatMoney(p.contractValue, p.currency) },
          ]}
        />
      )}
    </div>
  );
}

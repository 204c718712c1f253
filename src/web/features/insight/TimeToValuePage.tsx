import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Link } from 'react-router';
import { GROUP_BYS, MEASURES, MEASURE_LABELS } from '../../../core/insight/measures.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { ChartCard } from './ChartCard.tsx';
import { days } from './csv.ts';
import { FILTER_KEYS, FilterBar, useFilters } from './filters.tsx';
import { useTimeToValue, type TtvReport } from './insight.api.ts';

const GROUP_LABELS: Record<(typeof GROUP_BYS)[number], string> = {
  none: 'No grouping',
  segment: 'Segment',
  touch_model: 'Touch model',
  playbook: 'Playbook (version)',
  product: 'Product',
  industry: 'Industry',
  complexity: 'Complexity',
  manager: 'Onboarding manager',
  cohort_month: 'Contract month',
  cohort_quarter: 'Contract quarter',
  segment_cohort: 'Segment × contract quarter',
};

type Group = TtvReport['overall'];

/** A percentile as read: the days, "≥ N d (not yet known)" when too many are still open, or "—". */
const median = (g: Group['gross']) => (g.median !== null ? days(g.median) : g.medianAtLeast !== null ? `≥ ${days(g.medianAtLeast)} (not yet known)` : '—');

/** Time to first engagement / live / first value / value, by group, with the projects behind each figure. */
export function TimeToValuePage() {
  useDocumentTitle('Time to value');
  const { values, set, params } = useFilters([...FILTER_KEYS, 'measure', 'groupBy', 'net']);
  const measure = (values.measure ?? 'value') as (typeof MEASURES)[number];
  const groupBy = values.groupBy ?? 'segment';
  const net = values.net === '1';
  const query: Record<string, string | undefined> = { ...values, measure, groupBy };
  delete query.net;
  const report = useTimeToValue(query);
  const side = (g: Group) => (net ? g.net : g.gross);
  const drill = (g: Group, state?: 'done' | 'open') => {
    const next = new URLSearchParams(params);
    next.delete('net');
    next.set('measure', measure);
    next.set('groupBy', groupBy);
    if (g.key !== 'all') next.set('group', g.key);
    else next.delete('groupBy');
    if (state) next.set('state', state);
    return `/insight/projects?${next.toString()}`;
  };
  return (
    <div className="page insight">
      <header className="page-header">
        <h1 className="page-title">{MEASURE_LABELS[measure]}</h1>
        <p className="page-description">
          From each project’s day 0 to the milestone that ends the measure (<Link to="/insight/settings">change which milestone</Link>).
        </p>
      </header>
      <div className="insight-filters">
        <label>
          Measure
          <select value={measure} onChange={(e) => set('measure', e.target.value)}>
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {MEASURE_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Group by
          <select value={groupBy} onChange={(e) => set('groupBy', e.target.value)}>
            {GROUP_BYS.map((g) => (
              <option key={g} value={g}>
                {GROUP_LABELS[g]}
              </option>
            ))}
          </select>
        </label>
        <label className="insight-check">
          <input type="checkbox" checked={net} onChange={(e) => set('net', e.target.checked ? '1' : undefined)} /> Net of customer-caused slip
        </label>
      </div>
      <FilterBar values={values} set={set} />
      {report.isPending ? (
        <LoadingState />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <ul className="insight-tiles">
            <li className="card insight-tile">
              <span className="insight-tile-label">Median{net ? ' (net)' : ''}</span>
              <span className="insight-tile-value">{median(side(report.data.overall))}</span>
              <span className="muted insight-tile-note">
                <Link to={drill(report.data.overall, 'done')}>{report.data.overall.done} reached</Link> ·{' '}
                <Link to={drill(report.data.overall, 'open')}>{report.data.overall.open} still open</Link>
              </span>
            </li>
            <li className="card insight-tile">
              <span className="insight-tile-label">P75 · P90</span>
              <span className="insight-tile-value">
                {days(side(report.data.overall).p75)} · {days(side(report.data.overall).p90)}
              </span>
              <span className="muted insight-tile-note">finished only: median {days(side(report.data.overall).doneMedian)}</span>
            </li>
          </ul>
          <p className="muted insight-method">{report.data.method}</p>
          {groupBy !== 'none' && (
            <ChartCard
              title={`${MEASURE_LABELS[measure]} by ${GROUP_LABELS[groupBy as keyof typeof GROUP_LABELS].toLowerCase()}`}
              subtitle="Median and P90 in days (Kaplan–Meier, open projects censored); n = reached / still open"
              rows={report.data.groups}
              file={`${measure}-by-${groupBy}`}
              empty="No project matches these filters."
              drill={(g) => drill(g)}
              columns={[
                { key: 'group', label: GROUP_LABELS[groupBy as keyof typeof GROUP_LABELS], value: (g) => g.label },
                { key: 'median', label: 'Median', value: (g) => median(side(g)) },
                { key: 'p75', label: 'P75', value: (g) => days(side(g).p75) },
                { key: 'p90', label: 'P90', value: (g) => days(side(g).p90) },
                { key: 'doneMedian', label: 'Median, finished only', value: (g) => days(side(g).doneMedian) },
                { key: 'done', label: 'Reached', value: (g) => g.done },
                { key: 'open', label: 'Still open', value: (g) => g.open },
              ]}
              chart={
                <ResponsiveContainer width="100%" height={Math.max(200, report.data.groups.length * 28)}>
                  <BarChart data={report.data.groups.map((g) => ({ label: g.label, median: side(g).median, p90: side(g).p90 }))} layout="vertical" margin={{ left: 16 }}>
                    <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                    <XAxis type="number" fontSize={12} unit=" d" />
                    <YAxis type="category" dataKey="label" width={140} fontSize={12} />
                    <Tooltip />
                    <Legend />
                    <Bar dataKey="median" name="Median" fill="#2b6cb0" />
                    <Bar dataKey="p90" name="P90" fill="#90cdf4" />
                  </BarChart>
                </ResponsiveContainer>
              }
            />
          )}
          <ChartCard
            title="Distribution"
            subtitle="Projects by days to the milestone (reached) or waited so far (still open)"
            rows={report.data.overall.histogram.filter((b) => b.done + b.open > 0)}
            file={`${measure}-distribution`}
            empty="No project matches these filters."
            columns={[
              { key: 'bucket', label: 'Days', value: (b) => (b.to === null ? `${b.from}+` : `${b.from}–${b.to - 1}`) },
              { key: 'done', label: 'Reached', value: (b) => b.done },
              { key: 'open', label: 'Still open', value: (b) => b.open },
            ]}
            chart={
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={report.data.overall.histogram.map((b) => ({ ...b, bucket: b.to === null ? `${b.from}+` : `${b.from}–${b.to - 1}` }))}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="bucket" fontSize={11} />
                  <YAxis allowDecimals={false} fontSize={12} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="done" name="Reached" stackId="h" fill="#2f855a" />
                  <Bar dataKey="open" name="Still open" stackId="h" fill="#cbd5e0" />
                </BarChart>
              </ResponsiveContainer>
            }
          />
        </>
      )}
    </div>
  );
}

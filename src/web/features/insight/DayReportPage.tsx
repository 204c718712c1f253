import { useMemo } from 'react';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Button } from '../../components/ui/Button.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { DAY_KINDS } from '../../../contract/insight.ts';
import { downloadCsv, toCsv } from './csv.ts';
import { FilterBar, useFilters } from './filters.tsx';
import { BenchmarkCard } from './BenchmarkCard.tsx';
import { useDayReport, type DayReport } from './insight.api.ts';

const KIND_LABELS: Record<(typeof DAY_KINDS)[number], string> = {
  task: 'Activities',
  milestone: 'Milestones',
  deliverable: 'Deliverables',
  message: 'Messages sent',
  meeting: 'Meetings',
};

type Cell = DayReport['cells'][number];

/** One heat strip: a cell per day from −60 to +60, darker for more; planned above, actual below. */
function Strip({ label, cells, from, to, max }: { label: string; cells: Cell[]; from: number; to: number; max: number }) {
  const byDay = new Map<number, { planned: number; actual: number }>();
  for (const c of cells) {
    const day = byDay.get(c.day) ?? { planned: 0, actual: 0 };
    day.planned += c.planned;
    day.actual += c.actual;
    byDay.set(c.day, day);
  }
  const planned = [...byDay.values()].reduce((n, d) => n + d.planned, 0);
  const actual = [...byDay.values()].reduce((n, d) => n + d.actual, 0);
  const shade = (n: number) => (n === 0 ? 0 : 0.15 + 0.85 * (n / max));
  const dayList = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return (
    <div className="day-strip">
      <div className="day-strip-label">
        {label} <span className="muted">{planned} planned · {actual} done</span>
      </div>
      {(['planned', 'actual'] as const).map((row) => (
        <div key={row} className={`day-strip-row day-strip-${row}`} role="img" aria-label={`${label}, ${row}: ${row === 'planned' ? planned : actual} over the 121 days`}>
          {dayList.map((day) => {
            const n = byDay.get(day)?.[row] ?? 0;
            return <span key={day} className={`day-cell${day === 0 ? ' day-zero' : ''}`} style={{ opacity: n === 0 ? 0.08 : shade(n) }} title={`Day ${day}: ${n} ${row}`} />;
          })}
        </div>
      ))}
    </div>
  );
}

/** The day −60…+60 report: what happens each day around the contract signature, by stage and kind, per industry. */
export function DayReportPage() {
  useDocumentTitle('Day −60…+60');
  const { values, set } = useFilters(['scope', 'segment', 'industry', 'product', 'complexity', 'kind']);
  const { kind, ...query } = values;
  const report = useDayReport(query);
  const chosenKind = (kind ?? 'all') as 'all' | (typeof DAY_KINDS)[number];
  const data = report.data;
  const cells = useMemo(() => (data ? data.cells.filter((c) => chosenKind === 'all' || c.kind === chosenKind) : []), [data, chosenKind]);
  const max = useMemo(() => {
    const sums = new Map<string, number>();
    for (const c of cells) {
      for (const row of ['planned', 'actual'] as const) {
        const key = `${c.industry}|${c.stage}|${c.day}|${row}`;
        sums.set(key, (sums.get(key) ?? 0) + c[row]);
      }
    }
    return Math.max(1, ...sums.values());
  }, [cells]);
  const exportCsv = () =>
    downloadCsv(
      `day-report${values.industry ? `-${values.industry.toLowerCase().replace(/\W+/g, '-')}` : ''}.csv`,
      toCsv(
        [
          { key: 'industry', label: 'Industry', value: (c: Cell) => c.industry },
          { key: 'stage', label: 'Stage', value: (c: Cell) => (c.stage === '' ? 'Messages' : c.stage) },
          { key: 'kind', label: 'Kind', value: (c: Cell) => c.kind },
          { key: 'day', label: 'Day', value: (c: Cell) => c.day },
          { key: 'planned', label: 'Planned', value: (c: Cell) => c.planned },
          { key: 'actual', label: 'Actual', value: (c: Cell) => c.actual },
        ],
        cells,
      ),
    );
  return (
    <div className="page insight">
      <header className="page-header">
        <div className="page-header-row">
          <div className="page-header-text">
            <h1 className="page-title">Day −60…+60</h1>
            <p className="page-description">
              What happens each day from 60 days before the contract signature (day 0) to 60 days after: tasks, milestones, deliverables, meetings and messages, planned (their baseline) against done, by stage and end-customer industry.
            </p>
          </div>
          <div className="page-actions">
            <Button onClick={exportCsv} disabled={cells.length === 0}>
              Export CSV
            </Button>
          </div>
        </div>
      </header>
      <FilterBar values={values} set={set} touchModel={false} />
      <div className="insight-filters">
        <label>
          Show
          <select value={chosenKind} onChange={(e) => set('kind', e.target.value === 'all' ? undefined : e.target.value)}>
            <option value="all">Everything</option>
            {DAY_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {report.isPending ? (
        <LoadingState />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : data!.projects === 0 ? (
        <div className="card">
          <p className="muted insight-empty">No project matches these filters. Widen them (an industry is matched whole, e.g. “Retail”).</p>
        </div>
      ) : (
        <>
          <p className="muted">
            {data!.projects} project{data!.projects === 1 ? '' : 's'}. Each strip runs from day −60 (left) to +60 (right); the marked cell is day 0. Top row planned, bottom row done.
          </p>
          {data!.industries.map((industry) => {
            const mine = cells.filter((c) => c.industry === industry.industry);
            return (
              <section key={industry.industry} className="card insight-card">
                <h2 className="insight-card-title">
                  {industry.industry} <span className="muted">· {industry.projects} projects</span>
                </h2>
                <div className="table-wrap">
                  <div className="day-strips">
                    {data!.stages.map((stage) => {
                      const stageCells = mine.filter((c) => c.stage === stage.key);
                      return stageCells.length === 0 ? null : <Strip key={stage.key} label={stage.name} cells={stageCells} from={data!.from} to={data!.to} max={max} />;
                    })}
                  </div>
                </div>
              </section>
            );
          })}
        </>
      )}
      <BenchmarkCard />
    </div>
  );
}

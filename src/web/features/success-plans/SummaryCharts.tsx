// Loaded lazily (recharts is large): the executive summary's timeline and metric charts.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { valueTickLabel } from '../../../core/charts/scales.ts';
import { formatDate } from '../../app/format.ts';
import { dayLabel, type MetricData, type TimelineData, type TimelinePoint } from './summaryCharts.ts';

const MUTED = '#616e7c';
const LATE = '#b91c1c';
const EARLY = '#047857';
const TODAY = '#d97706';
const ROW = 34;

const hollow = (brand: string) =>
  function HollowDot(props: { cx?: number; cy?: number }) {
    return <circle cx={props.cx} cy={props.cy} r={5} fill="#fff" stroke={brand} strokeWidth={2} />;
  };
const filled = (brand: string) =>
  function FilledDot(props: { cx?: number; cy?: number }) {
    return <circle cx={props.cx} cy={props.cy} r={5.5} fill={brand} />;
  };
function PlannedMark(props: { cx?: number; cy?: number }) {
  const { cx = 0, cy = 0 } = props;
  return <path d={`M${cx},${cy - 6}L${cx + 6},${cy}L${cx},${cy + 6}L${cx - 6},${cy}Z`} fill="#fff" stroke={MUTED} strokeWidth={1.5} />;
}

function TimelineTooltip({ active, payload }: { active?: boolean; payload?: { payload: TimelinePoint }[] }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  const what = { planned: 'Planned', projected: 'Projected', reached: 'Reached' }[point.kind];
  return (
    <div className="exec-chart-tooltip">
      <strong>{point.label}</strong>
      <br />
      {what} {formatDate(point.date)}
    </div>
  );
}

/** Milestones as rows along the project's dates: planned ◇, projected ○, reached ●, the slip between them, today. */
export function TimelineChart({ data, brand }: { data: TimelineData; brand: string }) {
  const height = data.rowLabels.length * ROW + 56;
  return (
    <div className="exec-chart" data-testid="timeline-chart">
      <ResponsiveContainer width="100%" height={height}>
        <ScatterChart margin={{ top: 18, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid horizontal={false} stroke="#e4e7eb" />
          <XAxis type="number" dataKey="day" domain={data.domain} ticks={data.ticks} tickFormatter={dayLabel} fontSize={11} allowDataOverflow />
          <YAxis
            type="number"
            dataKey="row"
            domain={[-0.5, data.rowLabels.length - 0.5]}
            ticks={data.rowLabels.map((_, i) => i)}
            tickFormatter={(row: number) => data.rowLabels[row] ?? ''}
            reversed
            width={112}
            fontSize={11}
            interval={0}
          />
          {data.slips.map((slip) => (
            <ReferenceLine
              key={slip.row}
              segment={[
                { x: slip.from, y: slip.row },
                { x: slip.to, y: slip.row },
              ]}
              stroke={slip.late ? LATE : EARLY}
              strokeWidth={4}
              ifOverflow="extendDomain"
            />
          ))}
          <ReferenceLine x={data.today} stroke={TODAY} strokeDasharray="3 3" label={{ value: 'Today', position: 'top', fill: TODAY, fontSize: 11 }} />
          <Tooltip content={<TimelineTooltip />} cursor={false} />
          <Scatter name="Planned" data={data.planned} shape={PlannedMark} isAnimationActive={false} />
          <Scatter name="Projected" data={data.projected} shape={hollow(brand)} isAnimationActive={false} />
          <Scatter name="Reached" data={data.reached} shape={filled(brand)} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
      <ul className="exec-legend" aria-hidden="true">
        <li>
          <svg width="14" height="14" viewBox="-7 -7 14 14">
            <PlannedMark cx={0} cy={0} />
          </svg>
          Planned
        </li>
        <li>
          <svg width="14" height="14" viewBox="-7 -7 14 14">
            <circle r={5} fill="#fff" stroke={brand} strokeWidth={2} />
          </svg>
          Projected
        </li>
        <li>
          <svg width="14" height="14" viewBox="-7 -7 14 14">
            <circle r={5.5} fill={brand} />
          </svg>
          Reached
        </li>
        <li>
          <span className="exec-legend-line" style={{ background: LATE }} />
          Late against the plan
        </li>
        <li>
          <span className="exec-legend-line" style={{ background: EARLY }} />
          Early
        </li>
        <li>
          <span className="exec-legend-line exec-legend-today" style={{ borderColor: TODAY }} />
          Today
        </li>
      </ul>
    </div>
  );
}

/** A metric's actuals over time between its baseline and target lines, the target date and today marked. */
export function MetricTrendChart({ data, brand, unit }: { data: MetricData; brand: string; unit: string }) {
  return (
    <div className="exec-chart" data-testid="metric-chart">
      <ResponsiveContainer width="100%" height={170}>
        <LineChart data={data.points} margin={{ top: 10, right: 58, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#e4e7eb" />
          <XAxis type="number" dataKey="day" domain={data.domain} ticks={data.ticks} tickFormatter={dayLabel} fontSize={11} allowDataOverflow />
          <YAxis domain={data.valueDomain} ticks={data.valueTicks} tickFormatter={valueTickLabel} fontSize={11} width={40} allowDataOverflow />
          <ReferenceLine y={data.baseline} stroke={MUTED} strokeDasharray="5 4" label={{ value: 'Baseline', position: 'right', fill: MUTED, fontSize: 11 }} />
          <ReferenceLine y={data.target} stroke={brand} strokeDasharray="5 4" label={{ value: 'Target', position: 'right', fill: brand, fontSize: 11 }} />
          <ReferenceLine x={data.targetDay} stroke={brand} strokeDasharray="2 3" />
          <ReferenceLine x={data.today} stroke={TODAY} strokeDasharray="2 3" />
          <Tooltip labelFormatter={(day) => formatDate(data.points.find((p) => p.day === Number(day))?.date ?? '')} formatter={(value) => [`${String(value)} ${unit}`.trim(), 'Measured']} />
          <Line dataKey="value" stroke={brand} strokeWidth={2} dot={{ r: 3.5, fill: brand }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

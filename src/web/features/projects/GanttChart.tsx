import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { fromDayNumber, toDayNumber, weekdayOf } from '../../../core/calendar.ts';
import { formatRange, formatShortDate } from './dates.ts';
import './projects.css';

export interface GanttRow {
  id: string;
  title: string;
  /** Rows are drawn under a heading per group (the stage), in the order given. */
  group: string;
  start: string | null;
  finish: string | null;
  baselineStart?: string | null;
  baselineFinish?: string | null;
  milestone: boolean;
  critical: boolean;
  slackDays?: number;
  side?: 'customer' | 'vendor';
  done?: boolean;
  /** A line for the tooltip, e.g. the status and the owner. */
  detail?: string;
}

export interface GanttLink {
  from: string;
  to: string;
}

/** How wide a day is drawn: fitted to the width, or a fixed scale for days, weeks or months. */
export type GanttZoom = 'fit' | 'days' | 'weeks' | 'months';
const ZOOM_DAY_WIDTH: Record<Exclude<GanttZoom, 'fit'>, number> = { days: 30, weeks: 12, months: 4 };

export interface GanttChartProps {
  rows: readonly GanttRow[];
  links: readonly GanttLink[];
  today?: string | null | undefined;
  /** Smaller rows and days, for previews. */
  compact?: boolean;
  label: string;
  onSelect?: ((id: string) => void) | undefined;
  zoom?: GanttZoom;
  /** Dragging a bar: the task and by how many calendar days it was moved (the caller asks the engine). */
  onMove?: ((id: string, days: number) => void) | undefined;
}

interface Placed {
  row: GanttRow;
  y: number;
  x0: number;
  x1: number;
}

const DAY_MS = 86_400_000;
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' });
const dayOf = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  try {
    return toDayNumber(iso.slice(0, 10));
  } catch {
    return null;
  }
};

/**
 * A Gantt chart drawn by hand in SVG: a row per task under its stage, the projected bar over a thin grey
 * baseline, milestones as diamonds, finish-to-start arrows, a line for today and the critical path in red.
 */
export function GanttChart({ rows, links, today, compact = false, label, onSelect, zoom = 'fit', onMove }: GanttChartProps) {
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const scrollRef = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<string | null>(null);
  const rowH = compact ? 22 : 30;
  const groupH = compact ? 22 : 28;
  const headerH = 58;
  const [available, setAvailable] = useState(0);
  useEffect(() => {
    const box = scrollRef.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => setAvailable(entries[0]?.contentRect.width ?? 0));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  const diamond = compact ? 5 : 7;

  const range = useMemo(() => {
    const days: number[] = [];
    for (const row of rows) {
      for (const date of [row.start, row.finish, row.baselineStart, row.baselineFinish]) {
        const day = dayOf(date);
        if (day !== null) days.push(day);
      }
    }
    const todayDay = dayOf(today);
    if (todayDay !== null) days.push(todayDay);
    const first = days.length ? Math.min(...days) : (todayDay ?? 0);
    const last = days.length ? Math.max(...days) : first + 28;
    // Start on the Monday before, a few days early, so the first bar has room and weeks line up.
    let from = first - 3;
    from -= (weekdayOf(from) - 1 + 7) % 7;
    return { from, to: last + 10, todayDay };
  }, [rows, today]);
  // Fit the whole plan in the width when it can be read that way; otherwise scroll sideways.
  const fitted = available > 0 ? Math.floor(available / (range.to - range.from + 1)) : 15;
  const dayW = compact ? Math.min(Math.max(fitted, 5), 9) : zoom === 'fit' ? Math.min(Math.max(fitted, 7), 22) : ZOOM_DAY_WIDTH[zoom];
  // A bar being dragged: which task, where the pointer went down, how many days it has moved so far.
  const [drag, setDrag] = useState<{ id: string; startX: number; days: number } | null>(null);
  const [justMoved, setJustMoved] = useState(false);

  const layout = useMemo(() => {
    const { from, to, todayDay } = range;
    const x = (iso: string | null | undefined) => ((dayOf(iso) ?? from) - from) * dayW;

    const lines: ({ kind: 'group'; name: string; y: number } | { kind: 'row'; placed: Placed })[] = [];
    const placed = new Map<string, Placed>();
    let y = headerH;
    let group: string | undefined;
    for (const row of rows) {
      if (row.group !== group) {
        group = row.group;
        lines.push({ kind: 'group', name: group, y });
        y += groupH;
      }
      const start = row.start ?? row.finish;
      const finish = row.finish ?? row.start;
      const item: Placed = row.milestone
        ? { row, y, x0: x(finish) + dayW / 2 - diamond, x1: x(finish) + dayW / 2 + diamond }
        : { row, y, x0: x(start), x1: x(finish) + dayW };
      placed.set(row.id, item);
      lines.push({ kind: 'row', placed: item });
      y += rowH;
    }
    const weeks: number[] = [];
    for (let day = from; day <= to; day += 7) weeks.push(day);
    const months: { day: number; label: string }[] = [];
    for (let day = from; day <= to; day++) {
      const date = new Date(day * DAY_MS);
      if (day === from || date.getUTCDate() === 1) months.push({ day, label: (dayW < 6 ? shortMonthFormat : monthFormat).format(date) });
    }
    // The partial month at the left edge gives way when the next month's label would run into it.
    if (months.length > 1 && (months[1]!.day - months[0]!.day) * dayW < 120) months.shift();
    // So does a month that starts too near the right edge for its name to fit.
    while (months.length > 1 && (to + 1 - months[months.length - 1]!.day) * dayW < 110) months.pop();
    const weekends: number[] = [];
    for (let day = from; day <= to; day++) if (weekdayOf(day) === 6) weekends.push(day);
    return { from, to, x, lines, placed, height: y + 8, width: (to - from + 1) * dayW, weeks, months, weekends, todayX: todayDay === null ? null : (todayDay - from) * dayW + dayW / 2 };
  }, [rows, range, dayW, rowH, groupH, diamond]);

  useEffect(() => {
    // Open on today (or the start), not on weeks long past.
    const box = scrollRef.current;
    if (!box) return;
    const target = layout.todayX ?? 0;
    box.scrollLeft = Math.max(0, target - box.clientWidth / 3);
    // Only when the chart first appears: later changes must not yank the view away from where the user is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const hovered = hover ? layout.placed.get(hover) : undefined;
  const mid = (item: Placed) => item.y + rowH / 2;
  const barTop = compact ? 4 : 5;
  const barH = rowH - (compact ? 11 : 14);

  const linkPath = (from: Placed, to: Placed): string => {
    const x1 = from.x1;
    const y1 = mid(from);
    const x2 = to.x0;
    const y2 = mid(to);
    if (x2 - x1 >= 10) return `M${x1},${y1} H${x1 + 5} V${y2} H${x2 - 1}`;
    // The successor starts before the elbow would fit: go down between the rows and come back.
    const between = y2 > y1 ? to.y : to.y + rowH;
    return `M${x1},${y1} H${x1 + 5} V${between} H${x2 - 7} V${y2} H${x2 - 1}`;
  };

  const keyOpen = (event: KeyboardEvent, id: string) => {
    if (onSelect && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      onSelect(id);
    }
  };

  return (
    <div className={`gantt${compact ? ' gantt-compact' : ''}`}>
      <div className="gantt-labels" style={{ paddingTop: headerH }}>
        {layout.lines.map((line) =>
          line.kind === 'group' ? (
            <div key={`g-${line.name}-${line.y}`} className="gantt-group-label" style={{ height: groupH }}>
              {line.name}
            </div>
          ) : (
            <div key={line.placed.row.id} className={`gantt-row-label${hover === line.placed.row.id ? ' is-hovered' : ''}`} style={{ height: rowH }}>
              {line.placed.row.side && <span className={`gantt-side gantt-side-${line.placed.row.side}`} title={line.placed.row.side === 'customer' ? 'Customer task' : 'Vendor task'} />}
              {onSelect ? (
                <button type="button" className="gantt-row-button" tabIndex={-1} onClick={() => onSelect(line.placed.row.id)} title={line.placed.row.title}>
                  {line.placed.row.title}
                </button>
              ) : (
                <span className="gantt-row-text" title={line.placed.row.title}>
                  {line.placed.row.title}
                </span>
              )}
            </div>
          ),
        )}
      </div>
      <div className="gantt-scroll" ref={scrollRef}>
        <div className="gantt-canvas" style={{ width: layout.width, height: layout.height }}>
          <svg width={layout.width} height={layout.height} role="group" aria-label={label} className="gantt-svg">
            <defs>
              <marker id={`${uid}-arrow`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
                <path d="M0,0 L8,4 L0,8 z" className="gantt-arrowhead" />
              </marker>
              <marker id={`${uid}-arrow-critical`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
                <path d="M0,0 L8,4 L0,8 z" className="gantt-arrowhead is-critical" />
              </marker>
            </defs>
            {layout.weekends.map((day) => (
              <rect key={`w-${day}`} className="gantt-weekend" x={(day - layout.from) * dayW} y={headerH} width={dayW * 2} height={layout.height - headerH} />
            ))}
            {layout.lines.map((line) =>
              line.kind === 'group' ? (
                <rect key={`gb-${line.name}-${line.y}`} className="gantt-group-band" x={0} y={line.y} width={layout.width} height={groupH} />
              ) : null,
            )}
            <g className="gantt-axis">
              {layout.months.map((month) => (
                <text key={`m-${month.day}`} x={(month.day - layout.from) * dayW + 4} y={16} className="gantt-month">
                  {month.label}
                </text>
              ))}
              {layout.weeks.map((day, index) => (
                <g key={`t-${day}`}>
                  <line x1={(day - layout.from) * dayW} x2={(day - layout.from) * dayW} y1={22} y2={layout.height} className="gantt-week-line" />
                  {/* Narrow weeks label every other Monday so the dates never run into each other. */}
                  {(dayW * 7 >= 48 || (dayW * 14 >= 48 && index % 2 === 0) || index % 4 === 0) && (
                    <text x={(day - layout.from) * dayW + 3} y={38} className="gantt-week">
                      {formatShortDate(fromDayNumber(day))}
                    </text>
                  )}
                </g>
              ))}
              <line x1={0} x2={layout.width} y1={headerH - 0.5} y2={headerH - 0.5} className="gantt-axis-line" />
            </g>

            {layout.lines.map((line) => {
              if (line.kind !== 'row') return null;
              const { row, y } = line.placed;
              const b0 = dayOf(row.baselineStart ?? row.baselineFinish);
              const b1 = dayOf(row.baselineFinish ?? row.baselineStart);
              if (b0 === null || b1 === null) return null;
              if (row.milestone) {
                const cx = (b1 - layout.from) * dayW + dayW / 2;
                const cy = y + rowH / 2;
                const r = diamond - 2;
                return <path key={`b-${row.id}`} className="gantt-baseline gantt-baseline-milestone" d={`M${cx},${cy - r} L${cx + r},${cy} L${cx},${cy + r} L${cx - r},${cy} Z`} />;
              }
              return (
                <rect
                  key={`b-${row.id}`}
                  className="gantt-baseline"
                  x={(b0 - layout.from) * dayW}
                  y={y + rowH - (compact ? 6 : 8)}
                  width={(b1 - b0 + 1) * dayW}
                  height={compact ? 3 : 4}
                  rx={1}
                />
              );
            })}

            <g className="gantt-links">
              {links.map((link) => {
                const from = layout.placed.get(link.from);
                const to = layout.placed.get(link.to);
                if (!from || !to) return null;
                const critical = from.row.critical && to.row.critical;
                return (
                  <path
                    key={`${link.from}-${link.to}`}
                    className={`gantt-link${critical ? ' is-critical' : ''}${hover === link.from || hover === link.to ? ' is-hovered' : ''}`}
                    d={linkPath(from, to)}
                    markerEnd={`url(#${uid}-arrow${critical ? '-critical' : ''})`}
                  />
                );
              })}
            </g>

            {layout.lines.map((line) => {
              if (line.kind !== 'row') return null;
              const { row, y, x0, x1 } = line.placed;
              if (!row.start && !row.finish) return null;
              const classes = [row.critical ? 'is-critical' : '', row.done ? 'is-done' : '', row.side ? `side-${row.side}` : ''].filter(Boolean).join(' ');
              const name = `${row.title}: ${row.milestone ? formatShortDate(row.finish) : formatRange(row.start, row.finish)}${row.critical ? ', critical' : ''}`;
              const interactive = {
                tabIndex: 0,
                'aria-label': name,
                role: onSelect ? 'button' : 'img',
                onMouseEnter: () => setHover(row.id),
                onMouseLeave: () => setHover((current) => (current === row.id ? null : current)),
                onFocus: () => setHover(row.id),
                onBlur: () => setHover((current) => (current === row.id ? null : current)),
                onClick: onSelect
                  ? () => {
                      if (justMoved) {
                        setJustMoved(false); // the click that ends a drag does not open the task
                        return;
                      }
                      onSelect(row.id);
                    }
                  : undefined,
                onKeyDown: (event: KeyboardEvent) => keyOpen(event, row.id),
                className: `gantt-item${onSelect ? ' is-clickable' : ''}`,
              };
              if (row.milestone) {
                const cx = (x0 + x1) / 2;
                const cy = y + rowH / 2;
                return (
                  <g key={row.id} {...interactive}>
                    <rect x={cx - diamond - 4} y={y} width={diamond * 2 + 8} height={rowH} className="gantt-hit" />
                    <path className={`gantt-milestone ${classes}`} d={`M${cx},${cy - diamond} L${cx + diamond},${cy} L${cx},${cy + diamond} L${cx - diamond},${cy} Z`} />
                    {!compact && (
                      <text x={cx + diamond + 4} y={cy + 4} className="gantt-bar-label">
                        {formatShortDate(row.finish)}
                      </text>
                    )}
                  </g>
                );
              }
              const draggable = Boolean(onMove) && !row.done;
              const offset = drag?.id === row.id ? drag.days * dayW : 0;
              const dragging = {
                onPointerDown: (event: PointerEvent<SVGGElement>) => {
                  if (!draggable || event.button !== 0) return;
                  event.currentTarget.setPointerCapture(event.pointerId);
                  setDrag({ id: row.id, startX: event.clientX, days: 0 });
                },
                onPointerMove: (event: PointerEvent<SVGGElement>) => {
                  if (drag?.id !== row.id) return;
                  const days = Math.round((event.clientX - drag.startX) / dayW);
                  if (days !== drag.days) setDrag({ ...drag, days });
                },
                onPointerUp: () => {
                  if (drag?.id !== row.id) return;
                  setDrag(null);
                  if (drag.days !== 0 && onMove) {
                    setJustMoved(true);
                    onMove(row.id, drag.days);
                  }
                },
                onPointerCancel: () => setDrag(null),
              };
              return (
                <g key={row.id} {...interactive} {...dragging} transform={offset ? `translate(${offset},0)` : undefined} className={`${interactive.className}${draggable ? ' is-draggable' : ''}${offset ? ' is-dragging' : ''}`}>
                  <rect x={x0} y={y} width={Math.max(x1 - x0, 4)} height={rowH} className="gantt-hit" />
                  <rect className={`gantt-bar ${classes}`} x={x0} y={y + barTop} width={Math.max(x1 - x0, 3)} height={barH} rx={3} />
                  {offset !== 0 && drag && (
                    <text x={x1 + 6} y={y + rowH / 2 + 4} className="gantt-bar-label">
                      {drag.days > 0 ? `+${drag.days}` : drag.days} d
                    </text>
                  )}
                </g>
              );
            })}

            {layout.todayX !== null && (
              <g className="gantt-today">
                <line x1={layout.todayX} x2={layout.todayX} y1={42} y2={layout.height} />
                <rect x={layout.todayX - 19} y={42} width={38} height={14} rx={3} />
                <text x={layout.todayX} y={52.5} textAnchor="middle">
                  Today
                </text>
              </g>
            )}
          </svg>
          {hovered && <GanttTooltip item={hovered} rowH={rowH} width={layout.width} />}
        </div>
      </div>
    </div>
  );
}

function GanttTooltip({ item, rowH, width }: { item: Placed; rowH: number; width: number }) {
  const { row } = item;
  const left = Math.min(Math.max(item.x0, 8), Math.max(width - 280, 8));
  const baseline = row.baselineStart || row.baselineFinish ? (row.milestone ? formatShortDate(row.baselineFinish) : formatRange(row.baselineStart ?? null, row.baselineFinish ?? null)) : null;
  return (
    <div className="gantt-tooltip" role="tooltip" style={{ left, top: item.y + rowH + 2 }}>
      <p className="gantt-tooltip-title">{row.title}</p>
      <dl>
        <dt>{row.done ? 'Done' : 'Projected'}</dt>
        <dd>{row.milestone ? formatShortDate(row.finish) : formatRange(row.start, row.finish)}</dd>
        {baseline && (
          <>
            <dt>Baseline</dt>
            <dd>{baseline}</dd>
          </>
        )}
        {row.slackDays !== undefined && !row.done && (
          <>
            <dt>Slack</dt>
            <dd>{row.critical ? 'None — on the critical path' : `${row.slackDays} business day${row.slackDays === 1 ? '' : 's'}`}</dd>
          </>
        )}
      </dl>
      {row.detail && <p className="gantt-tooltip-detail">{row.detail}</p>}
    </div>
  );
}

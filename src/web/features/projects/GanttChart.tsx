import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { MONDAY_TO_FRIDAY, toDayNumber, type BusinessCalendar } from '../../../core/calendar.ts';
import { formatRange, formatShortDate } from './dates.ts';
import { barAt, chartRange, dayToX, dayWidth, linkAt, monthLabels, pixelsToDays, snapMove, stepMove, weekTicks, type BarBox, type GanttZoom } from './ganttScale.ts';
import './projects.css';

export type { GanttZoom } from './ganttScale.ts';

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
  /** Started already: its start is what happened, not a plan, so it is not dragged. */
  started?: boolean;
  /** A line for the tooltip, e.g. the status and the owner. */
  detail?: string;
}

export interface GanttLink {
  from: string;
  to: string;
}

export interface GanttChartProps {
  rows: readonly GanttRow[];
  links: readonly GanttLink[];
  today?: string | null | undefined;
  /** Smaller rows and days, for previews. */
  compact?: boolean;
  label: string;
  onSelect?: ((id: string) => void) | undefined;
  zoom?: GanttZoom;
  /** The working days a dragged bar snaps to, as the engine plans (Monday to Friday when not given). */
  calendar?: BusinessCalendar | undefined;
  /** A bar or milestone dropped elsewhere: the task and by how many calendar days its start moved (onto a working day). */
  onMove?: ((id: string, days: number) => void) | undefined;
  /** A link drawn from the end of `from` onto `to`: `to` should wait for `from` (finish-to-start). */
  onLink?: ((from: string, to: string) => void) | undefined;
  /** A selected link removed (Delete, or its "Remove link" button). */
  onUnlink?: ((from: string, to: string) => void) | undefined;
}

interface Placed {
  row: GanttRow;
  y: number;
  x0: number;
  x1: number;
}

type Drag =
  | { kind: 'move'; id: string; pointerId: number; startX: number; days: number; active: boolean }
  | { kind: 'link'; from: string; x: number; y: number; target: string | null };

const WEEKDAYS: BusinessCalendar = { timeZone: 'UTC', workingWeekdays: MONDAY_TO_FRIDAY, holidays: [] };
const linkKey = (link: GanttLink) => `${link.from}>${link.to}`;
/** How long a finger rests on a bar before it moves it rather than scrolling the chart. */
const TOUCH_HOLD_MS = 350;

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
 * With `onMove`, bars and milestones are dragged (or moved with ← → and Enter); with `onLink`, the dot at a
 * bar's end is dragged onto another bar (or L, ↑ ↓, Enter) to make it wait; with `onUnlink`, a link is selected
 * (click, or Tab to it) and removed with Delete.
 */
export function GanttChart({ rows, links, today, compact = false, label, onSelect, zoom = 'fit', calendar = WEEKDAYS, onMove, onLink, onUnlink }: GanttChartProps) {
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const scrollRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [hover, setHover] = useState<string | null>(null);
  const rowH = compact ? 22 : 30;
  const groupH = compact ? 22 : 28;
  const headerH = 58;
  const [available, setAvailable] = useState(0);
  const [scrollLeft, setScrollLeft] = useState(0);
  useEffect(() => {
    const box = scrollRef.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => setAvailable(entries[0]?.contentRect.width ?? 0));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  const diamond = compact ? 5 : 7;

  const span = useMemo(() => {
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
    return { first, last, todayDay };
  }, [rows, today]);
  const dayW = dayWidth(zoom, available, span.last - span.first + 14, compact);
  const range = useMemo(() => ({ ...chartRange(span.first, span.last, dayW), todayDay: span.todayDay }), [span, dayW]);

  const [drag, setDragState] = useState<Drag | null>(null);
  // The drag as the touch listener and the hold timer see it, outside React's renders.
  const dragRef = useRef<Drag | null>(null);
  const setDrag = (next: Drag | null) => {
    dragRef.current = next;
    setDragState(next);
  };
  const holdTimer = useRef<number | undefined>(undefined);
  // When a drag last ended: the click that follows it does not open the task.
  const draggedAt = useRef(0);
  const [keyMove, setKeyMove] = useState<{ id: string; days: number } | null>(null);
  const [keyLink, setKeyLink] = useState<{ from: string; target: string | null } | null>(null);
  const [selectedLink, setSelectedLink] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const layout = useMemo(() => {
    const { from, to, todayDay } = range;
    const x = (iso: string | null | undefined) => dayToX(dayOf(iso) ?? from, from, dayW);

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
    const weeks = weekTicks(from, to, dayW, formatShortDate);
    const weekends: number[] = [];
    for (let day = from; day <= to; day++) if (new Date(day * 86_400_000).getUTCDay() === 6) weekends.push(day);
    const bars: BarBox[] = [...placed.values()].filter((p) => p.row.start || p.row.finish).map((p) => ({ id: p.row.id, x0: p.x0, x1: p.x1, y: p.y, h: rowH }));
    return { from, to, lines, placed, bars, height: y + 8, width: (to - from + 1) * dayW, weeks, weekends, todayX: todayDay === null ? null : dayToX(todayDay, from, dayW) + dayW / 2 };
  }, [rows, range, dayW, rowH, groupH, diamond]);
  // Named in the part of each month in view: a month scrolled half out of sight is named in what is left of it.
  const months = useMemo(
    () => monthLabels(layout.from, layout.to, dayW, scrollLeft, available > 0 ? Math.min(available, layout.width) : undefined),
    [layout.from, layout.to, layout.width, dayW, scrollLeft, available],
  );

  useEffect(() => {
    // Open on today (or the start), not on weeks long past.
    const box = scrollRef.current;
    if (!box) return;
    const target = layout.todayX ?? 0;
    box.scrollLeft = Math.max(0, target - box.clientWidth / 3);
    setScrollLeft(box.scrollLeft);
    // Only when the chart first appears: later changes must not yank the view away from where the user is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // A new zoom keeps the day that was in the middle of the view in the middle.
  const lastScale = useRef({ dayW, from: layout.from });
  useLayoutEffect(() => {
    const box = scrollRef.current;
    const before = lastScale.current;
    lastScale.current = { dayW, from: layout.from };
    if (!box || (before.dayW === dayW && before.from === layout.from)) return;
    const middleDay = before.from + (box.scrollLeft + box.clientWidth / 2) / before.dayW;
    box.scrollLeft = Math.max(0, (middleDay - layout.from) * dayW - box.clientWidth / 2);
    setScrollLeft(box.scrollLeft);
  }, [dayW, layout.from]);

  // A finger that has held a bar long enough drags it: the chart must not scroll under it meanwhile.
  useEffect(() => {
    const box = scrollRef.current;
    if (!box) return;
    const hold = (event: TouchEvent) => {
      if (dragRef.current?.kind === 'link' || (dragRef.current?.kind === 'move' && dragRef.current.active)) event.preventDefault();
    };
    box.addEventListener('touchmove', hold, { passive: false });
    return () => box.removeEventListener('touchmove', hold);
  }, []);
  useEffect(() => () => window.clearTimeout(holdTimer.current), []);

  const hovered = hover && !drag ? layout.placed.get(hover) : undefined;
  const mid = (item: Placed) => item.y + rowH / 2;
  const barTop = compact ? 4 : 5;
  const barH = rowH - (compact ? 11 : 14);
  const titleOf = (id: string) => layout.placed.get(id)?.row.title ?? 'a task';

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
  const drawnLinks = links.flatMap((link) => {
    const from = layout.placed.get(link.from);
    const to = layout.placed.get(link.to);
    return from && to ? [{ link, key: linkKey(link), from, to, d: linkPath(from, to) }] : [];
  });
  const selected = drawnLinks.find((drawn) => drawn.key === selectedLink);

  const pointIn = (event: { clientX: number; clientY: number }) => {
    const box = svgRef.current?.getBoundingClientRect();
    return { x: event.clientX - (box?.left ?? 0), y: event.clientY - (box?.top ?? 0) };
  };
  /** The move shown while dragging: whole days, snapped onto a working day as the engine would. */
  const snapped = (id: string, days: number): number => {
    const row = layout.placed.get(id)?.row;
    const start = row?.start ?? row?.finish;
    return start && days !== 0 ? snapMove(start, days, calendar).days : 0;
  };
  const movedBy = (id: string): number => {
    if (drag?.kind === 'move' && drag.id === id && drag.active) return snapped(id, drag.days);
    if (keyMove?.id === id) return keyMove.days;
    return 0;
  };
  const newStartText = (id: string, days: number) => {
    const row = layout.placed.get(id)?.row;
    const start = row?.start ?? row?.finish;
    return start ? formatShortDate(new Date((toDayNumber(start) + days) * 86_400_000).toISOString().slice(0, 10)) : '';
  };
  const linkTargets = (from: string) => layout.bars.map((bar) => bar.id).filter((id) => id !== from);

  const unlink = (drawn: { link: GanttLink }) => {
    setSelectedLink(null);
    onUnlink?.(drawn.link.from, drawn.link.to);
  };

  const onItemKey = (event: KeyboardEvent, row: GanttRow, movable: boolean) => {
    const { key } = event;
    if (keyMove?.id === row.id) {
      if (key === 'ArrowRight' || key === 'ArrowLeft') {
        event.preventDefault();
        const days = stepMove(row.start ?? row.finish!, keyMove.days, key === 'ArrowRight' ? 1 : -1, calendar);
        setKeyMove({ id: row.id, days });
        setAnnouncement(`${row.title} would start on ${newStartText(row.id, days)}. Enter to move it there, Escape to leave it.`);
      } else if (key === 'Enter' || key === ' ') {
        event.preventDefault();
        setKeyMove(null);
        if (keyMove.days !== 0) onMove?.(row.id, keyMove.days);
      } else if (key === 'Escape') {
        event.preventDefault();
        setKeyMove(null);
        setAnnouncement(`${row.title} stays where it was.`);
      }
      return;
    }
    if (keyLink?.from === row.id) {
      const targets = linkTargets(row.id);
      if (key === 'ArrowDown' || key === 'ArrowUp') {
        event.preventDefault();
        const at = keyLink.target ? targets.indexOf(keyLink.target) : -1;
        const n = targets.length;
        const next = (key === 'ArrowDown' ? targets[(at + 1) % n] : targets[at < 0 ? n - 1 : (at - 1 + n) % n]) ?? null;
        setKeyLink({ from: row.id, target: next });
        if (next) setAnnouncement(`${titleOf(next)} would wait for ${row.title}. Enter to link, Escape to cancel.`);
      } else if (key === 'Enter' || key === ' ') {
        event.preventDefault();
        setKeyLink(null);
        if (keyLink.target) onLink?.(row.id, keyLink.target);
      } else if (key === 'Escape') {
        event.preventDefault();
        setKeyLink(null);
        setAnnouncement('No link added.');
      }
      return;
    }
    if (movable && (key === 'ArrowRight' || key === 'ArrowLeft')) {
      event.preventDefault();
      const days = stepMove(row.start ?? row.finish!, 0, key === 'ArrowRight' ? 1 : -1, calendar);
      setKeyMove({ id: row.id, days });
      setAnnouncement(`${row.title} would start on ${newStartText(row.id, days)}. Arrows to move it further, Enter to move it there, Escape to leave it.`);
      return;
    }
    if (onLink && (key === 'l' || key === 'L')) {
      event.preventDefault();
      const target = linkTargets(row.id)[0] ?? null;
      setKeyLink({ from: row.id, target });
      setAnnouncement(`Linking from ${row.title}: ↑ ↓ choose the task that waits for it${target ? ` (${titleOf(target)})` : ''}, Enter to link, Escape to cancel.`);
      return;
    }
    if (onSelect && (key === 'Enter' || key === ' ')) {
      event.preventDefault();
      onSelect(row.id);
    }
  };

  const endDrag = () => {
    window.clearTimeout(holdTimer.current);
    setDrag(null);
  };

  return (
    <div className={`gantt${compact ? ' gantt-compact' : ''}`}>
      <div className="gantt-labels" style={{ paddingTop: headerH }}>
        {layout.lines.map((line) =>
          line.kind === 'group' ? (
            <div key={`g-${line.name}-${line.y}`} className="gantt-group-label" style={{ height: groupH }} title={line.name}>
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
      <div className="gantt-scroll" ref={scrollRef} onScroll={(event) => setScrollLeft(event.currentTarget.scrollLeft)}>
        <div className="gantt-canvas" style={{ width: layout.width, height: layout.height }}>
          <svg
            ref={svgRef}
            width={layout.width}
            height={layout.height}
            role="group"
            aria-label={label}
            className={`gantt-svg${drag?.kind === 'link' ? ' is-linking' : ''}`}
            onClick={(event) => {
              // A click beside the bars selects the link under it (the lines are too thin to aim at exactly).
              if (!onUnlink || (event.target as Element).closest('.gantt-item, .gantt-link-item')) return;
              const { x, y } = pointIn(event);
              setSelectedLink(linkAt(drawnLinks, x, y, 6));
            }}
          >
            <defs>
              <marker id={`${uid}-arrow`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
                <path d="M0,0 L8,4 L0,8 z" className="gantt-arrowhead" />
              </marker>
              <marker id={`${uid}-arrow-critical`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
                <path d="M0,0 L8,4 L0,8 z" className="gantt-arrowhead is-critical" />
              </marker>
              <marker id={`${uid}-arrow-selected`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" orient="auto">
                <path d="M0,0 L8,4 L0,8 z" className="gantt-arrowhead is-selected" />
              </marker>
            </defs>
            {layout.weekends.map((day) => (
              <rect key={`w-${day}`} className="gantt-weekend" x={dayToX(day, layout.from, dayW)} y={headerH} width={dayW * 2} height={layout.height - headerH} />
            ))}
            {layout.lines.map((line) =>
              line.kind === 'group' ? (
                <rect key={`gb-${line.name}-${line.y}`} className="gantt-group-band" x={0} y={line.y} width={layout.width} height={groupH} />
              ) : null,
            )}
            <g className="gantt-axis">
              {months.map((month) => (
                <text key={`m-${month.day}`} x={month.x} y={16} className="gantt-month">
                  {month.label}
                </text>
              ))}
              {layout.weeks.map((week) => (
                <g key={`t-${week.day}`}>
                  <line x1={week.x} x2={week.x} y1={22} y2={layout.height} className="gantt-week-line" />
                  {week.label && (
                    <text x={week.x + 3} y={38} className="gantt-week">
                      {week.label}
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
                const cx = dayToX(b1, layout.from, dayW) + dayW / 2;
                const cy = y + rowH / 2;
                const r = diamond - 2;
                return <path key={`b-${row.id}`} className="gantt-baseline gantt-baseline-milestone" d={`M${cx},${cy - r} L${cx + r},${cy} L${cx},${cy + r} L${cx - r},${cy} Z`} />;
              }
              return (
                <rect
                  key={`b-${row.id}`}
                  className="gantt-baseline"
                  x={dayToX(b0, layout.from, dayW)}
                  y={y + rowH - (compact ? 6 : 8)}
                  width={(b1 - b0 + 1) * dayW}
                  height={compact ? 3 : 4}
                  rx={1}
                />
              );
            })}

            <g className="gantt-links">
              {drawnLinks.map(({ link, key, from, to, d }) => {
                const critical = from.row.critical && to.row.critical;
                const isSelected = key === selectedLink;
                const name = `${to.row.title} depends on ${from.row.title}`;
                return (
                  <g
                    key={key}
                    className={onUnlink ? 'gantt-link-item' : undefined}
                    data-link={key}
                    {...(onUnlink
                      ? {
                          tabIndex: 0,
                          role: 'button',
                          'aria-label': `Link: ${name}. Delete removes it.`,
                          'aria-pressed': isSelected,
                          onFocus: () => setSelectedLink(key),
                          onClick: () => setSelectedLink(key),
                          onKeyDown: (event: KeyboardEvent) => {
                            if (event.key === 'Delete' || event.key === 'Backspace') {
                              event.preventDefault();
                              unlink({ link });
                            } else if (event.key === 'Escape') {
                              setSelectedLink(null);
                            }
                          },
                        }
                      : {})}
                  >
                    {onUnlink && <path className="gantt-link-hit" d={d} />}
                    <path
                      className={`gantt-link${critical ? ' is-critical' : ''}${isSelected ? ' is-selected' : ''}${hover === link.from || hover === link.to ? ' is-hovered' : ''}`}
                      d={d}
                      markerEnd={`url(#${uid}-arrow${isSelected ? '-selected' : critical ? '-critical' : ''})`}
                    />
                  </g>
                );
              })}
            </g>

            {layout.lines.map((line) => {
              if (line.kind !== 'row') return null;
              const { row, y, x0, x1 } = line.placed;
              if (!row.start && !row.finish) return null;
              const classes = [row.critical ? 'is-critical' : '', row.done ? 'is-done' : '', row.side ? `side-${row.side}` : ''].filter(Boolean).join(' ');
              const name = `${row.title}: ${row.milestone ? formatShortDate(row.finish) : formatRange(row.start, row.finish)}${row.critical ? ', critical' : ''}`;
              const movable = Boolean(onMove) && !row.done && !row.started;
              const days = movedBy(row.id);
              const offset = days * dayW;
              const linkTarget = (drag?.kind === 'link' && drag.target === row.id) || keyLink?.target === row.id;
              const hint = [movable ? '← → to move' : '', onLink ? 'L to link a task after it' : ''].filter(Boolean).join(', ');
              const interactive = {
                tabIndex: 0,
                'aria-label': name,
                'aria-description': hint || undefined,
                role: onSelect ? 'button' : 'img',
                'data-task': row.id,
                onMouseEnter: () => setHover(row.id),
                onMouseLeave: () => setHover((current) => (current === row.id ? null : current)),
                onFocus: () => setHover(row.id),
                onBlur: () => {
                  setHover((current) => (current === row.id ? null : current));
                  setKeyMove((current) => (current?.id === row.id ? null : current));
                  setKeyLink((current) => (current?.from === row.id ? null : current));
                },
                onClick: onSelect
                  ? () => {
                      if (Date.now() - draggedAt.current < 400) return; // the click that ends a drag
                      onSelect(row.id);
                    }
                  : undefined,
                onKeyDown: (event: KeyboardEvent) => onItemKey(event, row, movable),
                onContextMenu: movable ? (event: { preventDefault: () => void }) => event.preventDefault() : undefined,
                onPointerDown: (event: PointerEvent<SVGGElement>) => {
                  if (!movable || event.button !== 0) return;
                  const pointerId = event.pointerId;
                  const target = event.currentTarget;
                  const touch = event.pointerType === 'touch';
                  // A mouse drags at once; a finger must rest on the bar first, or it scrolls the chart as usual.
                  if (!touch) target.setPointerCapture(pointerId);
                  setDrag({ kind: 'move', id: row.id, pointerId, startX: event.clientX, days: 0, active: false });
                  if (touch) {
                    window.clearTimeout(holdTimer.current);
                    holdTimer.current = window.setTimeout(() => {
                      const current = dragRef.current;
                      if (current?.kind !== 'move' || current.id !== row.id) return;
                      try {
                        target.setPointerCapture(pointerId);
                      } catch {
                        return; // the finger has already left
                      }
                      setDrag({ ...current, active: true });
                    }, TOUCH_HOLD_MS);
                  }
                },
                onPointerMove: (event: PointerEvent<SVGGElement>) => {
                  if (drag?.kind !== 'move' || drag.id !== row.id || event.pointerId !== drag.pointerId) return;
                  const dx = event.clientX - drag.startX;
                  if (!drag.active) {
                    if (event.pointerType === 'touch') {
                      if (Math.abs(dx) > 8) endDrag(); // a swipe: the chart scrolls
                      return;
                    }
                    if (Math.abs(dx) < 4) return;
                  }
                  const moved = pixelsToDays(dx, dayW);
                  if (!drag.active || moved !== drag.days) setDrag({ ...drag, days: moved, active: true });
                },
                onPointerUp: () => {
                  if (drag?.kind !== 'move' || drag.id !== row.id) return;
                  endDrag();
                  const moved = drag.active ? snapped(row.id, drag.days) : 0;
                  if (drag.active) draggedAt.current = Date.now();
                  if (moved !== 0 && onMove) onMove(row.id, moved);
                },
                onPointerCancel: endDrag,
              };
              const className = `gantt-item${onSelect ? ' is-clickable' : ''}${movable ? ' is-draggable' : ''}${offset ? ' is-dragging' : ''}${linkTarget ? ' is-link-target' : ''}`;
              const handle = onLink ? (
                <circle
                  className="gantt-link-handle"
                  cx={x1 + (row.milestone ? 3 : 5)}
                  cy={y + rowH / 2}
                  r={compact ? 3 : 4.5}
                  aria-hidden="true"
                  onClick={(event) => event.stopPropagation()}
                  onPointerDown={(event) => {
                    if (event.button !== 0) return;
                    event.stopPropagation();
                    event.preventDefault();
                    event.currentTarget.setPointerCapture(event.pointerId);
                    setDrag({ kind: 'link', from: row.id, ...pointIn(event), target: null });
                  }}
                  onPointerMove={(event) => {
                    if (drag?.kind !== 'link' || drag.from !== row.id) return;
                    event.stopPropagation();
                    const point = pointIn(event);
                    const over = barAt(layout.bars, point.x, point.y);
                    setDrag({ ...drag, ...point, target: over === row.id ? null : over });
                  }}
                  onPointerUp={(event) => {
                    if (drag?.kind !== 'link' || drag.from !== row.id) return;
                    event.stopPropagation();
                    endDrag();
                    draggedAt.current = Date.now();
                    if (drag.target) onLink(row.id, drag.target);
                  }}
                  onPointerCancel={endDrag}
                />
              ) : null;
              const dropLabel = offset !== 0 && (
                <text x={x1 + 10} y={y + rowH / 2 + 4} className="gantt-bar-label gantt-drop-label">
                  {`→ ${newStartText(row.id, days)}`}
                </text>
              );
              if (row.milestone) {
                const cx = (x0 + x1) / 2;
                const cy = y + rowH / 2;
                return (
                  <g key={row.id} {...interactive} className={className} transform={offset ? `translate(${offset},0)` : undefined}>
                    <rect x={cx - diamond - 4} y={y} width={diamond * 2 + 8} height={rowH} className="gantt-hit" />
                    <path className={`gantt-milestone ${classes}`} d={`M${cx},${cy - diamond} L${cx + diamond},${cy} L${cx},${cy + diamond} L${cx - diamond},${cy} Z`} />
                    {!compact && !offset && (
                      <text x={cx + diamond + 10} y={cy + 4} className="gantt-bar-label">
                        {formatShortDate(row.finish)}
                      </text>
                    )}
                    {dropLabel}
                    {handle}
                  </g>
                );
              }
              return (
                <g key={row.id} {...interactive} className={className} transform={offset ? `translate(${offset},0)` : undefined}>
                  <rect x={x0} y={y} width={Math.max(x1 - x0, 4)} height={rowH} className="gantt-hit" />
                  <rect className={`gantt-bar ${classes}`} x={x0} y={y + barTop} width={Math.max(x1 - x0, 3)} height={barH} rx={3} />
                  {dropLabel}
                  {handle}
                </g>
              );
            })}

            {(() => {
              // The link being drawn: from the dot it left, to the finger or pointer (or the bar chosen by keyboard).
              const fromId = drag?.kind === 'link' ? drag.from : keyLink?.from;
              const from = fromId ? layout.placed.get(fromId) : undefined;
              if (!from) return null;
              const target = drag?.kind === 'link' ? (drag.target ? layout.placed.get(drag.target) : undefined) : keyLink?.target ? layout.placed.get(keyLink.target) : undefined;
              const end = target ? { x: target.x0, y: mid(target) } : drag?.kind === 'link' ? { x: drag.x, y: drag.y } : null;
              if (!end) return null;
              return <line className="gantt-link-draft" x1={from.x1 + 5} y1={mid(from)} x2={end.x} y2={end.y} markerEnd={`url(#${uid}-arrow-selected)`} />;
            })()}

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
          {selected && onUnlink && (
            <button
              type="button"
              className="gantt-unlink"
              style={{ left: Math.min(Math.max(selected.to.x0 - 110, 4), layout.width - 120), top: mid(selected.to) + rowH / 2 }}
              onClick={() => unlink(selected)}
            >
              Remove link
            </button>
          )}
          {hovered && <GanttTooltip item={hovered} rowH={rowH} width={layout.width} />}
        </div>
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
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

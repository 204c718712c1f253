// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MONDAY_TO_FRIDAY, toDayNumber } from '../../../core/calendar.ts';
import { GanttChart, type GanttRow } from './GanttChart.tsx';
import {
  barAt,
  chartRange,
  dayToX,
  dayWidth,
  linkAt,
  monthLabels,
  monthLabelWidth,
  pathPoints,
  pixelsToDays,
  snapMove,
  stepMove,
  weekLabelWidth,
  weekTicks,
  xToDay,
  ZOOM_DAY_WIDTH,
} from './ganttScale.ts';

afterEach(cleanup);

const row = (overrides: Partial<GanttRow> & { id: string }): GanttRow => ({
  title: overrides.id,
  group: 'Mobilization',
  start: '2026-11-23',
  finish: '2026-11-27',
  baselineStart: '2026-11-23',
  baselineFinish: '2026-11-27',
  milestone: false,
  critical: false,
  side: 'vendor',
  ...overrides,
});

const rows: GanttRow[] = [
  row({ id: 'questionnaire', title: 'Readiness questionnaire', side: 'customer', critical: true }),
  row({ id: 'research', title: 'Customer research', start: '2026-11-30', finish: '2026-12-01', slackDays: 3 }),
  row({ id: 'kickoff', title: 'Kickoff meeting', start: '2026-12-02', finish: '2026-12-02', baselineStart: '2026-11-30', baselineFinish: '2026-11-30', milestone: true, critical: true }),
  row({ id: 'design', title: 'Solution design', group: 'Design', start: '2026-12-03', finish: '2026-12-09', critical: true }),
  row({ id: 'go-live', title: 'Go-live', group: 'Launch', start: '2026-12-09', finish: '2026-12-09', milestone: true, critical: true }),
];
const links = [
  { from: 'questionnaire', to: 'kickoff' },
  { from: 'research', to: 'kickoff' },
  { from: 'kickoff', to: 'design' },
  { from: 'design', to: 'go-live' },
];

describe('the Gantt chart', () => {
  it('draws a bar per task, a diamond per milestone and an arrow per dependency, under a heading per stage', () => {
    const { container } = render(<GanttChart rows={rows} links={links} today="2026-11-25" label="Plan" />);
    expect(container.querySelectorAll('.gantt-bar')).toHaveLength(3);
    expect(container.querySelectorAll('.gantt-milestone')).toHaveLength(2);
    expect(container.querySelectorAll('.gantt-link')).toHaveLength(4);
    expect([...container.querySelectorAll('.gantt-group-label')].map((el) => el.textContent)).toEqual(['Mobilization', 'Design', 'Launch']);
    // Baselines: a thin bar per task, and a hollow diamond for a milestone.
    expect(container.querySelectorAll('rect.gantt-baseline')).toHaveLength(3);
    expect(container.querySelectorAll('.gantt-baseline-milestone')).toHaveLength(2);
    expect(screen.getByText('Today')).toBeTruthy();
  });

  it('marks the critical path in red: its tasks, its milestones and the links between them', () => {
    const { container } = render(<GanttChart rows={rows} links={links} label="Plan" />);
    const critical = [...container.querySelectorAll('.gantt-item')].filter((item) => item.querySelector('.is-critical'));
    expect(critical.map((item) => item.getAttribute('aria-label'))).toEqual([
      'Readiness questionnaire: Nov 23 – Nov 27, critical',
      'Kickoff meeting: Dec 2, critical',
      'Solution design: Dec 3 – Dec 9, critical',
      'Go-live: Dec 9, critical',
    ]);
    expect(container.querySelectorAll('.gantt-link.is-critical')).toHaveLength(3);
    const customerBar = screen.getByRole('img', { name: /Readiness questionnaire/ }).querySelector('.gantt-bar');
    expect(customerBar?.getAttribute('class')).toContain('side-customer');
  });

  it('places bars by date: a later task starts further right and a longer one is wider', () => {
    const { container } = render(<GanttChart rows={rows} links={[]} label="Plan" />);
    const bars = [...container.querySelectorAll('rect.gantt-bar')];
    const x = (i: number) => Number(bars[i]!.getAttribute('x'));
    const width = (i: number) => Number(bars[i]!.getAttribute('width'));
    expect(x(1)).toBeGreaterThan(x(0));
    expect(x(2)).toBeGreaterThan(x(1));
    // 5 calendar days (Mon–Fri) vs 2 (Mon–Tue)
    expect(width(0) / width(1)).toBeCloseTo(5 / 2);
  });

  it('shows dates, baseline and slack on hover, and opens the task from the keyboard', () => {
    const onSelect = vi.fn();
    render(<GanttChart rows={rows} links={links} label="Plan" onSelect={onSelect} />);
    const research = screen.getByRole('button', { name: /^Customer research:/ });
    fireEvent.mouseEnter(research);
    const tooltip = screen.getByRole('tooltip');
    expect(tooltip.textContent).toContain('Nov 30 – Dec 1');
    expect(tooltip.textContent).toContain('Nov 23 – Nov 27');
    expect(tooltip.textContent).toContain('3 business days');
    fireEvent.keyDown(research, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith('research');
  });
});

describe('the Gantt chart’s scale, at each zoom', () => {
  const monday = toDayNumber('2026-11-23');

  it('draws a day 30, 12 or 4 pixels wide and reads a point back to its day', () => {
    for (const [zoom, width] of [['days', 30], ['weeks', 12], ['months', 4]] as const) {
      const dayW = dayWidth(zoom, 1000, 60);
      expect(dayW).toBe(width);
      expect(dayToX(monday + 10, monday, dayW)).toBe(10 * width);
      expect(xToDay(dayToX(monday + 10, monday, dayW), monday, dayW)).toBe(monday + 10);
      expect(xToDay(dayToX(monday + 10, monday, dayW) + width - 1, monday, dayW)).toBe(monday + 10);
      expect(pixelsToDays(width * 2.4, dayW)).toBe(2);
      expect(pixelsToDays(-width * 2.6, dayW)).toBe(-3);
    }
    // Fit: the plan in the width, never narrower than 7 px a day nor wider than 22.
    expect(dayWidth('fit', 900, 60)).toBe(15);
    expect(dayWidth('fit', 300, 300)).toBe(7);
    expect(dayWidth('fit', 3000, 30)).toBe(22);
  });

  it('places a bar where its dates are, at each zoom', () => {
    for (const zoom of ['days', 'weeks', 'months'] as const) {
      cleanup();
      const { container } = render(<GanttChart rows={rows} links={[]} label="Plan" zoom={zoom} />);
      const bars = [...container.querySelectorAll('rect.gantt-bar')];
      const dayW = ZOOM_DAY_WIDTH[zoom];
      // Questionnaire Nov 23–27 and research from Nov 30: a week apart, five days wide.
      expect(Number(bars[1]!.getAttribute('x')) - Number(bars[0]!.getAttribute('x'))).toBe(7 * dayW);
      expect(Number(bars[0]!.getAttribute('width'))).toBe(5 * dayW);
    }
  });

  it('names every month and week in full view at every zoom, even a month cut at either edge of the chart', () => {
    const format = (iso: string) => iso.slice(5);
    for (const dayW of [30, 12, 7, 4]) {
      // The plan starts on the last days of November and ends on the first of February.
      const { from, to } = chartRange(toDayNumber('2026-11-28'), toDayNumber('2027-01-25'), dayW);
      const width = dayToX(to + 1, from, dayW);
      const labels = monthLabels(from, to, dayW);
      expect(labels.map((label) => label.day)).toContain(toDayNumber('2027-01-01'));
      for (const label of labels) {
        expect(label.x).toBeGreaterThanOrEqual(dayToX(label.day, from, dayW));
        expect(label.x + monthLabelWidth(label.label)).toBeLessThanOrEqual(width);
      }
      // Each month's label ends before the next month begins.
      labels.slice(1).forEach((next, i) => expect(labels[i]!.x + monthLabelWidth(labels[i]!.label)).toBeLessThanOrEqual(dayToX(next.day, from, dayW)));
      expect(labels[0]!.day).toBeLessThanOrEqual(from);
      const ticks = weekTicks(from, to, dayW, format);
      expect(ticks.some((tick) => tick.label)).toBe(true);
      for (const tick of ticks) if (tick.label) expect(tick.x + 3 + weekLabelWidth(tick.label)).toBeLessThanOrEqual(width);
    }
  });

  it('names the month being looked at in the part of it in view, shorter or not at all rather than cut', () => {
    const from = toDayNumber('2026-11-30');
    const to = toDayNumber('2027-01-31');
    const view = (scrollLeft: number) => monthLabels(from, to, 30, scrollLeft, 600);
    const december = (scrollLeft: number) => view(scrollLeft).find((label) => label.day === toDayNumber('2026-12-01'));
    const decemberEnds = dayToX(toDayNumber('2027-01-01'), from, 30);
    expect(december(0)!.x).toBe(30 + 4);
    expect(december(400)!.x).toBe(404);
    expect(december(decemberEnds - 150)!.label).toBe(december(0)!.label); // the long name fits in 150 px
    const short = december(decemberEnds - 70)!;
    expect(short.label.length).toBeLessThan(december(0)!.label.length);
    expect(short.x + monthLabelWidth(short.label)).toBeLessThanOrEqual(decemberEnds);
    expect(december(decemberEnds - 20)).toBeUndefined();
    // Every label drawn lies inside the view.
    for (const scrollLeft of [0, 250, decemberEnds - 70, decemberEnds - 20, 1200]) {
      for (const label of view(scrollLeft)) {
        expect(label.x).toBeGreaterThanOrEqual(scrollLeft);
        expect(label.x + monthLabelWidth(label.label)).toBeLessThanOrEqual(scrollLeft + 600);
      }
    }
  });
});

describe('moving a bar snaps to working days, as the engine plans', () => {
  const weekdays = { timeZone: 'UTC', workingWeekdays: MONDAY_TO_FRIDAY, holidays: ['2026-12-25'] };

  it('moves a start dropped on a weekend or a holiday to the next working day', () => {
    expect(snapMove('2026-11-23', 3, weekdays)).toEqual({ start: '2026-11-26', days: 3 }); // Thursday
    expect(snapMove('2026-11-23', 5, weekdays)).toEqual({ start: '2026-11-30', days: 7 }); // Saturday → Monday
    expect(snapMove('2026-12-21', 4, weekdays)).toEqual({ start: '2026-12-28', days: 7 }); // Christmas, then the weekend
    expect(snapMove('2026-11-30', -2, weekdays)).toEqual({ start: '2026-11-30', days: 0 }); // Saturday before: back where it was
  });

  it('steps one working day at a time from the keyboard', () => {
    expect(stepMove('2026-11-27', 0, 1, weekdays)).toBe(3); // Friday → Monday
    expect(stepMove('2026-11-30', 0, -1, weekdays)).toBe(-3); // Monday → Friday
    expect(stepMove('2026-11-23', 3, 1, weekdays)).toBe(4);
  });
});

describe('what is under the pointer', () => {
  const bars = [
    { id: 'a', x0: 100, x1: 160, y: 60, h: 30 },
    { id: 'b', x0: 200, x1: 212, y: 90, h: 30 },
  ];

  it('finds the bar under a point, with a little slack around a narrow one', () => {
    expect(barAt(bars, 130, 75)).toBe('a');
    expect(barAt(bars, 216, 100)).toBe('b');
    expect(barAt(bars, 130, 100)).toBeNull(); // b's row, left of b
    expect(barAt(bars, 130, 200)).toBeNull();
  });

  it('finds the link nearest a point along its elbows, within a few pixels', () => {
    const paths = [
      { key: 'a>b', d: 'M160,75 H165 V105 H199' },
      { key: 'a>c', d: 'M160,75 H165 V140 H150 V165 H199' },
    ];
    expect(pathPoints(paths[0]!.d)).toEqual([
      [160, 75],
      [165, 75],
      [165, 105],
      [199, 105],
    ]);
    expect(linkAt(paths, 180, 107)).toBe('a>b');
    expect(linkAt(paths, 175, 165)).toBe('a>c');
    expect(linkAt(paths, 180, 125)).toBeNull();
  });
});

describe('moving and linking on the chart', () => {
  it('moves a bar from the keyboard, a working day per arrow, and Enter drops it; Escape leaves it', () => {
    const onMove = vi.fn();
    render(<GanttChart rows={rows} links={links} label="Plan" onSelect={() => {}} onMove={onMove} />);
    const research = screen.getByRole('button', { name: /^Customer research:/ });
    fireEvent.keyDown(research, { key: 'ArrowRight' });
    fireEvent.keyDown(research, { key: 'ArrowRight' });
    expect(research.textContent).toContain('Dec 2');
    fireEvent.keyDown(research, { key: 'Enter' });
    expect(onMove).toHaveBeenCalledWith('research', 2);
    fireEvent.keyDown(research, { key: 'ArrowLeft' }); // Monday → the Friday before
    fireEvent.keyDown(research, { key: 'Escape' });
    expect(onMove).toHaveBeenCalledTimes(1);
  });

  it('moves a milestone the same way', () => {
    const onMove = vi.fn();
    render(<GanttChart rows={rows} links={links} label="Plan" onMove={onMove} />);
    const kickoff = screen.getByRole('img', { name: /^Kickoff meeting:/ });
    fireEvent.keyDown(kickoff, { key: 'ArrowRight' });
    fireEvent.keyDown(kickoff, { key: 'Enter' });
    expect(onMove).toHaveBeenCalledWith('kickoff', 1);
  });

  it('drags a bar with the pointer and snaps the drop to a working day', () => {
    const onMove = vi.fn();
    const { container } = render(<GanttChart rows={rows} links={[]} label="Plan" zoom="days" onMove={onMove} />);
    const bar = container.querySelector('[data-task="research"]')!;
    fireEvent.pointerDown(bar, { button: 0, pointerId: 1, clientX: 100, pointerType: 'mouse' });
    fireEvent.pointerMove(bar, { pointerId: 1, clientX: 100 + 30 * 5, pointerType: 'mouse' }); // Mon + 5 = Saturday
    fireEvent.pointerUp(bar, { pointerId: 1, clientX: 100 + 30 * 5, pointerType: 'mouse' });
    expect(onMove).toHaveBeenCalledWith('research', 7);
  });

  it('links two tasks from the keyboard: L, ↓ to the task that will wait, Enter', () => {
    const onLink = vi.fn();
    const { container } = render(<GanttChart rows={rows} links={links} label="Plan" onLink={onLink} />);
    const research = screen.getByRole('img', { name: /^Customer research:/ });
    fireEvent.keyDown(research, { key: 'l' });
    fireEvent.keyDown(research, { key: 'ArrowDown' });
    expect(container.querySelector('.is-link-target')?.getAttribute('data-task')).toBe('kickoff');
    fireEvent.keyDown(research, { key: 'ArrowDown' });
    fireEvent.keyDown(research, { key: 'Enter' });
    expect(onLink).toHaveBeenCalledWith('research', 'design');
  });

  it('selects a link by focus or click and removes it with Delete or its button', () => {
    const onUnlink = vi.fn();
    render(<GanttChart rows={rows} links={links} label="Plan" onUnlink={onUnlink} />);
    const link = screen.getByRole('button', { name: /^Link: Solution design depends on Kickoff meeting/ });
    fireEvent.focus(link);
    expect(link.getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(link, { key: 'Delete' });
    expect(onUnlink).toHaveBeenCalledWith('kickoff', 'design');
    fireEvent.click(screen.getByRole('button', { name: /^Link: Go-live depends on Solution design/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove link' }));
    expect(onUnlink).toHaveBeenLastCalledWith('design', 'go-live');
  });

  it('offers no handles, links to remove or moves without the callbacks (the playbook preview, a reader)', () => {
    const { container } = render(<GanttChart rows={rows} links={links} label="Plan" />);
    expect(container.querySelectorAll('.gantt-link-handle')).toHaveLength(0);
    expect(container.querySelectorAll('.gantt-link-item')).toHaveLength(0);
    expect(container.querySelectorAll('.is-draggable')).toHaveLength(0);
  });
});

it('does not drag a task already started: its start is what happened', () => {
  const { container } = render(<GanttChart rows={[row({ id: 'started', started: true }), row({ id: 'planned' })]} links={[]} label="Plan" onMove={() => {}} />);
  expect(container.querySelector('[data-task="started"]')?.getAttribute('class')).not.toContain('is-draggable');
  expect(container.querySelector('[data-task="planned"]')?.getAttribute('class')).toContain('is-draggable');
});

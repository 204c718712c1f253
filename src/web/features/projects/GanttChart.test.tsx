// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GanttChart, type GanttRow } from './GanttChart.tsx';

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

import { describe, expect, it } from 'vitest';
import { day0Consequence } from './Day0Dialog.tsx';

const task = (status: string) => ({ status }) as never;

describe('what a new day 0 moves, said before it is confirmed', () => {
  const project = { day0: '2026-03-02', tasks: [task('done'), task('in_progress'), task('not_started'), task('not_started'), task('not_started')] };

  it('says how far, what moves and what keeps its dates', () => {
    expect(day0Consequence(project, '2026-03-16')).toBe(
      'Day 0 moves 14 days later, from Mar 2, 2026 to Mar 16, 2026. 3 tasks not started move with it, baseline included, on business days; 2 started or done keep their dates. Nothing already done is lost, and the change is kept in the history.',
    );
    expect(day0Consequence({ ...project, tasks: [task('not_started')] }, '2026-03-01')).toMatch(/^Day 0 moves 1 day earlier.*1 task not started moves with it, baseline included, on business days\. Nothing/);
  });

  it('says nothing for the same day or a date being typed', () => {
    expect(day0Consequence(project, '2026-03-02')).toBeNull();
    expect(day0Consequence(project, '2026-0')).toBeNull();
    expect(day0Consequence(project, '')).toBeNull();
  });
});

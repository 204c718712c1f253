import { describe, expect, it } from 'vitest';
import type { ProjectEvent } from './projects.api.ts';
import { groupMoves, historyFilterOptions } from './HistoryTab.tsx';

let n = 0;
const line = (over: Partial<ProjectEvent>): ProjectEvent => ({
  id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  taskId: null,
  taskTitle: null,
  actorName: 'Maya Lopez',
  kind: 'changed',
  field: 'status',
  fromValue: 'todo',
  toValue: 'done',
  reason: null,
  category: 'status',
  groupId: null,
  createdAt: '2026-12-04T10:00:00.000Z',
  ...over,
});

describe('the history list', () => {
  it('folds a re-plan’s moves under the change made at the same moment, and keeps a nightly re-plan as one entry', () => {
    const cause = line({ taskId: 'a', taskTitle: 'Data extract', field: 'durationDays' });
    const moves = [1, 2, 3].map(() => line({ kind: 'projected', field: null, category: 'dates', groupId: 'g1' }));
    const nightly = [1, 2].map(() => line({ kind: 'projected', field: null, category: 'dates', groupId: 'g2', actorName: 'Nightly re-plan', createdAt: '2026-12-03T00:00:00.000Z' }));
    const groups = groupMoves([cause, ...moves, ...nightly]);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toEqual({ line: cause, moves });
    expect(groups[1]).toEqual({ line: nightly[0], moves: [nightly[1]] });
  });

  it('folds the moves under their change whatever order the lines of one instant arrive in', () => {
    const cause = line({ taskId: 'a', taskTitle: 'Configure', field: 'dependsOn', createdAt: '2026-12-04T11:00:00.000Z' });
    const moves = [1, 2].map(() => line({ kind: 'projected', field: null, category: 'dates', groupId: 'g3', createdAt: '2026-12-04T11:00:00.000Z' }));
    const earlier = line({ field: 'status' });
    expect(groupMoves([moves[0]!, moves[1]!, cause, earlier])).toEqual([
      { line: cause, moves },
      { line: earlier, moves: [] },
    ]);
  });

  it('offers only the kinds present, with their counts, and every person and task once', () => {
    const events = [line({ actorName: 'Zoe' }), line({ category: 'dates', taskId: 't', taskTitle: 'Kickoff' }), line({ category: 'dates', taskId: 't', taskTitle: 'Kickoff' })];
    const options = historyFilterOptions(events);
    expect(options.categories).toEqual([
      { value: 'dates', label: 'Dates (2)' },
      { value: 'status', label: 'Status (1)' },
    ]);
    expect(options.actors.map((option) => option.value)).toEqual(['Maya Lopez', 'Zoe']);
    expect(options.tasks).toEqual([{ value: 't', label: 'Kickoff' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { currentStage, projectFinished, type ProgressTask } from './progress.ts';

const stages = [{ key: 'mobilization' }, { key: 'build' }, { key: 'launch' }, { key: 'adoption' }];
const task = (stage: string, fields: Partial<ProgressTask> = {}): ProgressTask => ({ stage, status: 'not_started', durationDays: 2, ...fields });

describe('stage', () => {
  it('is the stage of the earliest unfinished task', () => {
    const tasks = [task('mobilization', { status: 'done', projectedStart: '2026-03-02' }), task('build', { projectedStart: '2026-03-04' }), task('launch', { projectedStart: '2026-03-09' })];
    expect(currentStage(stages, tasks)).toBe('build');
  });

  it('follows the milestones reached: go-live reached, the project is not in Mobilization though a kickoff task is open', () => {
    const tasks = [
      task('mobilization', { projectedStart: '2026-03-02' }),
      task('launch', { durationDays: 0, milestoneKind: 'go_live', status: 'done', projectedStart: '2026-03-20' }),
      task('adoption', { projectedStart: '2026-03-23' }),
    ];
    expect(currentStage(stages, tasks)).toBe('launch');
  });

  it('is the stage of the last milestone reached when everything is finished', () => {
    const tasks = [task('build', { status: 'done' }), task('launch', { durationDays: 0, milestoneKind: 'go_live', status: 'done' }), task('adoption', { status: 'skipped' })];
    expect(currentStage(stages, tasks)).toBe('launch');
  });
});

describe('finished', () => {
  it('is finished when onboarding complete is reached, even with optional work left open', () => {
    expect(projectFinished([task('adoption', { durationDays: 0, milestoneKind: 'onboarding_complete', status: 'done' }), task('adoption')])).toBe(true);
  });

  it('is finished when every task is done or skipped, and not before', () => {
    expect(projectFinished([task('build', { status: 'done' }), task('launch', { status: 'skipped' })])).toBe(true);
    expect(projectFinished([task('build', { status: 'done' }), task('launch', { status: 'in_progress' })])).toBe(false);
    expect(projectFinished([])).toBe(false);
  });
});

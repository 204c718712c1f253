import { describe, expect, it } from 'vitest';
import { historyCategory } from './categories.ts';

const line = (over: Partial<Parameters<typeof historyCategory>[0]>) => ({ kind: 'changed', field: null, actorName: 'Maya Lopez', actorContactId: null, ...over });

describe('history categories', () => {
  it('files the engine’s moves and hand-set dates under dates', () => {
    expect(historyCategory(line({ kind: 'projected' }))).toBe('dates');
    expect(historyCategory(line({ field: 'durationDays' }))).toBe('dates');
    expect(historyCategory(line({ field: 'pinnedStart' }))).toBe('dates');
  });

  it('files a status change, and the project’s lifecycle, under status', () => {
    expect(historyCategory(line({ field: 'status' }))).toBe('status');
    expect(historyCategory(line({ kind: 'status', field: 'status' }))).toBe('status');
  });

  it('files what a customer did under customer actions, whatever it changed', () => {
    expect(historyCategory(line({ field: 'status', actorContactId: '6f1d3c1e-0000-4000-8000-000000000001' }))).toBe('customer');
    expect(historyCategory(line({ kind: 'form_answered' }))).toBe('customer');
  });

  it('files the ladder’s and the cadences’ lines under escalation and mail', () => {
    expect(historyCategory(line({ kind: 'escalation' }))).toBe('escalation');
    expect(historyCategory(line({ field: 'status', actorName: 'Escalation ladder' }))).toBe('escalation');
    expect(historyCategory(line({ field: 'status', actorName: 'Cadences' }))).toBe('mail');
    expect(historyCategory(line({ kind: 'portal_invited' }))).toBe('mail');
  });

  it('keeps everything else under other changes', () => {
    expect(historyCategory(line({ field: 'title' }))).toBe('other');
    expect(historyCategory(line({ kind: 'task_added' }))).toBe('other');
  });
});

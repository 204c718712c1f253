// Reminder and escalation emails read as written by a person with any name missing.
import { describe, expect, it } from 'vitest';
import { readingProblems } from '../../../core/cadences/reading.ts';
import type { TaskReminder } from '../../../core/escalation/plan.ts';
import { renderContactDigest, renderManagerNotice } from './escalation.mail.ts';

const reminder = (overrides: Partial<TaskReminder> = {}): TaskReminder => ({
  projectId: 'p1',
  taskId: 't1',
  title: 'Upload your logo',
  dueOn: '2027-02-01',
  overdueDays: 0,
  kind: 'due_soon',
  contactId: 'c1',
  unassigned: false,
  key: 'k',
  ...overrides,
});

const bodyOf = (text: string) => text.split('\n-- \n')[0]!;

describe('reminder and escalation emails', () => {
  it.each([
    ['every field', { firstName: 'Cleo', accountName: 'Acme' }],
    ['no first name', { firstName: '', accountName: 'Acme' }],
    ['a blank first name', { firstName: '  ', accountName: 'Acme' }],
  ])('read right with %s', (_what, names) => {
    const digest = renderContactDigest({
      ...names,
      reminders: [{ projectName: 'Acme onboarding', items: [reminder(), reminder({ taskId: 't2', title: 'Invite your team', overdueDays: 3, kind: 'overdue' })] }],
      escalations: [{ projectName: 'Acme onboarding', role: 'champion', overdue: [{ taskId: 't3', title: 'Connect tools', dueOn: '2027-01-20', overdueDays: 10, assigneeContactId: null, assigneeName: null }] }],
      portalUrl: 'https://landfall.example/portal',
      signature: 'The Northwind onboarding team',
      unsubscribeUrl: 'https://landfall.example/u',
    });
    expect(readingProblems(digest.subject)).toEqual([]);
    expect(readingProblems(bodyOf(digest.text))).toEqual([]);
    const notice = renderManagerNotice(names.firstName, [
      { projectName: 'Acme onboarding', accountName: 'Acme', projectUrl: 'https://landfall.example/projects/p1', stalled: true, overdue: [{ taskId: 't3', title: 'Connect tools', dueOn: '2027-01-20', overdueDays: 10, assigneeContactId: null, assigneeName: null }], steps: [] },
    ]);
    expect(readingProblems(bodyOf(notice.text))).toEqual([]);
  });
});

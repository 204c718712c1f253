import { describe, expect, it } from 'vitest';
import { MONDAY_TO_FRIDAY, type BusinessCalendar } from '../calendar.ts';
import { planVendorLadder, vendorStepKey, type VendorLadderInput } from './vendor.ts';

const calendar: BusinessCalendar = { timeZone: 'America/Denver', workingWeekdays: MONDAY_TO_FRIDAY, holidays: ['2027-01-18'] };
const input = (overrides: Partial<VendorLadderInput> = {}): VendorLadderInput => ({
  today: '2027-01-20',
  calendar,
  quietDays: 5,
  teamLeadIds: ['lead'],
  fired: new Set(),
  projects: [{ id: 'p', active: true, ownerId: 'owner', lastActivityOn: '2027-01-19', tasks: [] }],
  ...overrides,
});
const project = (changes: object) => [{ id: 'p', active: true, ownerId: 'owner', lastActivityOn: '2027-01-19', tasks: [], ...changes }];

describe('the vendor ladder', () => {
  it('reminds the owner the first business day a vendor task is late, then tells the team lead three business days later', () => {
    const late = project({ tasks: [{ id: 't', title: 'Review the hand-off', dueOn: '2027-01-15' }] });
    // Due Friday; Monday is a holiday: late from Tuesday.
    const tuesday = planVendorLadder(input({ today: '2027-01-19', projects: late }));
    expect(tuesday.map((step) => [step.action, step.recipients])).toEqual([['remind_owner', ['owner']]]);
    expect(tuesday[0]!.overdue[0]).toMatchObject({ title: 'Review the hand-off', overdueDays: 1 });
    const fired = new Set([vendorStepKey('2027-01-19', 'remind_owner')]);
    expect(planVendorLadder(input({ today: '2027-01-21', projects: late, fired }))).toEqual([]);
    expect(planVendorLadder(input({ today: '2027-01-22', projects: late, fired })).map((step) => [step.action, step.recipients])).toEqual([['tell_team_lead', ['lead']]]);
  });

  it('chases a project where nobody did anything for the workspace’s number of business days', () => {
    const quiet = project({ lastActivityOn: '2027-01-11' });
    expect(planVendorLadder(input({ today: '2027-01-18', projects: quiet }))).toEqual([]); // a holiday: nothing is sent
    expect(planVendorLadder(input({ today: '2027-01-19', projects: quiet }))[0]).toMatchObject({ action: 'remind_owner', quietSince: '2027-01-11', overdue: [] });
    expect(planVendorLadder(input({ today: '2027-01-19', projects: project({ lastActivityOn: '2027-01-13' }) }))).toEqual([]);
  });

  it('says there is nobody to tell rather than skipping a step, and leaves paused projects alone', () => {
    const late = project({ ownerId: null, tasks: [{ id: 't', title: 'Kickoff', dueOn: '2027-01-08' }] });
    expect(planVendorLadder(input({ projects: late, teamLeadIds: [] })).map((step) => [step.action, step.recipients])).toEqual([
      ['remind_owner', []],
      ['tell_team_lead', []],
    ]);
    expect(planVendorLadder(input({ projects: project({ active: false, tasks: [{ id: 't', title: 'Kickoff', dueOn: '2027-01-08' }] }) }))).toEqual([]);
  });
});

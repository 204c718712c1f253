import { describe, expect, it } from 'vitest';
import { chooseAssignee, rankByRoom, regionOf, roomWords, type AssignmentRule } from './choose.ts';

const maya = { id: 'm1', name: 'Maya Chen', openProjects: 3 };
const omar = { id: 'm2', name: 'Omar Haddad', openProjects: 5 };
const rule = (over: Partial<AssignmentRule>): AssignmentRule => ({
  name: 'SMB deals → least loaded',
  role: 'onboarding_manager',
  match: { segments: ['smb'] },
  strategy: 'least_loaded',
  memberIds: ['m2', 'm1'],
  lastMemberId: null,
  ...over,
});
const smb = { segment: 'smb', product: 'Analytics', region: 'America' };

describe('chooseAssignee', () => {
  it('gives a project to the least loaded member of the first matching rule, and says why', () => {
    expect(chooseAssignee('onboarding_manager', [rule({})], smb, [maya, omar])).toEqual({
      memberId: 'm1',
      ruleIndex: 0,
      reason: "Assigned by rule 'SMB deals → least loaded': Maya Chen had 3 open projects",
    });
  });

  it('takes turns round-robin, starting again after the last member', () => {
    const turn = rule({ name: 'Turns', strategy: 'round_robin', memberIds: ['m1', 'm2'], lastMemberId: 'm2' });
    expect(chooseAssignee('onboarding_manager', [turn], smb, [maya, omar])).toMatchObject({ memberId: 'm1', reason: "Assigned by rule 'Turns': Maya Chen is next in turn, after Omar Haddad" });
  });

  it('skips rules of another role, segment, product or region', () => {
    const rules = [
      rule({ role: 'csm' }),
      rule({ match: { segments: ['enterprise'] } }),
      rule({ match: { products: ['Payroll'] } }),
      rule({ match: { regions: ['Europe'] } }),
      rule({ name: 'Americas', match: { regions: ['america'] }, memberIds: ['m2'] }),
    ];
    expect(chooseAssignee('onboarding_manager', rules, smb, [maya, omar])).toMatchObject({ memberId: 'm2', ruleIndex: 4 });
  });

  it('says nobody was assigned, and why, when no rule matches or its members are gone', () => {
    expect(chooseAssignee('onboarding_manager', [], smb, [maya])).toEqual({ memberId: null, ruleIndex: null, reason: 'Nobody assigned: no assignment rule matches this project' });
    expect(chooseAssignee('onboarding_manager', [rule({ memberIds: ['gone'] })], smb, [maya]).reason).toMatch(/none of its members/);
  });

  it('reads the region from the account timezone', () => {
    expect(regionOf('America/Denver')).toBe('America');
    expect(regionOf('UTC')).toBeNull();
  });
});

describe('most room', () => {
  const rule = { name: 'By room', role: 'onboarding_manager' as const, match: {}, strategy: 'most_room' as const, memberIds: ['a', 'b', 'c'], lastMemberId: null };
  const facts = { segment: 'smb', product: null, region: null };
  it('gives the project to the member with the most hours free, whatever their project count', () => {
    const choice = chooseAssignee('onboarding_manager', [rule], facts, [
      { id: 'a', name: 'Ann', openProjects: 1, roomHours: -6 },
      { id: 'b', name: 'Bea', openProjects: 5, roomHours: 40 },
      { id: 'c', name: 'Cal', openProjects: 2, roomHours: 12 },
    ]);
    expect(choice).toEqual({ memberId: 'b', ruleIndex: 0, reason: "Assigned by rule 'By room': Bea had 40 h free in the next weeks" });
  });
  it('ranks by room, then fewer open projects, then the order given', () => {
    const ranked = rankByRoom([
      { id: 'a', name: 'Ann', openProjects: 3, roomHours: 10 },
      { id: 'b', name: 'Bea', openProjects: 1, roomHours: 10 },
      { id: 'c', name: 'Cal', openProjects: 0, roomHours: -2 },
    ]);
    expect(ranked.map((c) => c.id)).toEqual(['b', 'a', 'c']);
    expect(roomWords(-2)).toBe('over-booked by 2 h');
  });
});

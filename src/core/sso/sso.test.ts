import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEMBER_ROLES } from '../people.ts';
import { domainAllowed, emailDomain, groupsFrom, roleForGroups, type RoleMapping } from './sso.ts';

describe('whose email may sign in', () => {
  it('compares the domain without case and refuses subdomains and look-alikes', () => {
    expect(emailDomain('Ann@Acme.COM')).toBe('acme.com');
    expect(emailDomain('no-at-sign')).toBeUndefined();
    expect(domainAllowed(['acme.com'], 'ann@ACME.com')).toBe(true);
    expect(domainAllowed(['acme.com'], 'ann@eu.acme.com')).toBe(false);
    expect(domainAllowed(['acme.com'], 'ann@acme.com.evil.test')).toBe(false);
    expect(domainAllowed(['acme.com'], 'acme.com@evil.test')).toBe(false);
  });
});

describe('group → role mapping', () => {
  const mappings: RoleMapping[] = [
    { group: 'Landfall Admins', role: 'admin' },
    { group: 'CS', role: 'csm' },
  ];

  it('gives the role of the first mapping whose group the person is in', () => {
    expect(roleForGroups(mappings, ['cs', 'landfall admins'])).toBe('admin');
    expect(roleForGroups(mappings, ['CS'])).toBe('csm');
    expect(roleForGroups(mappings, ['Sales'])).toBeUndefined();
  });

  it('reads a claim that is a list, one string or missing', () => {
    expect(groupsFrom(['a', 1, 'b'])).toEqual(['a', 'b']);
    expect(groupsFrom('a')).toEqual(['a']);
    expect(groupsFrom(undefined)).toEqual([]);
  });

  it('always answers a mapped role, and only when a group matches', () => {
    const mapping = fc.record({ group: fc.string({ minLength: 1 }), role: fc.constantFrom(...MEMBER_ROLES) });
    fc.assert(
      fc.property(fc.array(mapping), fc.array(fc.string()), (rules, groups) => {
        const role = roleForGroups(rules, groups);
        const matching = rules.filter((rule) => groups.some((group) => group.trim().toLowerCase() === rule.group.trim().toLowerCase()));
        expect(role).toBe(matching[0]?.role);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEMBER_ROLES } from '../people.ts';
import { ScimError } from './errors.ts';
import { equalitiesOf } from './filter.ts';
import { applyPatch } from './patch.ts';
import { canonicalResource, readGroup, readUser } from './resources.ts';
import { ROLE_PRECEDENCE, roleFromGroups } from './roles.ts';
import { GROUP_ATTRIBUTES, USER_ATTRIBUTES } from './schemas.ts';

const scimTypeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof ScimError) return `${error.status} ${error.scimType}`;
    throw error;
  }
  return 'no error';
};

const user = () =>
  canonicalResource(
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      UserName: 'ada@acme.test',
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      emails: [{ value: 'ada@acme.test', type: 'work', primary: true }],
      active: true,
      password: 'never kept',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Onboarding' },
    },
    USER_ATTRIBUTES,
  );

describe('SCIM filters', () => {
  const searchable = ['userName', 'externalId', 'emails.value'];
  it('reads eq and and, whatever the attribute case, as identity providers send them', () => {
    expect(equalitiesOf('userName eq "ada@acme.test"', searchable, USER_ATTRIBUTES)).toEqual([{ attribute: 'userName', value: 'ada@acme.test' }]);
    expect(equalitiesOf('externalId eq "00u1" and USERNAME eq "a b"', searchable, USER_ATTRIBUTES)).toEqual([
      { attribute: 'externalId', value: '00u1' },
      { attribute: 'userName', value: 'a b' },
    ]);
    expect(equalitiesOf('emails.value eq "x@y.z"', searchable, USER_ATTRIBUTES)).toEqual([{ attribute: 'emails.value', value: 'x@y.z' }]);
  });

  it('refuses what it cannot answer with invalidFilter', () => {
    for (const bad of ['userName eq', 'userName co "a"', 'title eq "x"', 'userName eq "a" or userName eq "b"', 'x'.repeat(2000), 'userName eq 3']) {
      expect(scimTypeOf(() => equalitiesOf(bad, searchable, USER_ATTRIBUTES)), bad).toBe('400 invalidFilter');
    }
    const deep = Array.from({ length: 30 }, (_, i) => `userName eq "${i}"`).join(' and ');
    expect(scimTypeOf(() => equalitiesOf(deep, searchable, USER_ATTRIBUTES))).toBe('400 invalidFilter');
  });
});

describe('SCIM PATCH', () => {
  it("applies Entra's capitalised ops with a path and string booleans", () => {
    const patched = applyPatch(user(), [{ op: 'Replace', path: 'active', value: 'False' }], USER_ATTRIBUTES);
    expect(readUser(patched).active).toBe(false);
  });

  it("applies Okta's replace without a path", () => {
    const patched = applyPatch(user(), [{ op: 'replace', value: { active: false, 'name.givenName': 'Augusta' } }], USER_ATTRIBUTES);
    expect(readUser(patched)).toMatchObject({ active: false, name: 'Augusta Lovelace' });
  });

  it('changes the element a value filter picks, and makes it when there is none', () => {
    const patched = applyPatch(user(), [{ op: 'replace', path: 'emails[type eq "work"].value', value: 'ada@new.test' }], USER_ATTRIBUTES);
    expect(patched.emails).toEqual([{ value: 'ada@new.test', type: 'work', primary: true }]);
    const home = applyPatch(user(), [{ op: 'add', path: 'emails[type eq "home"].value', value: 'ada@home.test' }], USER_ATTRIBUTES);
    expect(home.emails).toHaveLength(2);
    const extension = applyPatch(user(), [{ op: 'Add', path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', value: 'Success' }], USER_ATTRIBUTES);
    expect(extension['urn:ietf:params:scim:schemas:extension:enterprise:2.0:User']).toEqual({ department: 'Success' });
  });

  it('refuses an unknown path with invalidPath, and changes nothing when one operation of several is bad', () => {
    const before = user();
    expect(scimTypeOf(() => applyPatch(before, [{ op: 'replace', path: 'displayName', value: 'X' }, { op: 'replace', path: 'shoeSize', value: 44 }], USER_ATTRIBUTES))).toBe('400 invalidPath');
    expect(before.displayName).toBeUndefined();
    expect(scimTypeOf(() => applyPatch(before, [{ op: 'replace', path: 'name.shoeSize', value: 1 }], USER_ATTRIBUTES))).toBe('400 invalidPath');
    expect(scimTypeOf(() => applyPatch(before, [{ op: 'replace', path: 'urn:example:other:attr', value: 1 }], USER_ATTRIBUTES))).toBe('400 invalidPath');
    expect(scimTypeOf(() => applyPatch(before, [{ op: 'remove' }], USER_ATTRIBUTES))).toBe('400 noTarget');
    expect(scimTypeOf(() => applyPatch(before, [{ op: 'move', path: 'active' }], USER_ATTRIBUTES))).toBe('400 invalidSyntax');
    expect(scimTypeOf(() => applyPatch(before, [], USER_ATTRIBUTES))).toBe('400 invalidSyntax');
  });

  it('adds and removes group members the ways Okta and Entra do', () => {
    const group = canonicalResource({ displayName: 'Landfall Admins', members: [] }, GROUP_ATTRIBUTES);
    const a = '11111111-1111-4111-8111-111111111111';
    const b = '22222222-2222-4222-8222-222222222222';
    let patched = applyPatch(group, [{ op: 'add', path: 'members', value: [{ value: a }, { value: b }] }], GROUP_ATTRIBUTES);
    patched = applyPatch(patched, [{ op: 'Add', path: 'members', value: [{ value: a }] }], GROUP_ATTRIBUTES);
    expect(readGroup(patched).memberIds).toEqual([a, b]);
    expect(readGroup(applyPatch(patched, [{ op: 'remove', path: `members[value eq "${a}"]` }], GROUP_ATTRIBUTES)).memberIds).toEqual([b]);
    expect(readGroup(applyPatch(patched, [{ op: 'Remove', path: 'members', value: [{ value: b }] }], GROUP_ATTRIBUTES)).memberIds).toEqual([a]);
    expect(readGroup(applyPatch(patched, [{ op: 'replace', value: { displayName: 'Renamed' } }], GROUP_ATTRIBUTES)).displayName).toBe('Renamed');
  });
});

describe('roles from groups', () => {
  it('gives the most access of the mapped groups, and nothing when none is mapped', () => {
    expect(new Set(ROLE_PRECEDENCE)).toEqual(new Set(MEMBER_ROLES));
    const mapping = [
      { groupName: 'Landfall CSMs', role: 'csm' as const },
      { groupName: 'Landfall Admins', role: 'admin' as const },
    ];
    expect(roleFromGroups(['landfall csms', 'Landfall Admins'], mapping)).toBe('admin');
    expect(roleFromGroups(['Everyone'], mapping)).toBeUndefined();
    fc.assert(
      fc.property(fc.subarray(mapping.map((m) => m.groupName)), (groups) => {
        const role = roleFromGroups(groups, mapping);
        return groups.length === 0 ? role === undefined : mapping.some((m) => m.role === role && groups.includes(m.groupName));
      }),
    );
  });
});

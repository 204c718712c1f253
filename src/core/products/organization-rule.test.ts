import { describe, expect, it } from 'vitest';
import { suggestMode } from './organization-rule.ts';

const rule = { separateFromUsers: 50, separateTypes: ['subsidiary'], separateComplexities: ['high'] };

describe('the new-organization rule', () => {
  it('suggests a separate implementation by size, type or complexity, else users only', () => {
    expect(suggestMode(rule, { users: 80, type: 'department', complexity: 'low' }).mode).toBe('project');
    expect(suggestMode(rule, { users: 5, type: 'subsidiary', complexity: 'low' })).toEqual({ mode: 'project', because: 'a subsidiary gets its own implementation in this workspace' });
    expect(suggestMode(rule, { users: 5, type: 'region', complexity: 'high' }).mode).toBe('project');
    expect(suggestMode(rule, { users: 12, type: 'department', complexity: 'moderate' })).toEqual({
      mode: 'users_only',
      because: '12 users in a department: its users join the existing implementation',
    });
  });
});

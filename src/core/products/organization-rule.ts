// The workspace's rule for a new organization (department, subsidiary, region) of an existing account: a separate
// implementation (its own project) or its users onboarded to the implementation the account has.

export interface OrganizationRule {
  separateFromUsers: number;
  separateTypes: readonly string[];
  separateComplexities: readonly string[];
}

export interface NewOrganization {
  users: number;
  type: string;
  /** The account's complexity (high, moderate, low). */
  complexity: string;
}

export function suggestMode(rule: OrganizationRule, org: NewOrganization): { mode: 'project' | 'users_only'; because: string } {
  if (org.users >= rule.separateFromUsers) return { mode: 'project', because: `${org.users} users: from ${rule.separateFromUsers} users the workspace implements separately` };
  if (rule.separateTypes.includes(org.type)) return { mode: 'project', because: `a ${org.type} gets its own implementation in this workspace` };
  if (rule.separateComplexities.includes(org.complexity)) return { mode: 'project', because: `the account's complexity is ${org.complexity}` };
  return { mode: 'users_only', because: `${org.users} users in a ${org.type}: its users join the existing implementation` };
}

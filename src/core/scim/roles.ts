// Groups drive roles: the workspace maps an identity provider's group names to Landfall roles.
import type { MemberRole } from '../people.ts';

/** From most to least access: a member in several mapped groups gets the first of these among them. */
export const ROLE_PRECEDENCE: readonly MemberRole[] = ['admin', 'onboarding_manager', 'implementation_manager', 'csm', 'sales', 'education', 'leader'];

/**
 * The role a member's groups give them, or undefined when none of their groups is mapped (their role is then left as
 * it is: set by hand, or at provisioning). Group names match whatever their case.
 */
export function roleFromGroups(groupNames: readonly string[], mapping: readonly { groupName: string; role: MemberRole }[]): MemberRole | undefined {
  const names = new Set(groupNames.map((name) => name.trim().toLowerCase()));
  const roles = new Set(mapping.filter((m) => names.has(m.groupName.trim().toLowerCase())).map((m) => m.role));
  return ROLE_PRECEDENCE.find((role) => roles.has(role));
}

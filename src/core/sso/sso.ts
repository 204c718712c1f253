// Single sign-on rules that need no I/O: whose email may come in, and which role a person's groups give them.
import type { MemberRole } from '../people.ts';

export interface RoleMapping {
  group: string;
  role: MemberRole;
}

/** The domain of an email address, lower case ("ann@Acme.com" → "acme.com"); undefined when there is none. */
export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return undefined;
  return email.slice(at + 1).trim().toLowerCase();
}

/** Whether the address belongs to one of the allowed domains (exactly: a subdomain is a domain of its own). */
export function domainAllowed(allowedDomains: readonly string[], email: string): boolean {
  const domain = emailDomain(email);
  return domain !== undefined && allowedDomains.includes(domain);
}

/**
 * The role a person's groups give them: the first mapping (in the workspace's order) whose group they are in,
 * compared without regard to case; undefined when none matches, so the caller decides (default role, or keep).
 */
export function roleForGroups(mappings: readonly RoleMapping[], groups: readonly string[]): MemberRole | undefined {
  const held = new Set(groups.map((group) => group.trim().toLowerCase()));
  return mappings.find((mapping) => held.has(mapping.group.trim().toLowerCase()))?.role;
}

/** The groups a claim holds, whatever shape the identity provider sent: a list, one string, or nothing. */
export function groupsFrom(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (Array.isArray(claim)) return claim.filter((group): group is string => typeof group === 'string');
  return [];
}

// Who a rule, a path or a webinar is for. Every facet that lists something must match; an empty facet matches
// anyone. The server runs the same test as one SQL join over every contact (academy enrolment repo); this is the
// rule written once, for one contact, and the test the SQL is checked against.

export interface AudienceFacets {
  roles: readonly string[];
  segments: readonly string[];
  products: readonly string[];
  modules: readonly string[];
  organizationIds: readonly string[];
  stages: readonly string[];
}

export interface LearnerFacts {
  role: string;
  segment: string;
  /** The account's products. */
  products: readonly string[];
  /** The modules the contact uses. */
  modules: readonly string[];
  organizationId: string | null;
  stage: string;
  /** Contacts who left are nobody's audience. */
  left: boolean;
}

const overlaps = (a: readonly string[], b: readonly string[]) => a.some((item) => b.includes(item));

export function matchesAudience(audience: AudienceFacets, learner: LearnerFacts): boolean {
  if (learner.left) return false;
  if (audience.roles.length > 0 && !audience.roles.includes(learner.role)) return false;
  if (audience.segments.length > 0 && !audience.segments.includes(learner.segment)) return false;
  if (audience.products.length > 0 && !overlaps(audience.products, learner.products)) return false;
  if (audience.modules.length > 0 && !overlaps(audience.modules, learner.modules)) return false;
  if (audience.organizationIds.length > 0 && (learner.organizationId === null || !audience.organizationIds.includes(learner.organizationId))) return false;
  if (audience.stages.length > 0 && !audience.stages.includes(learner.stage)) return false;
  return true;
}

/**
 * Whom a release concerns: current contacts of accounts that have its product and, when it names modules, who use
 * one of them. A release of no modules goes to every user of the product.
 */
export function releaseReaches(release: { product: string; modules: readonly string[] }, learner: LearnerFacts): boolean {
  if (learner.left || !learner.products.includes(release.product)) return false;
  return release.modules.length === 0 || overlaps(release.modules, learner.modules);
}

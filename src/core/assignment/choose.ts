// Who takes a new project: the workspace's rules, tried in order; the first whose conditions all hold picks one of
// its members, round-robin or the least loaded (fewest open projects). The answer always says why, in words a
// manager reads on the project ("Assigned by rule 'SMB deals → least loaded': Maya Chen had 3 open projects").
// Most room: the member with the most hours free over the next weeks (core/capacity), whatever their project count.

export const ASSIGNED_ROLES = ['onboarding_manager', 'implementation_manager', 'csm'] as const;
export type AssignedRole = (typeof ASSIGNED_ROLES)[number];
export const ASSIGNMENT_STRATEGIES = ['round_robin', 'least_loaded', 'most_room'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

export interface AssignmentRule {
  name: string;
  role: AssignedRole;
  /** Every list given must contain the project's value; an empty or missing list matches anything. */
  match: { segments?: string[] | undefined; products?: string[] | undefined; regions?: string[] | undefined };
  strategy: AssignmentStrategy;
  memberIds: string[];
  /** Round-robin: the member the rule gave the previous project. */
  lastMemberId: string | null;
}

export interface ProjectFacts {
  segment: string;
  product: string | null;
  /** The account's region: the first part of its timezone (America, Europe, Asia…). */
  region: string | null;
}

export interface Candidate {
  id: string;
  name: string;
  /** Open (active or paused) projects the member manages now. */
  openProjects: number;
  /** Hours free over the next weeks (available less booked and coming); negative when over-booked. */
  roomHours?: number | undefined;
}

export type Choice =
  | { memberId: string; ruleIndex: number; reason: string }
  | { memberId: null; ruleIndex: number | null; reason: string };

/** The region of a timezone name: "America/Denver" → "America"; UTC and unknowns have none. */
export const regionOf = (timezone: string | null | undefined): string | null => {
  const [area, city] = (timezone ?? '').split('/');
  return area && city ? area : null;
};

const holds = (values: string[] | undefined, value: string | null) =>
  !values || values.length === 0 || (value !== null && values.some((v) => v.toLowerCase() === value.toLowerCase()));

export const ruleMatches = (rule: AssignmentRule, project: ProjectFacts) =>
  holds(rule.match.segments, project.segment) && holds(rule.match.products, project.product) && holds(rule.match.regions, project.region);

const plural = (n: number) => `${n} open project${n === 1 ? '' : 's'}`;

/**
 * Chooses the member for one role. `candidates` are the workspace's current members who may take it (removed
 * members are absent, so a rule naming only them finds nobody and says so).
 */
export function chooseAssignee(role: AssignedRole, rules: AssignmentRule[], project: ProjectFacts, candidates: Candidate[]): Choice {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  let emptyRule: number | null = null;
  for (const [index, rule] of rules.entries()) {
    if (rule.role !== role || !ruleMatches(rule, project)) continue;
    const pool = rule.memberIds.map((id) => byId.get(id)).filter((c): c is Candidate => Boolean(c));
    if (pool.length === 0) {
      emptyRule ??= index;
      continue;
    }
    if (rule.strategy === 'most_room') {
      const chosen = rankByRoom(pool)[0]!;
      return { memberId: chosen.id, ruleIndex: index, reason: `Assigned by rule '${rule.name}': ${chosen.name} had ${roomWords(chosen.roomHours ?? 0)}` };
    }
    if (rule.strategy === 'least_loaded') {
      // Ties go to the member listed first, so the rule's order is the tie-break a person can see.
      const chosen = pool.reduce((best, c) => (c.openProjects < best.openProjects ? c : best));
      return { memberId: chosen.id, ruleIndex: index, reason: `Assigned by rule '${rule.name}': ${chosen.name} had ${plural(chosen.openProjects)}` };
    }
    const last = pool.findIndex((c) => c.id === rule.lastMemberId);
    const chosen = pool[(last + 1) % pool.length]!;
    const after = last >= 0 ? `, after ${pool[last]!.name}` : '';
    return { memberId: chosen.id, ruleIndex: index, reason: `Assigned by rule '${rule.name}': ${chosen.name} is next in turn${after}` };
  }
  if (emptyRule !== null) {
    return { memberId: null, ruleIndex: emptyRule, reason: `Nobody assigned: rule '${rules[emptyRule]!.name}' matches but none of its members is in the workspace any more` };
  }
  return { memberId: null, ruleIndex: null, reason: 'Nobody assigned: no assignment rule matches this project' };
}

/** "32 h free in the next 4 weeks", or "over-booked by 6 h". */
export const roomWords = (hours: number) => (hours >= 0 ? `${Math.round(hours)} h free in the next weeks` : `over-booked by ${Math.round(-hours)} h`);

/** Candidates with the most room first; ties by fewer open projects, then the order given (stable). */
export function rankByRoom<C extends Candidate>(candidates: readonly C[]): C[] {
  return candidates.toSorted((a, b) => (b.roomHours ?? 0) - (a.roomHours ?? 0) || a.openProjects - b.openProjects);
}

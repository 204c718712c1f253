// The maturity model of a product: ordered stages, each with criteria. Where an account (or one of its users)
// stands is a pure function of the facts known now — who the current users are, which paths they completed,
// which outcomes were verified, which modules are in use, the usage figures posted — whatever order they were
// recorded in.

export interface StageCriteria {
  /** Each path completed by at least this share (0–100) of the account's current users. */
  paths: { pathId: string; percent: number }[];
  /** At least this many success-plan outcomes verified by the customer (account level). */
  outcomesVerified: number;
  /** Every one of these modules in use by at least one current user. */
  modules: string[];
  /** The latest posted value of each metric at least this figure (account level). */
  usage: { metric: string; atLeast: number }[];
}

export interface StageDefinition {
  key: string;
  name: string;
  criteria: StageCriteria;
}

export type MaturityFact =
  | { kind: 'user'; contactId: string }
  | { kind: 'path_completed'; contactId: string; pathId: string }
  | { kind: 'outcome_verified'; outcomeId: string }
  | { kind: 'module_used'; contactId: string; module: string }
  | { kind: 'usage'; metric: string; value: number; at: string };

/** Account: every criterion. User: what one person can meet (their paths, their modules); account-level criteria do not apply. */
export type MaturityScope = 'account' | 'user';

export interface StageStanding {
  /** The index of the highest stage reached in order (-1: not even the first). */
  index: number;
  key: string | null;
  /** What the next stage still needs, in words (empty when the last stage is reached). */
  next: string[];
}

interface Summary {
  users: Set<string>;
  completed: Map<string, Set<string>>;
  outcomes: Set<string>;
  modules: Set<string>;
  usage: Map<string, { value: number; at: number }>;
}

function summarize(facts: readonly MaturityFact[]): Summary {
  const users = new Set<string>();
  for (const fact of facts) if (fact.kind === 'user') users.add(fact.contactId);
  const summary: Summary = { users, completed: new Map(), outcomes: new Set(), modules: new Set(), usage: new Map() };
  for (const fact of facts) {
    if (fact.kind === 'path_completed' && users.has(fact.contactId)) {
      const who = summary.completed.get(fact.pathId) ?? new Set<string>();
      who.add(fact.contactId);
      summary.completed.set(fact.pathId, who);
    } else if (fact.kind === 'outcome_verified') summary.outcomes.add(fact.outcomeId);
    else if (fact.kind === 'module_used' && users.has(fact.contactId)) summary.modules.add(fact.module.toLowerCase());
    else if (fact.kind === 'usage') {
      const at = Date.parse(fact.at);
      const known = summary.usage.get(fact.metric);
      // The latest figure counts; two posted for the same moment: the higher (so the order of arrival never matters).
      if (!known || at > known.at || (at === known.at && fact.value > known.value)) summary.usage.set(fact.metric, { value: fact.value, at });
    }
  }
  return summary;
}

/** What a stage still needs, in words; empty when it is met. */
export function unmetCriteria(criteria: StageCriteria, summary: Summary, scope: MaturityScope, pathTitle: (id: string) => string = (id) => id): string[] {
  const missing: string[] = [];
  const users = summary.users.size;
  for (const { pathId, percent } of criteria.paths) {
    const done = summary.completed.get(pathId)?.size ?? 0;
    const share = users === 0 ? 0 : (done * 100) / users;
    if (share < percent) missing.push(`${pathTitle(pathId)} completed by ${percent}% of users (now ${Math.floor(share)}%)`);
  }
  for (const module of criteria.modules) if (!summary.modules.has(module.toLowerCase())) missing.push(`${module} in use`);
  if (scope === 'account') {
    if (summary.outcomes.size < criteria.outcomesVerified) missing.push(`${criteria.outcomesVerified} outcomes verified (now ${summary.outcomes.size})`);
    for (const { metric, atLeast } of criteria.usage) {
      const latest = summary.usage.get(metric);
      if (!latest || latest.value < atLeast) missing.push(`${metric} at least ${atLeast} (now ${latest ? latest.value : 'not posted'})`);
    }
  }
  return missing;
}

/** The stage reached: stages count in order, so a stage is reached only when every stage before it is too. */
export function stageOf(stages: readonly StageDefinition[], facts: readonly MaturityFact[], scope: MaturityScope, pathTitle?: (id: string) => string): StageStanding {
  const summary = summarize(facts);
  let index = -1;
  for (const stage of stages) {
    const missing = unmetCriteria(stage.criteria, summary, scope, pathTitle);
    if (missing.length > 0) return { index, key: index >= 0 ? stages[index]!.key : null, next: missing.map((m) => `${stage.name}: ${m}`) };
    index += 1;
  }
  return { index, key: index >= 0 ? stages[index]!.key : null, next: [] };
}

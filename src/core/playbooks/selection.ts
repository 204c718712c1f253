// Which playbook fits an account. The segment decides the touch model, so a playbook made for other
// segments is not a match and is left out; complexity and products only move a playbook up or down.
//
// Score out of 100: segment 40, complexity 36, products 24. A rule that names exactly the account's value
// earns the full weight, a broader rule less, and an empty rule ("any") the same as one naming every value,
// so a playbook written for this kind of account beats a generic one. A rule that names other values earns 0.
import { COMPLEXITIES, SEGMENTS, type Complexity, type Segment } from '../people.ts';
import type { PlaybookDefinition } from './definition.ts';

export interface AccountProfile {
  segment: Segment;
  complexity: Complexity;
  products: readonly string[];
}

export interface PlaybookCandidate {
  id: string;
  definition: PlaybookDefinition;
}

export interface PlaybookMatch {
  id: string;
  score: number;
  /** Why it fits or not, for a person choosing: "fits enterprise", "covers Analytics". */
  reasons: string[];
}

const SEGMENT_WEIGHT = 40;
const COMPLEXITY_WEIGHT = 36;
const PRODUCT_WEIGHT = 24;

const SEGMENT_WORDS: Record<Segment, string> = { enterprise: 'enterprise', mid_market: 'mid-market', smb: 'SMB' };

const listOf = (words: readonly string[], conjunction: 'and' | 'or'): string =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;

/** Full weight for a rule naming only the value, half for "any" (or naming all of `universe`), linear between. */
function specificity(listed: number, universe: number, weight: number): number {
  if (listed === 0 || universe <= 1) return weight / 2;
  const narrowness = (universe - Math.min(listed, universe)) / (universe - 1);
  return weight / 2 + (weight / 2) * narrowness;
}

function rate(account: AccountProfile, definition: PlaybookDefinition): { score: number; reasons: string[] } | null {
  const { segments, complexities, products } = definition.selection;
  const reasons: string[] = [];
  let score = 0;

  if (segments.length > 0 && !segments.includes(account.segment)) return null;
  score += specificity(segments.length, SEGMENTS.length, SEGMENT_WEIGHT);
  reasons.push(segments.length > 0 ? `fits ${SEGMENT_WORDS[account.segment]}` : 'for any segment');

  if (complexities.length === 0) {
    score += specificity(0, COMPLEXITIES.length, COMPLEXITY_WEIGHT);
    reasons.push('for any complexity');
  } else if (complexities.includes(account.complexity)) {
    score += specificity(complexities.length, COMPLEXITIES.length, COMPLEXITY_WEIGHT);
    reasons.push(`built for ${listOf(complexities, 'or')} complexity`);
  } else {
    reasons.push(`built for ${listOf(complexities, 'or')} complexity, not ${account.complexity}`);
  }

  const bought = products.filter((product) => account.products.includes(product));
  if (products.length === 0) {
    score += PRODUCT_WEIGHT / 2;
  } else if (bought.length > 0) {
    score += PRODUCT_WEIGHT;
    reasons.push(`covers ${listOf(bought, 'and')}`);
  } else {
    reasons.push(`made for ${listOf(products, 'or')}, not bought`);
  }

  return { score: Math.round(score), reasons };
}

/**
 * Playbooks that fit the account, best first. Playbooks made only for other segments are left out.
 * Equal scores go to the smaller id, so the order never depends on the order of the input.
 */
export function rankPlaybooks(account: AccountProfile, playbooks: readonly PlaybookCandidate[]): PlaybookMatch[] {
  const matches: PlaybookMatch[] = [];
  for (const { id, definition } of playbooks) {
    const rating = rate(account, definition);
    if (rating) matches.push({ id, ...rating });
  }
  return matches.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The playbook to propose for a new project, or undefined when none is made for the account's segment. */
export function proposePlaybook(
  account: AccountProfile,
  playbooks: readonly PlaybookCandidate[],
): PlaybookMatch | undefined {
  return rankPlaybooks(account, playbooks)[0];
}

// When the customer is asked to sign off a deliverable, and whether a typed name is the signer's own. Pure.
//
// A deliverable that needs approval asks for the customer's sign-off only when it is ready: its work is done, or the
// vendor submitted it for sign-off and nobody rejected it since. A rejection sends it back until the vendor submits
// it again. A sign-off is the signed-in contact's: the name they type must be their own name on record.

export type SignOffState =
  /** The task does not ask for a sign-off. */
  | 'none'
  /** It will, once the work is done or submitted. */
  | 'not_ready'
  /** The customer is asked now. */
  | 'waiting'
  | 'approved'
  | 'rejected';

export interface SignOffFacts {
  needsApproval: boolean;
  status: string;
  /** When the vendor submitted it for sign-off, oldest first. */
  requestedAt: readonly Date[];
  /** The customer's decisions, oldest first. */
  decisions: readonly { decision: 'approved' | 'rejected'; at: Date }[];
}

export function signOffState(facts: SignOffFacts): SignOffState {
  if (!facts.needsApproval) return 'none';
  const last = facts.decisions.at(-1);
  const lastRequest = facts.requestedAt.at(-1);
  if (last?.decision === 'approved') return 'approved';
  const submittedSince = lastRequest !== undefined && (!last || lastRequest.getTime() > last.at.getTime());
  if (submittedSince || (facts.status === 'done' && !last)) return 'waiting';
  if (last?.decision === 'rejected') return 'rejected';
  return 'not_ready';
}

/** Letters only, in one case, without accents: "  josé  GARCÍA-lópez " and "Jose Garcia Lopez" are one name. */
const nameKey = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether the name typed to sign is the signer's own name. */
export const isOwnName = (typed: string, own: string) => nameKey(typed) !== '' && nameKey(typed) === nameKey(own);

// The account's LAER stage from signals that can be checked, first match wins:
//   Renew  – the renewal date is within 90 days (or passed less than 30 days ago);
//   Expand – live, and a second product, organization or project came after the first went live, or licensed
//            seats grew;
//   Adopt  – live: a go-live milestone reached or a project finished (Adopt lasts until an outcome is verified and
//            usage is posted; the account stays in Adopt after that until it expands or renews);
//   Land   – otherwise (contract signed, not live yet).
export const LAER_SIGNAL_RULES = [
  { stage: 'renew', rule: 'Renewal date within 90 days (or passed less than 30 days ago)' },
  { stage: 'expand', rule: 'Live, and a new product, organization or project after the first go-live, or licensed seats grew' },
  { stage: 'adopt', rule: 'A go-live milestone reached or a project finished' },
  { stage: 'land', rule: 'Contract signed, nothing live yet' },
] as const;

export type LaerStageName = 'land' | 'adopt' | 'expand' | 'renew';

export interface LaerSignals {
  live: boolean;
  expanded: boolean;
  daysToRenewal: number | null;
}

export function laerStageOf({ live, expanded, daysToRenewal }: LaerSignals): LaerStageName {
  if (daysToRenewal !== null && daysToRenewal <= 90 && daysToRenewal > -30) return 'renew';
  if (live && expanded) return 'expand';
  if (live) return 'adopt';
  return 'land';
}

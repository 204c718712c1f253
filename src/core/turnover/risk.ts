// Which departures put an account at risk, and what a turnover playbook asks for.
import type { ContactRole } from '../people.ts';

/** The roles whose departure is a risk to the account, and the kind of risk each raises. */
export const KEY_ROLE_RISKS: Partial<Record<ContactRole, RiskKind>> = {
  champion: 'champion_left',
  executive_sponsor: 'sponsor_left',
  admin: 'admin_left',
  super_user: 'super_user_left',
};

export const RISK_KINDS = ['champion_left', 'sponsor_left', 'admin_left', 'super_user_left'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

export const RISK_KIND_LABELS: Record<RiskKind, string> = {
  champion_left: 'Champion left',
  sponsor_left: 'Executive sponsor left',
  admin_left: 'Admin left',
  super_user_left: 'Super-user left',
};

export const riskKindFor = (role: string): RiskKind | undefined => KEY_ROLE_RISKS[role as ContactRole];

/** The turnover playbook: three steps, done in this order most of the time. */
export const TURNOVER_STEPS = [
  { key: 'name_successor', title: 'Name a successor' },
  { key: 'hand_over', title: 'Hand over open tasks and outcomes' },
  { key: 'realign_sponsor', title: 'Re-align the executive sponsor' },
] as const;
export type TurnoverStepKey = (typeof TURNOVER_STEPS)[number]['key'];

/**
 * Who takes the open customer tasks of someone who left, at once: the named successor, else the account's current
 * champion, else its project lead, else its admin, else any current executive sponsor. Never the person who left.
 */
export function heirOf(
  leaverId: string,
  successorId: string | null,
  current: readonly { id: string; role: string }[],
): string | null {
  if (successorId && successorId !== leaverId && current.some((c) => c.id === successorId)) return successorId;
  for (const role of ['champion', 'project_lead', 'admin', 'executive_sponsor'] as const) {
    const found = current.find((c) => c.role === role && c.id !== leaverId);
    if (found) return found.id;
  }
  return null;
}

// Renewal risk, explained in three parts that add up (0–100): how unhealthy the account is (up to 60), how many key
// people (champion, executive sponsor, admin) left in the last twelve months (20 each, up to 40), and how soon the
// renewal is, which scales the whole (within 90 days ×1, within 180 days ×0.8, later or unknown ×0.6). An account
// with no health score counts as half unhealthy. Low under 35, medium under 60, high from 60.

export type RenewalRiskLevel = 'low' | 'medium' | 'high';

export interface RenewalRiskInput {
  health: number | null;
  daysToRenewal: number | null;
  keyContactsLeft: number;
}

export interface RenewalRisk {
  level: RenewalRiskLevel;
  points: number;
  parts: { health: number; turnover: number; urgency: number };
  reasons: string[];
}

export const KEY_CONTACT_ROLES = ['champion', 'executive_sponsor', 'admin'] as const;

export function renewalRisk({ health, daysToRenewal, keyContactsLeft }: RenewalRiskInput): RenewalRisk {
  const healthPart = ((100 - (health ?? 50)) / 100) * 60;
  const turnoverPart = Math.min(40, Math.max(0, keyContactsLeft) * 20);
  const urgency = daysToRenewal === null ? 0.6 : daysToRenewal <= 90 ? 1 : daysToRenewal <= 180 ? 0.8 : 0.6;
  const points = Math.round(Math.min(100, (healthPart + turnoverPart) * urgency));
  const reasons = [
    health === null ? 'No health score yet: counted as half unhealthy' : `Health ${health} of 100`,
    keyContactsLeft === 0
      ? 'No key contact left in the last 12 months'
      : `${keyContactsLeft} key contact${keyContactsLeft === 1 ? '' : 's'} (champion, sponsor or admin) left in the last 12 months`,
    daysToRenewal === null
      ? 'No renewal date'
      : daysToRenewal < 0
        ? `Renewal date passed ${-daysToRenewal} days ago`
        : `Renewal in ${daysToRenewal} days`,
  ];
  return {
    level: points >= 60 ? 'high' : points >= 35 ? 'medium' : 'low',
    points,
    parts: { health: Math.round(healthPart), turnover: turnoverPart, urgency },
    reasons,
  };
}

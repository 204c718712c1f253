// People of an account over time: who is there, who joined and left, the risks a key departure raised, and the
// account's lifecycle. Shape: GET /accounts/:id/people answers { figures, people, risks, timeline } in one call
// (the account page's People tab); a risk is resolved by naming a successor or by hand.
import { z } from 'zod';
import { RISK_KINDS } from '../core/turnover/risk.ts';
import { ContactRole } from './contacts.ts';
import { IsoDate } from './common.ts';

export const RiskKind = z.enum(RISK_KINDS);

export const RiskStep = z.object({ key: z.string(), title: z.string(), doneAt: z.iso.datetime().nullable() });

export const AccountRisk = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  kind: RiskKind,
  contactId: z.uuid(),
  contactName: z.string(),
  role: ContactRole,
  leftOn: IsoDate,
  /** What they owned when they left: open customer tasks, success metrics and their outcomes, trainees (null: not recorded). */
  owned: z.object({ openTasks: z.number().int(), metrics: z.number().int(), outcomes: z.number().int(), trainees: z.number().int().nullable() }),
  steps: z.array(RiskStep),
  successorContactId: z.uuid().nullable(),
  successorName: z.string().nullable(),
  status: z.enum(['open', 'resolved']),
  resolution: z.string().nullable(),
  raisedAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
});
export type AccountRisk = z.infer<typeof AccountRisk>;

export const AccountPerson = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  title: z.string().nullable(),
  role: ContactRole,
  joinedOn: IsoDate.nullable(),
  leftOn: IsoDate.nullable(),
  modules: z.array(z.string()),
  current: z.boolean(),
});
export type AccountPerson = z.infer<typeof AccountPerson>;

export const TimelineItem = z.object({
  on: z.iso.datetime(),
  /** project_started, project_live, person_joined, person_left, risk_raised, risk_resolved (others may add kinds). */
  kind: z.string(),
  text: z.string(),
  /** Where it leads in the app (a project, …), when there is a page for it. */
  href: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const PeopleFigures = z.object({
  currentUsers: z.number().int(),
  leftLast365Days: z.number().int(),
  averageHeadcount: z.number(),
  /**
   * Annual turnover: contacts who left in the 365 days ending today / the average, over those days, of each day's
   * headcount (joined by that day and not left yet). A fraction (0.13 = 13 % a year); null with nobody on the account.
   */
  annualTurnoverRate: z.number().nullable(),
  openRisks: z.number().int(),
});

export const AccountPeople = z.object({
  figures: PeopleFigures,
  people: z.array(AccountPerson),
  risks: z.array(AccountRisk),
  timeline: z.array(TimelineItem),
});
export type AccountPeople = z.infer<typeof AccountPeople>;

export const RiskParams = z.object({
  id: z.uuid({ message: 'must be an id (a UUID)' }),
  riskId: z.uuid({ message: 'must be an id (a UUID)' }),
});

export const SuccessorInput = z.object({ contactId: z.uuid({ message: 'must be a contact id' }) });
export type SuccessorInput = z.infer<typeof SuccessorInput>;

export const RiskResolution = z.object({ reason: z.string().trim().min(1, { message: 'say how the risk was dealt with' }).max(500) });
export type RiskResolution = z.infer<typeof RiskResolution>;

/** The portal: a champion or admin marks a colleague as left, or a contact says they left themselves. */
export const PortalLeftInput = z.object({ leftOn: IsoDate.optional() });
export type PortalLeftInput = z.infer<typeof PortalLeftInput>;

export const PortalColleague = z.object({ id: z.uuid(), name: z.string(), role: ContactRole, joinedOn: IsoDate.nullable() });
export type PortalColleague = z.infer<typeof PortalColleague>;

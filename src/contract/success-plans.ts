import { z } from 'zod';
import { CADENCE_FREQUENCIES, METRIC_DIRECTIONS } from '../core/success-plans/scorecard.ts';
import { SUMMARY_MILESTONES } from '../core/success-plans/summary.ts';
import { IsoDate, patchOf } from './common.ts';

const Text = (max: number) => z.string().trim().min(1, { message: 'is required' }).max(max);
const Note = z.string().trim().max(2000);

export const CadenceEntry = z.object({
  /** Names or roles, either side: "Olivia (onboarding manager)", "the champion". */
  who: Text(200),
  meetsWhom: Text(200),
  frequency: z.enum(CADENCE_FREQUENCIES),
  /** "Video call", "On site", "Email update"… */
  channel: Text(120),
});
export type CadenceEntry = z.infer<typeof CadenceEntry>;

export const PlanInput = z
  .object({
    goals: z.array(Text(500)).max(20),
    executiveSponsorContactId: z.uuid({ message: 'must be a contact id' }).nullable(),
    communicationCadence: z.array(CadenceEntry).max(20),
  })
  .partial()
  .refine((input) => Object.keys(input).length > 0, { message: 'send at least one of goals, executiveSponsorContactId, communicationCadence' });
export type PlanInput = z.infer<typeof PlanInput>;

export const OutcomeInput = z.object({ statement: Text(1000) });
export type OutcomeInput = z.infer<typeof OutcomeInput>;

export const MetricOwnerInput = z.object({ kind: z.enum(['member', 'contact']), id: z.uuid({ message: 'must be an id (a UUID)' }) });

const Measure = z.number({ message: 'must be a number' }).finite().min(-1e12).max(1e12);

const MetricFields = z.object({
  name: Text(200),
  /** "%", "hours", "tickets a week"… */
  unit: z.string().trim().max(40),
  direction: z.enum(METRIC_DIRECTIONS),
  baseline: Measure,
  target: Measure,
  targetDate: IsoDate,
  owner: MetricOwnerInput.nullable(),
});
export const MetricInput = MetricFields.extend({ unit: MetricFields.shape.unit.default(''), owner: MetricOwnerInput.nullable().default(null) });
export type MetricInput = z.infer<typeof MetricInput>;
export const MetricPatch = patchOf(MetricFields).refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one field to change' });
export type MetricPatch = z.infer<typeof MetricPatch>;

export const ActualInput = z.object({ value: Measure, measuredOn: IsoDate, note: Note.optional() });
export type ActualInput = z.infer<typeof ActualInput>;

export const VerificationRequestInput = z.object({ note: Note.optional() });
export const VerificationInput = z.object({ comment: Text(2000), evidence: Note.optional() });
export type VerificationInput = z.infer<typeof VerificationInput>;

const Person = z.object({ kind: z.enum(['member', 'contact']), id: z.uuid(), name: z.string() });

export const MetricActual = z.object({
  id: z.uuid(),
  value: z.number(),
  measuredOn: z.string(),
  note: z.string().nullable(),
  recordedBy: z.object({ side: z.enum(['vendor', 'customer']), name: z.string() }),
  createdAt: z.iso.datetime(),
});
export type MetricActual = z.infer<typeof MetricActual>;

export const SuccessMetric = z.object({
  id: z.uuid(),
  outcomeId: z.uuid(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(METRIC_DIRECTIONS),
  baseline: z.number(),
  target: z.number(),
  targetDate: z.string(),
  owner: Person.nullable(),
  actuals: z.array(MetricActual),
  standing: z.object({
    latest: z.object({ value: z.number(), measuredOn: z.string() }).nullable(),
    progressPercent: z.number().int().nullable(),
    status: z.enum(['met', 'in_progress', 'missed', 'no_data']),
  }),
});
export type SuccessMetric = z.infer<typeof SuccessMetric>;

export const Verification = z.object({
  byContactId: z.uuid().nullable(),
  byName: z.string(),
  at: z.iso.datetime(),
  on: z.string(),
  comment: z.string().nullable(),
  evidence: z.string().nullable(),
  /** What each metric showed when the customer confirmed. */
  snapshot: z.array(z.object({ metric: z.string(), value: z.number().nullable(), unit: z.string(), measuredOn: z.string().nullable() })),
});
export type Verification = z.infer<typeof Verification>;

export const SuccessOutcome = z.object({
  id: z.uuid(),
  statement: z.string(),
  position: z.number().int(),
  verificationRequest: z.object({ at: z.iso.datetime(), byName: z.string(), note: z.string().nullable() }).nullable(),
  verification: Verification.nullable(),
  metrics: z.array(SuccessMetric),
});
export type SuccessOutcome = z.infer<typeof SuccessOutcome>;

export const SuccessPlan = z.object({
  projectId: z.uuid(),
  today: z.string(),
  goals: z.array(z.string()),
  executiveSponsor: z.object({ contactId: z.uuid(), name: z.string(), title: z.string().nullable(), left: z.boolean() }).nullable(),
  communicationCadence: z.array(CadenceEntry),
  outcomes: z.array(SuccessOutcome),
  value: z.object({
    verifiedOutcomes: z.number().int(),
    totalOutcomes: z.number().int(),
    firstValueOn: z.string().nullable(),
    valueAchievedOn: z.string().nullable(),
    /** Whether the project's plan has the milestone task that verification completes (else the date lives on the plan only). */
    firstValueMilestone: z.boolean(),
    valueAchievedMilestone: z.boolean(),
  }),
});
export type SuccessPlan = z.infer<typeof SuccessPlan>;

const SummaryMetric = z.object({
  name: z.string(),
  unit: z.string(),
  direction: z.enum(METRIC_DIRECTIONS),
  baseline: z.string(),
  target: z.string(),
  targetDate: z.string(),
  owner: z.string().nullable(),
  latest: z.object({ value: z.string(), on: z.string(), note: z.string().nullable(), recordedBy: z.string() }).nullable(),
  progressPercent: z.number().int().nullable(),
  status: z.enum(['met', 'in_progress', 'missed', 'no_data']),
  series: z.object({ baseline: z.number(), target: z.number(), actuals: z.array(z.object({ value: z.number(), on: z.string() })) }),
});

/** The workspace's look on the summary: its logo (null: its name instead) and colour, with the text colour that reads on it. */
export const SummaryBranding = z.object({
  workspaceName: z.string(),
  brandColor: z.string(),
  /** White or near-black, whichever contrasts more with the brand colour. */
  brandTextColor: z.string(),
  /** The brand colour, darkened if it is too pale to show as a line on white. */
  brandMarkColor: z.string(),
  logoUrl: z.string().nullable(),
});

export const ExecutiveSummary = z.object({
  projectId: z.uuid(),
  branding: SummaryBranding,
  title: z.string(),
  accountName: z.string(),
  projectName: z.string(),
  playbookName: z.string(),
  generatedOn: z.string(),
  day0: z.string(),
  daysSinceDay0: z.number().int(),
  onboardingManager: z.string().nullable(),
  executiveSponsor: z.string().nullable(),
  headline: z.string(),
  timeline: z.object({
    milestones: z.array(
      z.object({
        kind: z.enum(SUMMARY_MILESTONES),
        label: z.string(),
        baseline: z.string().nullable(),
        date: z.string().nullable(),
        projected: z.string().nullable(),
        actual: z.string().nullable(),
        reached: z.boolean(),
        daysLate: z.number().int(),
        owedToCustomer: z.number().int(),
        owedToVendor: z.number().int(),
        dayNumber: z.number().int().nullable(),
        source: z.enum(['plan', 'success_plan']),
      }),
    ),
    owedToCustomer: z.number().int(),
    owedToVendor: z.number().int(),
    note: z.string(),
  }),
  goals: z.array(z.string()),
  communicationCadence: z.array(CadenceEntry),
  value: z.object({
    verifiedOutcomes: z.number().int(),
    totalOutcomes: z.number().int(),
    firstValueOn: z.string().nullable(),
    valueAchievedOn: z.string().nullable(),
  }),
  outcomes: z.array(
    z.object({
      statement: z.string(),
      status: z.enum(['verified', 'verification_requested', 'open']),
      verification: z.object({ byName: z.string(), on: z.string(), comment: z.string().nullable(), evidence: z.string().nullable() }).nullable(),
      metrics: z.array(SummaryMetric),
    }),
  ),
  adoption: z.object({
    customerTasksDone: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    overdueOpen: z.number().int(),
    contactsEngaged: z.number().int(),
    contactsCurrent: z.number().int(),
    engagedNames: z.array(z.string()),
    explanation: z.string(),
  }),
});
export type ExecutiveSummary = z.infer<typeof ExecutiveSummary>;

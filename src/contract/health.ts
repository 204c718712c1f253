import { z } from 'zod';
import { LAER_STAGES } from '../core/people.ts';
import { HEALTH_MEASURES, HEALTH_MODEL_KINDS, MISSING_RULES } from '../core/health/score.ts';
import { patchOf } from './common.ts';

// Account health (issue 17): the workspace's model (weighted or worst-of; measures with a weight, a green and a red
// threshold, and a rule for a missing fact), an account's score with each measure's contribution, its trend, renewal
// risk (health × key-contact turnover × days to renewal, explained) and LAER stage with its history.

export const HealthMeasureKey = z.enum(HEALTH_MEASURES);
export const HealthBand = z.enum(['green', 'amber', 'red']);

export const HealthMeasure = z
  .object({
    key: HealthMeasureKey,
    weight: z.number().min(0, { message: 'cannot be negative' }).max(1000),
    green: z.number().min(-1e6).max(1e6),
    red: z.number().min(-1e6).max(1e6),
    missing: z.enum(MISSING_RULES),
  })
  .strict()
  .refine((m) => m.green !== m.red, { message: 'green and red thresholds must differ', path: ['red'] });
export type HealthMeasure = z.infer<typeof HealthMeasure>;

const ModelFields = z
  .object({
    kind: z.enum(HEALTH_MODEL_KINDS),
    measures: z
      .array(HealthMeasure)
      .min(1, { message: 'needs at least one measure' })
      .refine((ms) => new Set(ms.map((m) => m.key)).size === ms.length, { message: 'each measure may appear once' })
      .refine((ms) => ms.some((m) => m.weight > 0), { message: 'at least one measure needs a weight above 0' }),
  })
  .strict();

/** Change the model's kind or its whole list of measures; saving re-scores every account. */
export const HealthModelPatch = patchOf(ModelFields).refine((patch) => Object.keys(patch).length > 0, {
  message: 'send at least one field to change',
});
export type HealthModelPatch = z.infer<typeof HealthModelPatch>;

export const MeasureInfo = z.object({ key: HealthMeasureKey, label: z.string(), unit: z.string(), higherIsBetter: z.boolean(), explain: z.string() });

export const HealthModel = z.object({
  kind: z.enum(HEALTH_MODEL_KINDS),
  measures: z.array(HealthMeasure),
  /** What each measure reads, for the settings page. */
  catalogue: z.array(MeasureInfo),
  isDefault: z.boolean(),
});
export type HealthModel = z.infer<typeof HealthModel>;

export const Contribution = z.object({
  key: HealthMeasureKey,
  label: z.string(),
  unit: z.string(),
  fact: z.number().nullable(),
  score: z.number().nullable(),
  weight: z.number(),
  points: z.number(),
  band: HealthBand.nullable(),
  missingAs: z.enum(MISSING_RULES).nullable(),
});

export const AccountHealth = z.object({
  accountId: z.uuid(),
  modelKind: z.enum(HEALTH_MODEL_KINDS),
  score: z.number().int().nullable(),
  band: HealthBand.nullable(),
  contributions: z.array(Contribution),
  scoredAt: z.iso.datetime().nullable(),
  /** Newest first: one point per re-score that changed the score. */
  trend: z.array(z.object({ score: z.number().int().nullable(), band: HealthBand.nullable(), at: z.iso.datetime() })),
  renewalRisk: z.object({
    level: z.enum(['low', 'medium', 'high']),
    points: z.number().int(),
    reasons: z.array(z.string()),
    renewalOn: z.string().nullable(),
    keyContactsLeft: z.number().int(),
  }),
  laer: z.object({
    stage: z.enum(LAER_STAGES),
    rules: z.array(z.object({ stage: z.enum(LAER_STAGES), rule: z.string() })),
    history: z.array(z.object({ from: z.enum(LAER_STAGES).nullable(), to: z.enum(LAER_STAGES), at: z.iso.datetime() })),
  }),
  usage: z.array(z.object({ recordedOn: z.string(), activeUsers: z.number().int(), licensedUsers: z.number().int() })),
});
export type AccountHealth = z.infer<typeof AccountHealth>;


export const RescoreResult = z.object({ accounts: z.number().int(), changed: z.number().int() });

export const LaerSummary = z.object({
  rows: z.array(z.object({ segment: z.string(), stage: z.enum(LAER_STAGES), accounts: z.number().int(), averageDays: z.number() })),
});
export type LaerSummary = z.infer<typeof LaerSummary>;

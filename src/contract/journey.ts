import { z } from 'zod';
import { SEGMENTS } from '../core/people.ts';

// The journey map weighted by the customer (issue 17): each playbook task is a touchpoint placed on its stage;
// customers rate how valuable it was to them in the portal (1–5, optional comment), staff may set a default weight.

export const TouchpointRatingInput = z
  .object({
    score: z.number().int({ message: 'must be a whole number from 1 to 5' }).min(1, { message: 'must be from 1 to 5' }).max(5, { message: 'must be from 1 to 5' }),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();
export type TouchpointRatingInput = z.infer<typeof TouchpointRatingInput>;
export const TouchpointRatingOut = z.object({ score: z.number().int(), comment: z.string().nullable() });

export const TouchpointWeightInput = z
  .object({
    playbookId: z.uuid({ message: 'must be a playbook id' }),
    taskKey: z.string().trim().min(1, { message: 'is required' }).max(200),
    weight: z.number().int({ message: 'must be a whole number from 1 to 5' }).min(1, { message: 'must be from 1 to 5' }).max(5, { message: 'must be from 1 to 5' }),
  })
  .strict();

export const JourneyMapQuery = z
  .object({
    playbookId: z.uuid({ message: 'must be a playbook id' }).optional(),
    segment: z.enum(SEGMENTS).optional(),
  })
  .strict();
export type JourneyMapQuery = z.infer<typeof JourneyMapQuery>;

export const Touchpoint = z.object({
  playbookId: z.uuid(),
  playbookName: z.string(),
  taskKey: z.string(),
  title: z.string(),
  stage: z.string(),
  stageName: z.string(),
  kind: z.enum(['task', 'milestone']),
  projects: z.number().int(),
  ratings: z.number().int(),
  customerImportance: z.number().nullable(),
  defaultWeight: z.number().int().nullable(),
  importance: z.number().nullable(),
  importanceFrom: z.enum(['customers', 'staff']).nullable(),
  onTimePercent: z.number().nullable(),
  csat: z.number().nullable(),
  performance: z.number().nullable(),
  verdict: z.enum(['moment_of_truth', 'weak_spot', 'routine', 'unknown']),
  comments: z.array(z.string()),
});
export type Touchpoint = z.infer<typeof Touchpoint>;

export const JourneyMap = z.object({
  playbooks: z.array(z.object({ id: z.uuid(), name: z.string() })),
  touchpoints: z.array(Touchpoint),
});
export type JourneyMap = z.infer<typeof JourneyMap>;

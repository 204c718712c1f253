import { z } from 'zod';
import { HANDOFF_FIELDS } from '../core/handoffs/quality.ts';

export const HandoffField = z.enum(HANDOFF_FIELDS);
const Text = z.string().max(10_000);

export const HandoffAnswers = z.object({
  why_they_bought: Text.optional(),
  business_drivers: Text.optional(),
  definition_of_success: Text.optional(),
  promises: z
    .array(z.object({ kind: z.enum(['feature', 'date', 'price', 'other']), what: z.string().trim().min(1, { message: 'is required' }).max(500) }))
    .max(50)
    .optional(),
  stakeholders: z
    .array(
      z.object({
        name: z.string().trim().min(1, { message: 'is required' }).max(120),
        role: z.string().trim().max(120),
        email: z.email().optional(),
      }),
    )
    .max(50)
    .optional(),
  risks: Text.optional(),
  technical_environment: Text.optional(),
  competitors_considered: Text.optional(),
});

export const HandoffQuestion = z.object({
  id: z.uuid(),
  field: HandoffField.nullable(),
  text: z.string(),
  askedByName: z.string(),
  askedAt: z.iso.datetime(),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.iso.datetime().nullable(),
});

export const Handoff = z.object({
  projectId: z.uuid(),
  status: z.enum(['open', 'questions', 'complete']),
  rep: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  answers: HandoffAnswers,
  requiredFields: z.array(HandoffField),
  quality: z.object({
    complete: z.boolean(),
    score: z.number().int(),
    flags: z.array(z.object({ field: HandoffField, problem: z.enum(['missing', 'thin']), required: z.boolean(), message: z.string() })),
  }),
  questions: z.array(HandoffQuestion),
  submittedAt: z.iso.datetime().nullable(),
});
export type Handoff = z.infer<typeof Handoff>;

export const QuestionInput = z.object({
  text: z.string().trim().min(1, { message: 'is required' }).max(2000),
  field: HandoffField.nullable().optional(),
});
export const AnswerInput = z.object({ answer: z.string().trim().min(1, { message: 'is required' }).max(5000) });
export const HandoffSettings = z.object({ requiredFields: z.array(HandoffField).max(HANDOFF_FIELDS.length) });

import { z } from 'zod';
import { AUTOMATED_ACTIONS, MILESTONE_KINDS, VENDOR_TASK_ROLES } from '../core/playbooks/definition.ts';
import { CONTACT_ROLES, COMPLEXITIES, SEGMENTS, TOUCH_MODELS } from '../core/people.ts';

const Key = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(80)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'must be lower-case letters, digits, - or _ (e.g. kickoff_meeting)' });

export const TaskOwner = z.discriminatedUnion('side', [
  z.object({ side: z.literal('vendor'), role: z.enum(VENDOR_TASK_ROLES) }),
  z.object({ side: z.literal('customer'), role: z.enum(CONTACT_ROLES) }),
]);
export type TaskOwner = z.infer<typeof TaskOwner>;

export const PlaybookTask = z.object({
  key: Key,
  title: z.string().trim().min(1, { message: 'is required' }).max(200),
  description: z.string().max(20_000).optional(),
  stage: Key,
  owner: TaskOwner,
  durationDays: z.number().int({ message: 'must be a whole number of business days' }).min(0).max(1000),
  /** Hours of work for its owner; missing: the default for its kind. */
  effortHours: z.number().min(0, { message: 'must be 0 or more hours' }).max(1000, { message: 'must be at most 1000 hours' }).nullable().optional(),
  startOffsetDays: z.number().int().min(-365).max(3650).nullable().optional(),
  dependsOn: z
    .array(z.object({ task: Key, lagDays: z.number().int().min(-100).max(1000).optional() }))
    .max(50)
    .optional(),
  milestoneKind: z.enum(MILESTONE_KINDS).nullable().optional(),
  deliverable: z.boolean().optional(),
  needsApproval: z.boolean().optional(),
  customerVisible: z.boolean().optional(),
  checklist: z.array(z.string().trim().min(1).max(300)).max(50).optional(),
  completesOn: z.enum(AUTOMATED_ACTIONS).nullable().optional(),
});

export const PlaybookDefinition = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(200),
  description: z.string().max(5000).optional(),
  touchModel: z.enum(TOUCH_MODELS),
  targetDays: z.number().int().min(1).max(3650),
  selection: z.object({
    segments: z.array(z.enum(SEGMENTS)).default([]),
    complexities: z.array(z.enum(COMPLEXITIES)).default([]),
    products: z.array(z.string().trim().min(1).max(80)).default([]),
  }),
  stages: z
    .array(z.object({ key: Key, name: z.string().trim().min(1, { message: 'is required' }).max(80) }))
    .min(1, { message: 'needs at least one stage' })
    .max(20),
  tasks: z.array(PlaybookTask).max(2000),
});
export type PlaybookDefinition = z.infer<typeof PlaybookDefinition>;

export const PlaybookSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  currentVersion: z.number().int(),
  builtin: z.boolean(),
  touchModel: z.enum(TOUCH_MODELS),
  targetDays: z.number().int(),
  selection: PlaybookDefinition.shape.selection,
  taskCount: z.number().int(),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
});
export type PlaybookSummary = z.infer<typeof PlaybookSummary>;

export const Playbook = PlaybookSummary.extend({ version: z.number().int(), definition: PlaybookDefinition });
export type Playbook = z.infer<typeof Playbook>;

export const PlaybookVersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

export const PlaybookProposal = z.object({
  playbookId: z.uuid(),
  name: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
});
export type PlaybookProposal = z.infer<typeof PlaybookProposal>;
export const ProposalQuery = z.object({ accountId: z.uuid({ message: 'must be an account id' }) });

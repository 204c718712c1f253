import { z } from 'zod';
import { MemberRole } from './members.ts';

export const ApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  role: MemberRole,
  /** The first characters of the token, to recognise it in a list. */
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const CreatedApiToken = ApiToken.extend({
  /** Shown once; only its hash is stored. */
  token: z.string(),
});
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;

export const ApiTokenInput = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(120),
  role: MemberRole.default('onboarding_manager'),
});

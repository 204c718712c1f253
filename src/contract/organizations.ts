import { z } from 'zod';
import { ORGANIZATION_KINDS } from '../core/people.ts';
import { IsoDate, patchOf } from './common.ts';

export const OrganizationKind = z.enum(ORGANIZATION_KINDS);

export const Organization = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  name: z.string(),
  kind: OrganizationKind,
  startedOn: z.string().nullable(),
  contactCount: z.number().int(),
  createdAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
});
export type Organization = z.infer<typeof Organization>;

export const OrganizationInput = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(200),
  kind: OrganizationKind,
  startedOn: IsoDate.nullable().optional(),
});
export const OrganizationPatch = patchOf(OrganizationInput).refine((patch) => Object.keys(patch).length > 0, {
  message: 'send at least one field to change',
});
export type OrganizationInput = z.infer<typeof OrganizationInput>;

import { z } from 'zod';
import { COMPLEXITIES, LAER_STAGES, OWNER_ROLES, SEGMENTS, TOUCH_MODELS } from '../core/people.ts';
import { csv, IsoDate, patchOf, Timezone } from './common.ts';

export const Segment = z.enum(SEGMENTS);
export const TouchModel = z.enum(TOUCH_MODELS);
export const Complexity = z.enum(COMPLEXITIES);
export const LaerStage = z.enum(LAER_STAGES);
export const OwnerRole = z.enum(OWNER_ROLES);

const Text = (max: number) => z.string().trim().min(1, { message: 'is required' }).max(max);
const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, { message: 'must be a domain like example.com (no https://, no path)' });

export const AccountOwner = z.object({ role: OwnerRole, memberId: z.uuid(), name: z.string() });

export const Account = z.object({
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string(),
  segment: Segment,
  touchModel: TouchModel,
  complexity: Complexity,
  contractValue: z.number(),
  currency: z.string(),
  contractSignedOn: z.string().nullable(),
  renewalOn: z.string().nullable(),
  products: z.array(z.string()),
  timezone: z.string(),
  laerStage: LaerStage,
  owners: z.array(AccountOwner),
  contactCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
});
export type Account = z.infer<typeof Account>;

const OwnersInput = z
  .array(z.object({ role: OwnerRole, memberId: z.uuid({ message: 'must be a member id' }) }))
  .max(OWNER_ROLES.length)
  .refine((owners) => new Set(owners.map((o) => o.role)).size === owners.length, {
    message: 'each role can have one owner',
  });

const AccountFields = z.object({
  name: Text(200),
  domain: Domain.nullable().optional(),
  industry: Text(80),
  segment: Segment,
  /** Defaults from the segment: enterprise → high, mid-market → medium, SMB → digital. */
  touchModel: TouchModel.optional(),
  complexity: Complexity,
  contractValue: z.number().int({ message: 'must be a whole amount' }).min(0, { message: 'cannot be negative' }).max(1e12).default(0),
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be a 3-letter currency code like USD' }).default('USD'),
  contractSignedOn: IsoDate.nullable().optional(),
  renewalOn: IsoDate.nullable().optional(),
  products: z.array(Text(80)).max(50).default([]),
  timezone: Timezone.optional(),
  laerStage: LaerStage.default('land'),
  owners: OwnersInput.default([]),
});

const renewalAfterSigning = (a: { contractSignedOn?: string | null | undefined; renewalOn?: string | null | undefined }) =>
  !a.contractSignedOn || !a.renewalOn || a.renewalOn > a.contractSignedOn;
const renewalMessage = { message: 'must be after the contract signed date', path: ['renewalOn'] };

export const AccountInput = AccountFields.refine(renewalAfterSigning, renewalMessage);
export type AccountInput = z.infer<typeof AccountInput>;

export const AccountPatch = patchOf(AccountFields)
  .refine(renewalAfterSigning, renewalMessage)
  .refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one field to change' });
export type AccountPatch = z.infer<typeof AccountPatch>;

export const ACCOUNT_SORTS = ['name', 'contractValue', 'contractSignedOn', 'renewalOn', 'createdAt', 'segment', 'industry'] as const;
const SortParam = z
  .string()
  .regex(new RegExp(`^-?(${ACCOUNT_SORTS.join('|')})$`), {
    message: `must be one of ${ACCOUNT_SORTS.join(', ')}, optionally prefixed with - for descending`,
  })
  .default('name');

export const AccountListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  segment: csv(Segment),
  industry: csv(z.string().max(80)),
  complexity: csv(Complexity),
  laerStage: csv(LaerStage),
  owner: z.uuid({ message: 'must be a member id' }).optional(),
  status: z.enum(['active', 'archived', 'all']).default('active'),
  sort: SortParam,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AccountListQuery = z.infer<typeof AccountListQuery>;

export const AccountPage = z.object({
  items: z.array(Account),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type AccountPage = z.infer<typeof AccountPage>;

export const AccountFacets = z.object({ industries: z.array(z.string()), products: z.array(z.string()) });
export type AccountFacets = z.infer<typeof AccountFacets>;

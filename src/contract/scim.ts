import { z } from 'zod';
import { MemberRole } from './members.ts';

// Settings → Provisioning (SCIM): the tokens an identity provider uses, the group → role mapping, what it did lately.
// The SCIM resources themselves (/scim/v2) follow RFC 7643 and are described loosely here, for the API docs.

export const ScimToken = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type ScimToken = z.infer<typeof ScimToken>;

export const CreatedScimToken = ScimToken.extend({
  /** Shown once; only its hash is stored. */
  token: z.string(),
});
export type CreatedScimToken = z.infer<typeof CreatedScimToken>;

export const ScimTokenInput = z.object({ name: z.string().trim().min(1, { message: 'is required' }).max(120) });

export const RoleMapping = z.object({ groupName: z.string().trim().min(1, { message: 'is required' }).max(200), role: MemberRole });
export type RoleMapping = z.infer<typeof RoleMapping>;

export const RoleMappingsInput = z.object({
  mappings: z
    .array(RoleMapping)
    .max(100)
    .refine((list) => new Set(list.map((m) => m.groupName.trim().toLowerCase())).size === list.length, { message: 'names a group twice' }),
});

export const ScimActivity = z.object({
  at: z.iso.datetime(),
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  summary: z.string(),
});
export type ScimActivity = z.infer<typeof ScimActivity>;

export const ProvisioningSettings = z.object({
  /** What the identity provider is told: the SCIM 2.0 base URL of this Landfall. */
  baseUrl: z.url(),
  tokens: z.array(ScimToken),
  mappings: z.array(RoleMapping),
  groups: z.array(z.object({ id: z.uuid(), displayName: z.string(), members: z.number().int(), role: MemberRole.nullable() })),
  deactivated: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string(), deactivatedAt: z.iso.datetime() })),
  activity: z.array(ScimActivity),
});
export type ProvisioningSettings = z.infer<typeof ProvisioningSettings>;

// --- SCIM 2.0 resources, for the API docs (the service checks them: modules/scim, core/scim) ---

const Meta = z.looseObject({ resourceType: z.string(), created: z.string().optional(), lastModified: z.string().optional(), location: z.string().optional() });

export const ScimUserResource = z.looseObject({
  schemas: z.array(z.string()),
  id: z.string(),
  userName: z.string(),
  active: z.boolean(),
  meta: Meta,
});
export const ScimGroupResource = z.looseObject({ schemas: z.array(z.string()), id: z.string(), displayName: z.string(), meta: Meta });
export const ScimListResponse = z.looseObject({
  schemas: z.array(z.string()),
  totalResults: z.number().int(),
  startIndex: z.number().int(),
  itemsPerPage: z.number().int(),
  Resources: z.array(z.looseObject({})),
});
/** A User or Group as the identity provider sends it (POST, PUT). */
export const ScimResourceInput = z.looseObject({ schemas: z.array(z.string()).optional() });
/** RFC 7644 §3.5.2: { schemas: [PatchOp], Operations: [{ op, path?, value? }] }. */
export const ScimPatchInput = z.looseObject({ schemas: z.array(z.string()).optional(), Operations: z.array(z.unknown()) });
export const ScimListQuery = z.object({
  filter: z.string().optional(),
  startIndex: z.string().optional(),
  count: z.string().optional(),
  attributes: z.string().optional(),
  excludedAttributes: z.string().optional(),
});
export const ScimIdParams = z.object({ id: z.string().max(200) });
export const ScimAny = z.looseObject({});

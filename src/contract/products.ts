import { z } from 'zod';
import { COMPLEXITIES, CONTACT_ROLES } from '../core/people.ts';
import { IsoDate, patchOf } from './common.ts';

// The product catalogue of a workspace (what it sells, with modules, playbook, enablement and maturity stages),
// the products and organizations an existing account adds, and where accounts and users stand in each
// product's maturity model. In short: a product needs an implementation (an onboarding project from its
// playbook) or not (users-only: journeys and paths for its people); a new organization of an account gets its
// own project or joins the existing implementation; an account climbs a product's stages as facts arrive.

const Name = z.string().trim().min(1, { message: 'is required' }).max(80);
const Key = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'use lowercase letters, digits, - and _' }).max(40);

export const StageCriteria = z.strictObject({
  paths: z.array(z.strictObject({ pathId: z.uuid({ message: 'must be a learning path id' }), percent: z.number().int().min(1).max(100) })).max(10).default([]),
  outcomesVerified: z.number().int().min(0).max(100).default(0),
  modules: z.array(Name).max(30).default([]),
  usage: z.array(z.strictObject({ metric: Key, atLeast: z.number().min(0).max(1e12) })).max(10).default([]),
});

export const MaturityStage = z.strictObject({
  key: Key,
  name: Name,
  criteria: StageCriteria.default({ paths: [], outcomesVerified: 0, modules: [], usage: [] }),
  /** Reaching the stage enrols the account's users (or the user) in this path: the next part of the product. */
  pathId: z.uuid({ message: 'must be a learning path id' }).nullable().default(null),
  /** Reaching the stage moves the account's active project to this cadence. */
  cadenceId: z.uuid({ message: 'must be a cadence id' }).nullable().default(null),
});
export type MaturityStage = z.infer<typeof MaturityStage>;

export const Enablement = z.strictObject({
  pathId: z.uuid({ message: 'must be a learning path id' }),
  roles: z.array(z.enum(CONTACT_ROLES)).max(CONTACT_ROLES.length).default([]),
});

const uniqueKeys = (stages: { key: string }[], issue: z.core.$RefinementCtx) => {
  const seen = new Set<string>();
  stages.forEach((stage, index) => {
    if (seen.has(stage.key)) issue.addIssue({ code: 'custom', path: ['stages', index, 'key'], message: `"${stage.key}" is used by another stage` });
    seen.add(stage.key);
  });
};

const ProductFields = z.strictObject({
  name: Name,
  description: z.string().trim().max(2000).nullable().default(null),
  modules: z.array(Name).max(50).default([]),
  /** false: buying it onboards its users only (journeys and paths), no project. */
  needsImplementation: z.boolean().default(true),
  playbookId: z.uuid({ message: 'must be a playbook id' }).nullable().default(null),
  enablement: z.array(Enablement).max(20).default([]),
  stages: z.array(MaturityStage).max(12).default([]),
});
export const ProductInput = ProductFields.superRefine((p, issue) => uniqueKeys(p.stages, issue));
export type ProductInput = z.infer<typeof ProductInput>;
export const ProductPatch = patchOf(ProductFields).superRefine((p, issue) => {
  if (Object.keys(p).length === 0) issue.addIssue({ code: 'custom', path: [], message: 'send at least one field to change' });
  if (p.stages) uniqueKeys(p.stages, issue);
});
export type ProductPatch = z.infer<typeof ProductPatch>;

export const Product = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  modules: z.array(z.string()),
  needsImplementation: z.boolean(),
  playbookId: z.uuid().nullable(),
  playbookName: z.string().nullable(),
  enablement: z.array(z.object({ pathId: z.uuid(), roles: z.array(z.string()) })),
  stages: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      criteria: z.object({
        paths: z.array(z.object({ pathId: z.string(), percent: z.number() })),
        outcomesVerified: z.number(),
        modules: z.array(z.string()),
        usage: z.array(z.object({ metric: z.string(), atLeast: z.number() })),
      }),
      pathId: z.uuid().nullable(),
      cadenceId: z.uuid().nullable(),
    }),
  ),
  accountCount: z.number().int(),
  archivedAt: z.iso.datetime().nullable(),
});
export type Product = z.infer<typeof Product>;

export const ORGANIZATION_TYPES = ['department', 'subsidiary', 'region'] as const;
export const OrganizationType = z.enum(ORGANIZATION_TYPES);
export const ONBOARDING_MODES = ['project', 'users_only'] as const;
export const OnboardingMode = z.enum(ONBOARDING_MODES);

/** The workspace's rule for a new organization: a separate implementation from this many users, these types or complexities. */
export const OrganizationRule = z.strictObject({
  separateFromUsers: z.number().int().min(1).max(1_000_000),
  separateTypes: z.array(OrganizationType).max(3),
  separateComplexities: z.array(z.enum(COMPLEXITIES)).max(3),
});
export type OrganizationRule = z.infer<typeof OrganizationRule>;
export const OrganizationRulePatch = patchOf(OrganizationRule).refine((p) => Object.keys(p).length > 0, { message: 'send at least one field to change' });

export const AccountProductInput = z.strictObject({
  product: Name,
  /** Omitted: the product's own setting (needs an implementation → project, else users only). */
  mode: OnboardingMode.optional(),
  /** With a project: its day 0 (omitted: today). */
  day0: IsoDate.optional(),
  /** With a project: its playbook (omitted: the product's, else the best match). */
  playbookId: z.uuid({ message: 'must be a playbook id' }).optional(),
  organizationId: z.uuid({ message: 'must be an organization id' }).nullable().optional(),
});
export type AccountProductInput = z.infer<typeof AccountProductInput>;

export const OrganizationOnboardingInput = z.strictObject({
  name: z.string().trim().min(1, { message: 'is required' }).max(200),
  type: OrganizationType,
  /** How many people will use the product there. */
  users: z.number().int().min(1).max(1_000_000),
  /** Omitted: what the workspace's rule suggests. */
  mode: OnboardingMode.optional(),
  /** With a separate implementation: the product it implements (omitted: the account's first) and day 0 (omitted: today). */
  product: Name.optional(),
  day0: IsoDate.optional(),
  startedOn: IsoDate.nullable().optional(),
});
export type OrganizationOnboardingInput = z.infer<typeof OrganizationOnboardingInput>;

export const ModeSuggestion = z.object({ mode: OnboardingMode, because: z.string() });
export const ModeSuggestionQuery = z.strictObject({ users: z.coerce.number().int().min(1).max(1_000_000).default(1), type: OrganizationType.default('department') });

export const UsageInput = z.strictObject({
  metric: Key,
  value: z.number().min(-1e15).max(1e15),
  /** When the figure was measured (omitted: now). */
  at: z.iso.datetime({ offset: true, message: 'must be a date-time like 2026-03-01T09:00:00Z' }).optional(),
});
export const UsageFigure = z.object({ id: z.uuid(), metric: z.string(), value: z.number(), at: z.iso.datetime() });

const StageChange = z.object({
  at: z.iso.datetime(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  why: z.string(),
  reviewTaskId: z.uuid().nullable(),
});

export const AccountProductsView = z.object({
  products: z.array(
    z.object({
      productId: z.uuid().nullable(),
      name: z.string(),
      /** original: on the account since it was signed (no add-on record); project or users_only: added later. */
      mode: z.enum(['original', ...ONBOARDING_MODES]),
      projectId: z.uuid().nullable(),
      projectName: z.string().nullable(),
      addedOn: z.string().nullable(),
      stages: z.array(z.object({ key: z.string(), name: z.string() })),
      stage: z.string().nullable(),
      next: z.array(z.string()),
      history: z.array(StageChange),
      users: z.array(z.object({ contactId: z.uuid(), name: z.string(), stage: z.string().nullable() })),
    }),
  ),
  organizations: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      type: z.string().nullable(),
      users: z.number().int().nullable(),
      mode: OnboardingMode,
      suggestedMode: OnboardingMode.nullable(),
      suggestedBecause: z.string().nullable(),
      projectId: z.uuid().nullable(),
      projectName: z.string().nullable(),
      archived: z.boolean(),
    }),
  ),
  usage: z.array(UsageFigure),
});
export type AccountProductsView = z.infer<typeof AccountProductsView>;

export const ProductAdded = z.object({ product: z.string(), mode: OnboardingMode, projectId: z.uuid().nullable() });
export const OrganizationAdded = z.object({ organizationId: z.uuid(), mode: OnboardingMode, projectId: z.uuid().nullable(), suggestion: ModeSuggestion });
export const MaturityEvaluated = z.object({ changes: z.number().int() });

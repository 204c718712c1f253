import { z } from 'zod';
import { ASSIGNED_ROLES, ASSIGNMENT_STRATEGIES } from '../core/assignment/choose.ts';
import { CONTACT_ROLES, SEGMENTS } from '../core/people.ts';

export const AssignedRole = z.enum(ASSIGNED_ROLES);
export const AssignmentStrategy = z.enum(ASSIGNMENT_STRATEGIES);

const Values = z.array(z.string().trim().min(1).max(120)).max(50).default([]);

export const AssignmentRuleInput = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(120),
  role: AssignedRole,
  match: z.object({ segments: z.array(z.enum(SEGMENTS)).max(10).default([]), products: Values, regions: Values }).default({ segments: [], products: [], regions: [] }),
  strategy: AssignmentStrategy,
  memberIds: z.array(z.uuid({ message: 'must be a member id' })).min(1, { message: 'name at least one member' }).max(100),
});
export type AssignmentRuleInput = z.infer<typeof AssignmentRuleInput>;

export const AssignmentSettingsInput = z.object({
  /** The member told when a project starts with nobody assigned (null: the workspace admins). */
  teamLeadId: z.uuid({ message: 'must be a member id' }).nullable(),
  /** Contact roles that get portal access when a project starts, with the welcome. */
  portalRoles: z.array(z.enum(CONTACT_ROLES)).max(CONTACT_ROLES.length),
  /** Tried in this order; the first that matches a new project picks its member for the rule's role. */
  rules: z.array(AssignmentRuleInput).max(50, { message: 'at most 50 rules' }),
});
export type AssignmentSettingsInput = z.infer<typeof AssignmentSettingsInput>;

export const AssignmentSettings = z.object({
  teamLead: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  portalRoles: z.array(z.enum(CONTACT_ROLES)),
  rules: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      role: AssignedRole,
      match: z.object({ segments: z.array(z.string()), products: z.array(z.string()), regions: z.array(z.string()) }),
      strategy: AssignmentStrategy,
      members: z.array(z.object({ id: z.uuid(), name: z.string() })),
    }),
  ),
});
export type AssignmentSettings = z.infer<typeof AssignmentSettings>;

export const ProjectAssignment = z.object({
  role: AssignedRole,
  member: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  rule: z.string().nullable(),
  reason: z.string(),
  assignedAt: z.iso.datetime(),
});
export type ProjectAssignment = z.infer<typeof ProjectAssignment>;
export const ProjectAssignments = z.object({ assignments: z.array(ProjectAssignment) });

export const AssignmentParams = z.object({ id: z.uuid({ message: 'must be an id (a UUID)' }), role: AssignedRole });
export const AssignInput = z.object({ memberId: z.uuid({ message: 'must be a member id' }) });

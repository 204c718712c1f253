import { z } from 'zod';
import { IsoDate } from './common.ts';

/** What the audit log records, by kind. */
export const AUDIT_KINDS = [
  'sign_in.succeeded',
  'sign_in.failed',
  'member.invited',
  'member.invite_revoked',
  'member.role_changed',
  'member.removed',
  'api_token.created',
  'api_token.revoked',
  'webhook_endpoint.created',
  'webhook_endpoint.changed',
  'webhook_endpoint.secret_rotated',
  'webhook_endpoint.deleted',
  'export.downloaded',
  'workspace.settings_changed',
  'audit.retention_changed',
  'project.status_changed',
] as const;
export const AuditKind = z.enum(AUDIT_KINDS, { message: `must be one of ${AUDIT_KINDS.join(', ')}` });
export type AuditKind = z.infer<typeof AuditKind>;

export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  'sign_in.succeeded': 'Signed in',
  'sign_in.failed': 'Sign-in failed',
  'member.invited': 'Member invited',
  'member.invite_revoked': 'Invitation revoked',
  'member.role_changed': 'Role or name changed',
  'member.removed': 'Member removed',
  'api_token.created': 'API token created',
  'api_token.revoked': 'API token revoked',
  'webhook_endpoint.created': 'Webhook endpoint added',
  'webhook_endpoint.changed': 'Webhook endpoint changed',
  'webhook_endpoint.secret_rotated': 'Webhook secret rotated',
  'webhook_endpoint.deleted': 'Webhook endpoint deleted',
  'export.downloaded': 'Data exported',
  'workspace.settings_changed': 'Workspace settings changed',
  'audit.retention_changed': 'Audit retention changed',
  'project.status_changed': 'Project closed, paused or reopened',
};

export const AuditEntry = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  kind: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.strictObject({
  /** A member's id (or a token's), as shown in the entries. */
  actor: z.string().trim().max(100).optional(),
  kind: AuditKind.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({ entries: z.array(AuditEntry), total: z.number().int() });

export const AuditSettings = z.object({ retentionDays: z.number().int() });
export const AuditSettingsInput = z.strictObject({
  retentionDays: z.number().int().min(30, { message: 'keep at least 30 days' }).max(3650, { message: 'keep at most 10 years (3650 days)' }),
});

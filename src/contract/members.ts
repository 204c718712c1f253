import { z } from 'zod';
import { MEMBER_ROLES } from '../core/people.ts';
import { Email, Password, PersonName } from './common.ts';

export const MemberRole = z.enum(MEMBER_ROLES);

export const Member = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: MemberRole,
  createdAt: z.iso.datetime(),
});
export type Member = z.infer<typeof Member>;

export const MemberPatch = z
  .object({ name: PersonName, role: MemberRole })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one of name, role' });

export const InviteInput = z.object({ email: Email, role: MemberRole });

export const Invite = z.object({
  id: z.uuid(),
  email: z.string(),
  role: MemberRole,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type Invite = z.infer<typeof Invite>;

export const CreatedInvite = Invite.extend({
  /** Shown once, to the admin who sent it, in case the email does not arrive. */
  inviteUrl: z.url(),
});
export type CreatedInvite = z.infer<typeof CreatedInvite>;

export const InvitePreview = z.object({
  email: z.string(),
  role: MemberRole,
  workspaceName: z.string(),
  expiresAt: z.iso.datetime(),
});
export type InvitePreview = z.infer<typeof InvitePreview>;

export const AcceptInviteInput = z.object({ name: PersonName, password: Password });

export const InviteTokenParams = z.object({ token: z.string().min(10).max(200) });

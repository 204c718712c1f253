import { z } from 'zod';
import { Member } from './members.ts';
import { Workspace } from './workspaces.ts';

export const SignInInput = z.object({
  email: z.string().trim().min(1, { message: 'is required' }).max(254),
  password: z.string().min(1, { message: 'is required' }).max(200),
});

export const SessionInfo = z.object({
  member: Member,
  workspace: Workspace,
  /** Send it back as the x-csrf-token header on every write made with the session cookie. */
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

// A password sign-in arrives with an email and nothing else. member_sign_in_emails, a reference table, says whose it
// is (workspace and member); the member's own row is then read by (workspace_id, id), a query that stays in one
// workspace (one shard on Citus). The table's key on the email is also what keeps one email to one workspace: write
// it in the transaction that adds, re-addresses or removes the member. See tables/members.ts.
import { and, eq } from 'drizzle-orm';
import type { Db } from './client.ts';
import { memberSignInEmails } from './tables/members.ts';

export interface SignInEmail {
  email: string;
  workspaceId: string;
  memberId: string;
}

const key = (email: string) => email.toLowerCase();

/** Claims these emails for their members; a unique violation on member_sign_in_emails_pkey when one is taken. */
export async function claimSignInEmails(db: Db, rows: SignInEmail[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(memberSignInEmails).values(rows.map((row) => ({ ...row, email: key(row.email) })));
}

/** The member's sign-in email is now this one (the old one is free at once). */
export async function moveSignInEmail(db: Db, workspaceId: string, memberId: string, email: string): Promise<void> {
  await db
    .update(memberSignInEmails)
    .set({ email: key(email) })
    .where(and(eq(memberSignInEmails.workspaceId, workspaceId), eq(memberSignInEmails.memberId, memberId)));
}

/** The member no longer signs in: their email is free for anyone. */
export async function releaseSignInEmail(db: Db, workspaceId: string, memberId: string): Promise<void> {
  await db.delete(memberSignInEmails).where(and(eq(memberSignInEmails.workspaceId, workspaceId), eq(memberSignInEmails.memberId, memberId)));
}

/** Whose sign-in email this is (any case), or undefined when no current member has it. */
export async function ownerOfSignInEmail(db: Db, email: string): Promise<{ workspaceId: string; memberId: string } | undefined> {
  const [row] = await db
    .select({ workspaceId: memberSignInEmails.workspaceId, memberId: memberSignInEmails.memberId })
    .from(memberSignInEmails)
    .where(eq(memberSignInEmails.email, key(email)));
  return row;
}

import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, contacts, members, projects, projectTasks, slackChannels, slackConnections, slackOutbox } from '../../db/schema.ts';

export type SlackConnectionRow = typeof slackConnections.$inferSelect;
export type SlackOutboxRow = typeof slackOutbox.$inferSelect;

export async function findConnection(db: Db, workspaceId: string): Promise<SlackConnectionRow | undefined> {
  const [row] = await db.select().from(slackConnections).where(eq(slackConnections.workspaceId, workspaceId));
  return row;
}

export async function saveConnection(db: Db, row: typeof slackConnections.$inferInsert) {
  const { workspaceId: _, ...rest } = row;
  await db.insert(slackConnections).values(row).onConflictDoUpdate({ target: slackConnections.workspaceId, set: rest });
}

export async function updateConnection(db: Db, workspaceId: string, changes: Partial<typeof slackConnections.$inferInsert>) {
  await db.update(slackConnections).set(changes).where(eq(slackConnections.workspaceId, workspaceId));
}

export async function deleteConnection(db: Db, workspaceId: string) {
  await db.delete(slackConnections).where(eq(slackConnections.workspaceId, workspaceId));
}

export async function findChannel(db: Db, workspaceId: string, scope: string, subjectId: string) {
  const [row] = await db
    .select()
    .from(slackChannels)
    .where(and(eq(slackChannels.workspaceId, workspaceId), eq(slackChannels.scope, scope), eq(slackChannels.subjectId, subjectId)));
  return row;
}

export async function saveChannel(db: Db, row: typeof slackChannels.$inferInsert) {
  await db
    .insert(slackChannels)
    .values(row)
    .onConflictDoUpdate({ target: [slackChannels.workspaceId, slackChannels.scope, slackChannels.subjectId], set: { channelId: row.channelId, channelName: row.channelName ?? null } });
}

export function listChannels(db: Db, workspaceId: string) {
  return db.select().from(slackChannels).where(eq(slackChannels.workspaceId, workspaceId));
}

export async function insertMessages(db: Db, rows: (typeof slackOutbox.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(slackOutbox).values(rows).onConflictDoNothing();
}

/** Due messages (and ones whose sender died mid-post), claimed with SKIP LOCKED and a lease. */
export async function claimDue(db: Db, now: Date, limit: number, leaseMs: number): Promise<SlackOutboxRow[]> {
  const at = now.toISOString();
  const result = await db.execute(sql`
    update slack_outbox o set state = 'sending', claimed_until = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
     where (o.workspace_id, o.id) in (
       select workspace_id, id from slack_outbox
        where (state = 'scheduled' and send_after <= ${at}::timestamptz) or (state = 'sending' and claimed_until < ${at}::timestamptz)
        order by send_after limit ${limit} for update skip locked)
    returning o.workspace_id, o.id`);
  const keys = (result as unknown as { rows: { workspace_id: string; id: string }[] }).rows;
  if (keys.length === 0) return [];
  return db.select().from(slackOutbox).where(inArray(slackOutbox.id, keys.map((key) => key.id)));
}

export async function settleMessage(db: Db, row: SlackOutboxRow, changes: Partial<typeof slackOutbox.$inferInsert>) {
  await db
    .update(slackOutbox)
    .set({ claimedUntil: null, ...changes })
    .where(and(eq(slackOutbox.workspaceId, row.workspaceId), eq(slackOutbox.id, row.id)));
}

export function recentMessages(db: Db, workspaceId: string, limit = 100) {
  return db.select().from(slackOutbox).where(eq(slackOutbox.workspaceId, workspaceId)).orderBy(desc(slackOutbox.createdAt)).limit(limit);
}

/** The names a message about a project speaks of. */
export async function projectFacts(db: Db, workspaceId: string, projectId: string) {
  const [row] = await db
    .select({ projectName: projects.name, accountId: projects.accountId, accountName: accounts.name })
    .from(projects)
    .innerJoin(accounts, and(eq(accounts.workspaceId, projects.workspaceId), eq(accounts.id, projects.accountId)))
    .where(and(eq(projects.workspaceId, workspaceId), eq(projects.id, projectId)));
  return row;
}

export async function accountName(db: Db, workspaceId: string, accountId: string) {
  const [row] = await db.select({ name: accounts.name }).from(accounts).where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, accountId)));
  return row?.name;
}

export async function taskFacts(db: Db, workspaceId: string, taskId: string) {
  const [row] = await db
    .select({
      projectId: projectTasks.projectId,
      title: projectTasks.title,
      status: projectTasks.status,
      memberName: members.name,
      contactName: contacts.name,
    })
    .from(projectTasks)
    .leftJoin(members, and(eq(members.workspaceId, projectTasks.workspaceId), eq(members.id, projectTasks.assigneeMemberId)))
    .leftJoin(contacts, and(eq(contacts.workspaceId, projectTasks.workspaceId), eq(contacts.id, projectTasks.assigneeContactId)))
    .where(and(eq(projectTasks.workspaceId, workspaceId), eq(projectTasks.id, taskId)));
  return row;
}

export async function contactName(db: Db, workspaceId: string, contactId: string) {
  const [row] = await db.select({ name: contacts.name }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  return row?.name;
}

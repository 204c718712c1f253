import { containsPattern } from '../db/like.ts';
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { contactMailPreferences, mailBounces, mailSettings, outbox } from '../db/schema.ts';
import { recordTokens, workspaceOfToken } from '../db/token-lookups.ts';
import type { MailCredential } from './credentials.ts';

export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxRow = typeof outbox.$inferInsert;

export interface OutgoingMail {
  /** One message per key: writing the same key twice keeps the first (exactly-once effect). */
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Credentials in the text (links, codes): the outbox shows them hidden; only the recipient gets them. */
  credentials?: MailCredential[];
  /** Small text files sent with it (an ICS invitation). */
  attachments?: { filename: string; contentType: string; content: string }[];
}

/** Inserts rows; a row whose dedupe key or (step, contact, project, occurrence) is taken is skipped. Returns the ids written. */
export async function insertRows(db: Db, rows: NewOutboxRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insert(outbox).values(rows).onConflictDoNothing().returning({ id: outbox.id });
  return inserted.map((row) => row.id);
}

/**
 * Claims due messages for one sending process: scheduled ones whose time has come, and ones another process
 * claimed but did not finish before its lease ran out (it died mid-send: the message may have arrived, so
 * the takeover is counted). SKIP LOCKED lets several processes claim side by side without waiting.
 */
export async function claimDue(db: Db, now: Date, limit: number, leaseMs: number, channels: string[]): Promise<OutboxRow[]> {
  const until = new Date(now.getTime() + leaseMs);
  const result = await db.execute(sql`
    update mail_outbox o
       set state = 'sending',
           claimed_until = ${until.toISOString()}::timestamptz,
           interrupted_attempts = o.interrupted_attempts + (case when o.state = 'sending' then 1 else 0 end),
           updated_at = ${now.toISOString()}::timestamptz
     where (o.workspace_id, o.id) in (
       select workspace_id, id from mail_outbox
        where ((state = 'scheduled' and send_after <= ${now.toISOString()}::timestamptz)
            or (state = 'sending' and claimed_until < ${now.toISOString()}::timestamptz))
          and channel in (${sql.join(channels.map((channel) => sql`${channel}`), sql`, `)})
        order by send_after
        limit ${limit}
        for update skip locked)
    returning o.workspace_id, o.id`);
  const keys = (result as unknown as { rows: { workspace_id: string; id: string }[] }).rows;
  if (keys.length === 0) return [];
  return db.select().from(outbox).where(byKeys(keys)).orderBy(asc(outbox.sendAfter));
}

/** Outbox rows by their primary key (workspace_id, id): the claim spans workspaces. */
const byKeys = (keys: { workspace_id: string; id: string }[]) =>
  sql`(${outbox.workspaceId}, ${outbox.id}) in (${sql.join(keys.map((k) => sql`(${k.workspace_id}::uuid, ${k.id}::uuid)`), sql`, `)})`;

/** Among claimed automated messages, the ones that must not go any more, with why (checked just before sending). */
export async function stoppedMessages(db: Db, rows: { workspaceId: string; id: string }[], now: Date): Promise<{ id: string; reason: string }[]> {
  if (rows.length === 0) return [];
  const result = await db.execute(sql`
    select o.id,
      case
        when p.status = 'paused' then 'The project is paused.'
        when p.status = 'closed' then 'The project is closed.'
        when c.left_on is not null
         and c.left_on <= (${now.toISOString()}::timestamptz at time zone coalesce(o.recipient_timezone, 'UTC'))::date
          then 'The contact left on ' || c.left_on::text || '.'
        when pref.unsubscribed_at is not null then 'The contact unsubscribed from automated email.'
        when t.status in ('done', 'skipped') then 'Its goal is met: "' || t.title || '" is done.'
      end as reason
    from mail_outbox o
    left join projects p on p.workspace_id = o.workspace_id and p.id = o.project_id
    left join contacts c on c.workspace_id = o.workspace_id and c.id = o.contact_id
    left join contact_mail_preferences pref on pref.workspace_id = o.workspace_id and pref.contact_id = o.contact_id
    left join project_tasks t on t.workspace_id = o.workspace_id and t.id = o.goal_task_id
    where o.kind = 'automated'
      and (o.workspace_id, o.id) in (${sql.join(rows.map((row) => sql`(${row.workspaceId}::uuid, ${row.id}::uuid)`), sql`, `)})`);
  return (result as unknown as { rows: { id: string; reason: string | null }[] }).rows.filter(
    (row): row is { id: string; reason: string } => row.reason !== null,
  );
}

export async function markSent(db: Db, workspaceId: string, id: string, now: Date, reason: string | null = null) {
  await db
    .update(outbox)
    .set({ state: 'sent', sentAt: now, attempts: sql`${outbox.attempts} + 1`, claimedUntil: null, updatedAt: now, ...(reason ? { reason } : {}) })
    .where(and(eq(outbox.workspaceId, workspaceId), eq(outbox.id, id)));
}

/** A temporary failure: back to scheduled, later. Or a permanent one: failed, or bounced when the server refused the address. */
export async function markUnsent(
  db: Db,
  workspaceId: string,
  id: string,
  now: Date,
  outcome: { state: 'scheduled' | 'failed' | 'bounced'; error: string; reason: string; retryAt?: Date | undefined },
) {
  await db
    .update(outbox)
    .set({
      state: outcome.state,
      lastError: outcome.error.slice(0, 500),
      reason: outcome.reason,
      sendAfter: outcome.retryAt ?? sql`${outbox.sendAfter}`,
      attempts: sql`${outbox.attempts} + 1`,
      claimedUntil: null,
      updatedAt: now,
    })
    .where(and(eq(outbox.workspaceId, workspaceId), eq(outbox.id, id)));
}

export async function markSuppressed(db: Db, workspaceId: string, ids: string[], reason: string, now: Date) {
  if (ids.length === 0) return;
  await db
    .update(outbox)
    .set({ state: 'suppressed', reason, claimedUntil: null, updatedAt: now })
    .where(and(eq(outbox.workspaceId, workspaceId), inArray(outbox.id, ids)));
}

/** Serialises the cap decisions for one recipient across every Landfall process (released at commit). */
export async function lockRecipient(db: Db, workspaceId: string, address: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${workspaceId}:${address.toLowerCase()}`}, 7))`);
}

/** A recipient's automated email from `from` on: what the cap counts (sent, being sent) and what it may still move (scheduled). */
export function recipientMail(db: Db, workspaceId: string, address: string, from: Date) {
  return db
    .select({
      id: outbox.id,
      state: outbox.state,
      sendAfter: outbox.sendAfter,
      sentAt: outbox.sentAt,
      dueAt: outbox.dueAt,
      priority: outbox.priority,
      stepName: outbox.stepName,
      cadenceId: outbox.cadenceId,
      stepId: outbox.stepId,
      reason: outbox.reason,
    })
    .from(outbox)
    .where(
      and(
        eq(outbox.workspaceId, workspaceId),
        sql`lower(${outbox.toAddress}) = ${address.toLowerCase()}`,
        eq(outbox.kind, 'automated'),
        eq(outbox.channel, 'email'),
        inArray(outbox.state, ['scheduled', 'sending', 'sent']),
        sql`${outbox.sendAfter} >= ${from.toISOString()}::timestamptz`,
      ),
    );
}

export async function reschedule(db: Db, workspaceId: string, id: string, sendAfter: Date, reason: string | null, now: Date) {
  await db
    .update(outbox)
    .set({ sendAfter, reason, updatedAt: now })
    .where(and(eq(outbox.workspaceId, workspaceId), eq(outbox.id, id), eq(outbox.state, 'scheduled')));
}

export async function capRules(db: Db, workspaceId: string) {
  const [row] = await db.select().from(mailSettings).where(eq(mailSettings.workspaceId, workspaceId));
  return { perDay: row?.capPerDay ?? 1, perWeek: row?.capPerWeek ?? 3 };
}

export async function saveCapRules(db: Db, workspaceId: string, rules: { perDay: number; perWeek: number }, now: Date) {
  await db
    .insert(mailSettings)
    .values({ workspaceId, capPerDay: rules.perDay, capPerWeek: rules.perWeek, updatedAt: now })
    .onConflictDoUpdate({ target: mailSettings.workspaceId, set: { capPerDay: rules.perDay, capPerWeek: rules.perWeek, updatedAt: now } });
}

// ---- unsubscribe ----

/** The contact's unsubscribe token, made on first use (`fresh`, with its lookup: in the caller's transaction). */
export async function unsubscribeToken(db: Db, workspaceId: string, contactId: string, fresh: { token: string; tokenHash: string }): Promise<string> {
  const [made] = await db
    .insert(contactMailPreferences)
    .values({ workspaceId, contactId, unsubscribeToken: fresh.token })
    .onConflictDoNothing()
    .returning({ token: contactMailPreferences.unsubscribeToken });
  if (made) {
    await recordTokens(db, 'unsubscribe', [{ tokenHash: fresh.tokenHash, workspaceId }]);
    return made.token;
  }
  const [row] = await db
    .select({ token: contactMailPreferences.unsubscribeToken })
    .from(contactMailPreferences)
    .where(and(eq(contactMailPreferences.workspaceId, workspaceId), eq(contactMailPreferences.contactId, contactId)));
  return row!.token;
}

/** The preference an unsubscribe link names: token_lookups says the workspace, then its row by (workspace_id, token). */
export async function findPreferenceByToken(db: Db, token: string, tokenHash: string) {
  const workspaceId = await workspaceOfToken(db, 'unsubscribe', tokenHash);
  if (!workspaceId) return undefined;
  const [row] = await db
    .select()
    .from(contactMailPreferences)
    .where(and(eq(contactMailPreferences.workspaceId, workspaceId), eq(contactMailPreferences.unsubscribeToken, token)));
  return row;
}

export async function setUnsubscribed(db: Db, workspaceId: string, contactId: string, at: Date | null) {
  await db
    .update(contactMailPreferences)
    .set({ unsubscribedAt: at })
    .where(and(eq(contactMailPreferences.workspaceId, workspaceId), eq(contactMailPreferences.contactId, contactId)));
}

export async function unsubscribedContacts(db: Db, workspaceId: string, contactIds: string[]): Promise<Set<string>> {
  if (contactIds.length === 0) return new Set();
  const rows = await db
    .select({ contactId: contactMailPreferences.contactId })
    .from(contactMailPreferences)
    .where(
      and(
        eq(contactMailPreferences.workspaceId, workspaceId),
        inArray(contactMailPreferences.contactId, contactIds),
        sql`${contactMailPreferences.unsubscribedAt} is not null`,
      ),
    );
  return new Set(rows.map((row) => row.contactId));
}

/** Stops every automated message still to go to a contact. */
export async function suppressScheduledFor(db: Db, workspaceId: string, contactId: string, reason: string, now: Date) {
  await db
    .update(outbox)
    .set({ state: 'suppressed', reason, updatedAt: now })
    .where(
      and(eq(outbox.workspaceId, workspaceId), eq(outbox.contactId, contactId), eq(outbox.kind, 'automated'), eq(outbox.state, 'scheduled')),
    );
}

// ---- reading the outbox ----

export interface OutboxQuery {
  state?: string | undefined;
  q?: string | undefined;
  projectId?: string | undefined;
  contactId?: string | undefined;
  kind?: string | undefined;
  limit: number;
  offset: number;
}

export async function listOutbox(db: Db, workspaceId: string, query: OutboxQuery) {
  const filters: SQL[] = [eq(outbox.workspaceId, workspaceId)];
  if (query.state) filters.push(eq(outbox.state, query.state));
  if (query.kind) filters.push(eq(outbox.kind, query.kind));
  if (query.projectId) filters.push(eq(outbox.projectId, query.projectId));
  if (query.contactId) filters.push(eq(outbox.contactId, query.contactId));
  if (query.q) {
    const like = containsPattern(query.q);
    filters.push(or(ilike(outbox.toAddress, like), ilike(outbox.subject, like))!);
  }
  const where = and(...filters);
  const rows = await db
    .select()
    .from(outbox)
    .where(where)
    .orderBy(desc(outbox.sendAfter), desc(outbox.createdAt), desc(outbox.id))
    .limit(query.limit)
    .offset(query.offset);
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(outbox).where(where);
  const states = await db
    .select({ state: outbox.state, count: sql<number>`count(*)::int` })
    .from(outbox)
    .where(eq(outbox.workspaceId, workspaceId))
    .groupBy(outbox.state);
  return { rows, total: count?.total ?? 0, states };
}

export async function findOutboxRow(db: Db, workspaceId: string, id: string) {
  const [row] = await db.select().from(outbox).where(and(eq(outbox.workspaceId, workspaceId), eq(outbox.id, id)));
  return row;
}

export async function contactMessages(db: Db, workspaceId: string, contactId: string) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.workspaceId, workspaceId), eq(outbox.contactId, contactId)))
    .orderBy(asc(outbox.sendAfter));
}

export async function retryNow(db: Db, workspaceId: string, id: string, now: Date) {
  const rows = await db
    .update(outbox)
    .set({ state: 'scheduled', sendAfter: now, reason: 'Sent again by hand.', updatedAt: now })
    .where(and(eq(outbox.workspaceId, workspaceId), eq(outbox.id, id), inArray(outbox.state, ['failed', 'bounced'])))
    .returning({ id: outbox.id });
  return rows.length > 0;
}


export interface CappedNotice {
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
  contactId: string;
  messageId: string;
}

/** Notices given as rows (a few: a webinar's reminders), as a source for insertCappedNotices. */
export const noticeRows = (notices: Omit<CappedNotice, 'messageId'>[]) =>
  sql`select * from unnest(${toArray(notices.map((n) => n.contactId))}::uuid[], ${toArray(notices.map((n) => n.dedupeKey))}::text[], ${toArray(notices.map((n) => n.to))}::text[],
        ${toArray(notices.map((n) => n.subject))}::text[], ${toArray(notices.map((n) => n.text))}::text[]) as m(contact_id, dedupe_key, to_address, subject, text_body)`;

/** The timezones named by the workspace, its accounts and contacts (to be checked before SQL is given them). */
export async function timezonesInUse(db: Db, workspaceId: string) {
  const result = await db.execute(sql`select timezone from workspaces where id = ${workspaceId}
    union select distinct timezone from accounts where workspace_id = ${workspaceId}
    union select distinct timezone from contacts where workspace_id = ${workspaceId} and timezone is not null`);
  return (result as unknown as { rows: { timezone: string }[] }).rows.map((r) => r.timezone);
}

/**
 * Writes many automated notices in one INSERT … SELECT, each under the one frequency cap of Landfall (the cadences'
 * core/cadences/cap.ts): counted per calendar day and ISO week in the recipient's timezone (the contact's, else
 * their account's, else the workspace's). One whose recipient already has `perDay` automated emails that local day
 * or `perWeek` that local week, or who unsubscribed, is stored suppressed with the reason (a low-priority notice
 * waits for no slot). A key already in the outbox is skipped. `source` yields (contact_id, dedupe_key, to_address,
 * subject, text_body); a null address is the contact's. `zones`: the timezones SQL may use (checked by the caller).
 */
export async function insertCappedNotices(
  db: Db,
  workspaceId: string,
  source: SQL,
  options: { label: string; rules: { perDay: number; perWeek: number }; zones: string[]; now: Date; messageHost: string },
) {
  const { label, rules, now } = options;
  const at = now.toISOString();
  const zones = toArray(options.zones);
  const result = await db.execute(sql`
    with m as (${source}),
    r as (
      select m.contact_id, m.dedupe_key, coalesce(m.to_address, c.email) as addr, m.subject, m.text_body,
             coalesce(case when c.timezone = any(${zones}::text[]) then c.timezone end, case when a.timezone = any(${zones}::text[]) then a.timezone end,
                      case when w.timezone = any(${zones}::text[]) then w.timezone end, 'UTC') as tz
        from m join contacts c on c.workspace_id = ${workspaceId} and c.id = m.contact_id
        join accounts a on a.workspace_id = c.workspace_id and a.id = c.account_id
        join workspaces w on w.id = c.workspace_id),
    z as (select distinct on (lower(addr)) lower(addr) as addr, tz from r order by lower(addr)),
    cap as (
      select z.addr,
             count(*) filter (where (coalesce(o.sent_at, o.send_after) at time zone z.tz)::date = (${at}::timestamptz at time zone z.tz)::date) as day,
             count(*) filter (where date_trunc('week', coalesce(o.sent_at, o.send_after) at time zone z.tz) = date_trunc('week', ${at}::timestamptz at time zone z.tz)) as week
        from z join mail_outbox o on o.workspace_id = ${workspaceId} and lower(o.to_address) = z.addr
       where o.kind = 'automated' and o.channel = 'email' and o.state in ('scheduled', 'sending', 'sent') and o.send_after >= ${at}::timestamptz - interval '8 days'
       group by z.addr)
    insert into mail_outbox (workspace_id, dedupe_key, to_address, subject, text_body, message_id, state, reason, send_after, created_at, updated_at, kind, channel, contact_id, priority, due_at, step_name, recipient_timezone)
    select ${workspaceId}, r.dedupe_key, r.addr, r.subject, r.text_body,
           '<' || left(encode(sha256(convert_to(${workspaceId}::text || ':' || r.dedupe_key, 'UTF8')), 'hex'), 32) || '@' || ${options.messageHost} || '>',
           case when p.unsubscribed_at is not null or coalesce(cap.day, 0) >= ${rules.perDay} or coalesce(cap.week, 0) >= ${rules.perWeek} then 'suppressed' else 'scheduled' end,
           case when p.unsubscribed_at is not null then 'The contact unsubscribed from automated email.'
                when cap.day >= ${rules.perDay} then 'Frequency cap: ' || cap.day || ' automated email(s) to this person today (their time) already.'
                when cap.week >= ${rules.perWeek} then 'Frequency cap: ' || cap.week || ' automated email(s) to this person this week (their time) already.'
                else null end,
           ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz, 'automated', 'email', r.contact_id, 'low', ${at}::timestamptz, ${label}, r.tz
      from r
      left join contact_mail_preferences p on p.workspace_id = ${workspaceId} and p.contact_id = r.contact_id
      left join cap on cap.addr = lower(r.addr)
    on conflict (workspace_id, dedupe_key) do nothing
    returning 1`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

/** A PostgreSQL array literal parameter (one parameter however many rows). */
const toArray = (values: string[]) => `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

/** Records a hard bounce (the recipient's server refused the address for good). */
export async function recordBounce(db: Db, bounce: typeof mailBounces.$inferInsert) {
  await db.insert(mailBounces).values(bounce);
}

/** Bounces not handled yet, oldest first, claimed so that two processes never handle one twice. */
export async function claimUnhandledBounces(db: Db, now: Date, limit: number) {
  const result = await db.execute(sql`
    update mail_bounces b set handled_at = ${now.toISOString()}::timestamptz
     where (b.workspace_id, b.id) in (select workspace_id, id from mail_bounces where handled_at is null order by bounced_at limit ${limit} for update skip locked)
    returning b.workspace_id as "workspaceId", b.address, b.message, b.bounced_at as "bouncedAt"`);
  return (result as unknown as { rows: { workspaceId: string; address: string; message: string; bouncedAt: string | Date }[] }).rows;
}

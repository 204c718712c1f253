import type { ContactRole } from '../../../core/people.ts';
import { plural } from '../../../core/words.ts';
import { inTransaction, type Ctx } from '../../context.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { assertAccountExists, lockAccount } from '../accounts/accounts.service.ts';
import { check, emit } from '../../events/bus.ts';
import type { Contact, ContactInput, ContactOverview, ContactPatch } from '../../../contract/contacts.ts';
import * as repo from './contacts.repo.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findContact>>>;

const presentContact = (row: Row): Contact => ({
  id: row.id,
  accountId: row.accountId,
  organizationId: row.organizationId,
  name: row.name,
  email: row.email,
  title: row.title,
  role: row.role as ContactRole,
  timezone: row.timezone,
  joinedOn: row.joinedOn,
  leftOn: row.leftOn,
  modules: row.modules,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const duplicateEmail = (email: string) =>
  conflict(`${email} is already a contact of this account.`, { path: ['body', 'email'] });

async function assertOrganization(ctx: Ctx, accountId: string, organizationId: string | null | undefined) {
  if (!organizationId) return;
  if (!(await isOrganizationOfAccount(ctx, accountId, organizationId))) {
    throw invalid('organizationId: is not an organization of this account', { path: ['body', 'organizationId'] });
  }
}

export async function listContacts(ctx: Ctx, accountId: string, status: 'current' | 'left' | 'all') {
  await assertAccountExists(ctx, accountId);
  return contactsOfAccount(ctx, accountId, status);
}

/** The account's contacts, without checking the account: for callers that already hold it (intake, projects…). */
export async function contactsOfAccount(ctx: Ctx, accountId: string, status: 'current' | 'left' | 'all') {
  return (await repo.listContacts(ctx.db, ctx.workspaceId, accountId, status)).map(presentContact);
}

/** The contacts of many accounts, each account's in contactsOfAccount's order, grouped by account. */
export async function contactsOfAccounts(ctx: Ctx, accountIds: string[], status: 'current' | 'left' | 'all') {
  const byAccount = new Map<string, Contact[]>(accountIds.map((id) => [id, []]));
  if (accountIds.length === 0) return byAccount;
  for (const row of await repo.listContacts(ctx.db, ctx.workspaceId, accountIds, status)) byAccount.get(row.accountId)?.push(presentContact(row));
  return byAccount;
}

/** These contacts of the workspace (those that exist), by id: contactOf for many at once. */
export async function contactsByIds(ctx: Ctx, contactIds: string[]) {
  const rows = contactIds.length === 0 ? [] : await repo.findContacts(ctx.db, ctx.workspaceId, contactIds);
  return new Map(rows.map((row) => [row.id, presentContact(row)]));
}

/** The contact, or undefined when there is none of that id in the workspace. */
export async function contactOf(ctx: Ctx, contactId: string) {
  const row = await repo.findContact(ctx.db, ctx.workspaceId, contactId);
  return row && presentContact(row);
}

/** Whether the organization is one of the account's (in this workspace). */
export function isOrganizationOfAccount(ctx: Ctx, accountId: string, organizationId: string) {
  return repo.organizationBelongsTo(ctx.db, ctx.workspaceId, accountId, organizationId);
}

export async function getContact(ctx: Ctx, contactId: string) {
  const contact = await contactOf(ctx, contactId);
  if (!contact) throw notFound('contact');
  return contact;
}

/** A contact's page: their projects, tasks, the messages sent to them, what they did in the portal, their learning. */
export async function contactOverview(ctx: Ctx, contactId: string): Promise<ContactOverview> {
  const contact = await getContact(ctx, contactId);
  const { db, workspaceId } = ctx;
  const account = await repo.accountName(db, workspaceId, contact.accountId);
  const projects = await repo.projectsOfContact(db, workspaceId, contactId);
  const tasks = await repo.tasksOfContact(db, workspaceId, contactId);
  const messages = await repo.messagesToContact(db, workspaceId, contactId, contact.email);
  const activity = await repo.portalActivityOf(db, workspaceId, contactId);
  const learning = await repo.learningOf(db, workspaceId, contactId);
  return {
    contact,
    accountName: account ?? '',
    projects: projects.map((p) => ({ id: p.id, name: p.name, status: p.status, portalAccess: p.portal_access, lastVisitAt: p.last_visit_at })),
    tasks: tasks.map((t) => ({ id: t.id, projectId: t.project_id, projectName: t.project_name, title: t.title, status: t.status, dueOn: t.due_on })),
    messages: messages.map((m) => ({ id: m.id, subject: m.subject, state: m.state, channel: m.channel, at: m.at, sentAt: m.sent_at })),
    portalActivity: activity.map((a) => ({ at: a.at, projectId: a.project_id, projectName: a.project_name, text: a.text })),
    learning: learning.map((l) => ({ id: l.id, title: l.title, status: l.status, enrolledAt: l.enrolled_at, completedAt: l.completed_at })),
  };
}

export async function addContact(ctx: Ctx, accountId: string, input: ContactInput) {
  try {
    return await inTransaction(ctx, async (tx) => {
      await lockAccount(tx, accountId);
      await assertOrganization(tx, accountId, input.organizationId);
      await check(tx, 'products.naming', { modules: input.modules ?? [], path: ['body', 'modules'] });
      const row = await repo.insertContact(tx.db, tx.workspaceId, accountId, {
        ...input,
        title: input.title ?? null,
        organizationId: input.organizationId ?? null,
        timezone: input.timezone ?? null,
        joinedOn: input.joinedOn ?? null,
        leftOn: input.leftOn ?? null,
        modules: input.modules ?? [],
      });
      await emit(tx, 'contact.joined', { contactId: row.id, accountId: row.accountId });
      return presentContact(row);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'contacts_account_email_key')) throw duplicateEmail(input.email);
    throw error;
  }
}

export async function updateContact(ctx: Ctx, contactId: string, patch: ContactPatch) {
  try {
    return await inTransaction(ctx, async (tx) => {
      const current = await repo.findContact(tx.db, tx.workspaceId, contactId);
      if (!current) throw notFound('contact');
      await assertOrganization(tx, current.accountId, patch.organizationId);
      if (patch.modules) await check(tx, 'products.naming', { modules: patch.modules, known: current.modules, path: ['body', 'modules'] });
      const joined = patch.joinedOn === undefined ? current.joinedOn : patch.joinedOn;
      const left = patch.leftOn === undefined ? current.leftOn : patch.leftOn;
      if (joined && left && left < joined) {
        throw invalid('leftOn: cannot be before the date they joined', { path: ['body', 'leftOn'] });
      }
      const row = (await repo.updateContact(tx.db, tx.workspaceId, contactId, patch, tx.services.now()))!;
      if (left && !current.leftOn) await emit(tx, 'contact.left', { contactId, accountId: row.accountId, role: row.role, leftOn: left });
      if (!left && current.leftOn) await emit(tx, 'contact.returned', { contactId, accountId: row.accountId });
      if (row.role !== current.role) await emit(tx, 'contact.role_changed', { contactId, accountId: row.accountId, from: current.role, to: row.role });
      return presentContact(row);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'contacts_account_email_key')) throw duplicateEmail(patch.email ?? '');
    throw error;
  }
}

/**
 * Deletes a contact added by mistake. One the work still names (assigned tasks, a success plan's sponsor, a verified
 * outcome…) is refused with what names them: people who leave are marked as left, which keeps the record.
 */
export async function deleteContact(ctx: Ctx, contactId: string) {
  await inTransaction(ctx, async (tx) => {
    const contact = await repo.findContact(tx.db, tx.workspaceId, contactId);
    if (!contact) throw notFound('contact');
    const refs = await repo.contactReferences(tx.db, tx.workspaceId, contactId);
    const uses = [
      refs.tasks && `is assigned ${plural(refs.tasks, 'task')}`,
      refs.sponsorOf && 'is the executive sponsor of a success plan',
      refs.verified && `verified ${plural(refs.verified, 'outcome')}`,
      refs.metrics && `owns ${plural(refs.metrics, 'success metric')}`,
      refs.assessments && `was sent ${plural(refs.assessments, 'readiness assessment')}`,
      refs.learning && 'has learning history in the academy (lessons, certificates or webinars)',
      refs.risks && `is named in ${plural(refs.risks, 'account risk')} (their departure or succession)`,
    ].filter((use): use is string => !!use);
    if (uses.length > 0) {
      throw conflict(`${contact.name} cannot be deleted: ${contact.name.split(' ')[0]} ${new Intl.ListFormat('en', { type: 'conjunction' }).format(uses)}. Reassign those, or set the date they left instead.`);
    }
    await emit(tx, 'contact.deleting', { contactId, accountId: contact.accountId });
    await repo.deleteContact(tx.db, tx.workspaceId, contactId);
  });
}

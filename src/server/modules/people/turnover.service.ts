// Turnover: when someone at the customer leaves, their open tasks go to someone current at once (never a ghost);
// when they held a key role (champion, admin, executive sponsor, super-user) a risk is raised on the account with
// what they owned, the CSM is told by email and in the project's history, and a turnover playbook of three steps
// starts. Naming a successor gives them the role, the open tasks and the metrics, and ticks the playbook.
//
// The playbook lives on the risk (three steps), not as a project: a new project from a playbook would attach an
// onboarding cadence (customer emails), the readiness gate and go-live figures that have nothing to do with a
// hand-over, and adding tasks to the running project would re-plan it and could move its go-live.
import { heirOf, riskKindFor, TURNOVER_STEPS, RISK_KIND_LABELS, type RiskKind } from '../../../core/turnover/risk.ts';
import { CONTACT_ROLE_LABELS, type ContactRole } from '../../../core/people.ts';
import { plural } from '../../../core/words.ts';
import { inTransaction, systemActor, type Ctx, type Services, contextFor } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { OwnedAtLeaving, RiskStep } from '../../db/tables/people.ts';
import { emitMany } from '../../events/bus.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { queueMails, takeUnhandledBounces, type OutgoingMail } from '../../mail/mail.service.ts';
import type { PortalLeftInput, RiskResolution, SuccessorInput } from '../../../contract/turnover.ts';
import { accountsByIds } from '../accounts/accounts.service.ts';
import { contactOf, contactsByIds, contactsOfAccount, contactsOfAccounts, updateContact } from '../contacts/contacts.service.ts';
import { recordEvent, recordEvents } from '../history/history.service.ts';
import { membersByIds } from '../members/members.service.ts';
import { calendarOf, todayFor } from '../projects/plan.ts';
import { openTasksOfContacts, reassignOpenTasksOf, reassignOpenTasksOfMany } from '../projects/tasks.service.ts';
import { handOverMetricsOf, metricsOwnedBy } from '../success-plans/success-plans.service.ts';
import * as repo from './people.repo.ts';
import { presentRisks } from './people.service.ts';

/** What the risk keeps beyond the counts: which tasks and metrics were the leaver's, and who holds them meanwhile. */
export interface Handover extends OwnedAtLeaving {
  taskIds?: string[];
  metricIds?: string[];
  interimContactId?: string | null;
}

const today = async (ctx: Ctx) => todayFor(ctx, await calendarOf(ctx.db, ctx.workspaceId));

export interface Leaver {
  contactId: string;
  accountId: string;
  role: string;
  leftOn: string;
}

/** Reaction to contact.left: re-assign their open tasks at once, and raise a risk when their role is a key one. */
export const onContactLeft = (ctx: Ctx, left: Leaver) => onContactsLeft(ctx, [left]);

/**
 * The set-based form (a CSV import's batch): the same tasks moved, risks, emails and history lines as onContactLeft
 * once per leaver, in a few statements. One leaver's reaction does not change what another's reads (it moves tasks
 * to someone current, and every leaver has left), so each is worked out from the same reads.
 */
export async function onContactsLeft(ctx: Ctx, leavers: Leaver[]) {
  if (new Set(leavers.map((l) => l.contactId)).size !== leavers.length) {
    for (const left of leavers) await onContactsLeft(ctx, [left]); // the same person twice: one after the other
    return;
  }
  const contacts = await contactsByIds(ctx, leavers.map((l) => l.contactId));
  const found = leavers.flatMap((left) => {
    const contact = contacts.get(left.contactId);
    return contact ? [{ left, contact }] : [];
  });
  if (found.length === 0) return;
  const accountIds = [...new Set(found.map(({ left }) => left.accountId))];
  const currentOf = await contactsOfAccounts(ctx, accountIds, 'current');
  const tasksOf = groupBy(await openTasksOfContacts(ctx, found.map(({ contact }) => contact.id)), (task) => task.contactId);
  const handovers = found.map(({ left, contact }) => {
    const current = (currentOf.get(left.accountId) ?? []).filter((c) => c.id !== contact.id);
    const heir = heirOf(contact.id, null, current);
    const heirName = current.find((c) => c.id === heir)?.name;
    const why = heir
      ? `${contact.name} left on ${left.leftOn}: ${heirName} takes it until a successor is named.`
      : `${contact.name} left on ${left.leftOn}, and nobody current at the customer can take it yet: the CSM is told.`;
    return { left, contact, heir, heirName, why, tasks: tasksOf.get(contact.id) ?? [] };
  });
  await reassignOpenTasksOfMany(ctx, handovers.map((h) => ({ from: h.contact.id, to: h.heir, why: h.why })));

  const key = handovers.flatMap((h) => {
    const kind = riskKindFor(h.left.role);
    return kind ? [{ ...h, kind }] : [];
  });
  if (key.length === 0) return;
  const keyIds = key.map((h) => h.contact.id);
  const metricsOf = groupBy(await metricsOwnedBy(ctx, keyIds), (metric) => metric.ownerContactId);
  const trainees = await repo.traineesOf(ctx.db, ctx.workspaceId, keyIds);
  const projects = await repo.activeProjectsOfAccounts(ctx.db, ctx.workspaceId, [...new Set(key.map((h) => h.left.accountId))]);
  const now = ctx.services.now();
  const raised = key.map((h) => {
    const metrics = metricsOf.get(h.contact.id) ?? [];
    const owned: Handover = {
      openTasks: h.tasks.length,
      metrics: metrics.length,
      outcomes: new Set(metrics.map((m) => m.outcomeId)).size,
      trainees: trainees ? (trainees.get(h.contact.id) ?? 0) : null,
      taskIds: h.tasks.map((t) => t.id),
      metricIds: metrics.map((m) => m.id),
      interimContactId: h.heir,
    };
    return { ...h, owned, project: projects.get(h.left.accountId) };
  });
  const steps = (): RiskStep[] => TURNOVER_STEPS.map((step) => ({ key: step.key, title: step.title, doneAt: null, taskId: null }));
  const risks = await repo.insertRisks(
    ctx.db,
    ctx.workspaceId,
    raised.map((r) => ({ accountId: r.left.accountId, kind: r.kind, contactId: r.contact.id, role: r.left.role, leftOn: r.left.leftOn, owned: r.owned, steps: steps(), projectId: r.project?.id ?? null, raisedAt: now })),
  );
  const riskOfLeaver = new Map(risks.map((risk) => [risk.contactId, risk.id]));
  const written = raised.flatMap((r) => {
    const riskId = riskOfLeaver.get(r.contact.id);
    return riskId ? [{ ...r, riskId }] : [];
  });
  await emitMany(ctx, 'risk.raised', written.map((r) => ({ riskId: r.riskId, accountId: r.left.accountId, kind: r.kind, contactId: r.contact.id })));
  const told = await tellCsms(ctx, written.map((r) => ({ riskId: r.riskId, accountId: r.left.accountId, name: r.contact.name, role: r.left.role, leftOn: r.left.leftOn, kind: r.kind, owned: r.owned, heirName: r.heirName ?? null })));
  await recordEvents(
    ctx,
    written.flatMap((r) => {
      if (!r.project) return [];
      const whom = told.get(r.riskId) ?? [];
      return [{
        projectId: r.project.id,
        kind: 'alert',
        field: 'turnover',
        toValue: whom.length > 0 ? `told ${whom.join(', ')}` : 'nobody to tell: the account has no CSM or onboarding manager',
        reason: `${RISK_KIND_LABELS[r.kind]}: ${r.contact.name} (${roleLabel(r.left.role)}) left on ${r.left.leftOn}`,
      }];
    }),
  );
}

const groupBy = <T>(items: T[], key: (item: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

const roleLabel = (role: string) => CONTACT_ROLE_LABELS[role as ContactRole] ?? role;

function ownedText(owned: OwnedAtLeaving) {
  const parts = [
    plural(owned.openTasks, 'open task'),
    `${plural(owned.metrics, 'success metric')} (${plural(owned.outcomes, 'outcome')})`,
    owned.trainees === null ? null : plural(owned.trainees, 'trainee'),
  ].filter((part): part is string => part !== null);
  return new Intl.ListFormat('en', { type: 'conjunction' }).format(parts);
}

interface Departure {
  riskId: string;
  accountId: string;
  name: string;
  role: string;
  leftOn: string;
  kind: RiskKind;
  owned: OwnedAtLeaving;
  heirName: string | null;
}

/** Emails each account's CSM (else its onboarding manager) through the outbox; answers whom it told, by risk. */
async function tellCsms(ctx: Ctx, departures: Departure[]) {
  const accounts = await accountsByIds(ctx, [...new Set(departures.map((d) => d.accountId))]);
  const ownerOf = (accountId: string) => {
    const owners = accounts.get(accountId)?.owners ?? [];
    return owners.find((o) => o.role === 'csm') ?? owners.find((o) => o.role === 'onboarding_manager');
  };
  const members = await membersByIds(ctx, [...new Set(departures.flatMap((d) => ownerOf(d.accountId)?.memberId ?? []))]);
  const told = new Map<string, string[]>();
  const mails: OutgoingMail[] = [];
  for (const leaver of departures) {
    const account = accounts.get(leaver.accountId)!;
    const member = members.get(ownerOf(leaver.accountId)?.memberId ?? '');
    if (!member) continue;
    const url = `${ctx.services.config.publicUrl}/accounts/${leaver.accountId}`;
    mails.push({
      dedupeKey: `risk:${leaver.riskId}:${member.id}`,
      to: member.email,
      subject: `${RISK_KIND_LABELS[leaver.kind]} at ${account.name}: ${leaver.name}`,
      text:
        `Hello ${member.name},\n\n${leaver.name}, ${roleLabel(leaver.role).toLowerCase()} at ${account.name}, left on ${leaver.leftOn}.\n` +
        `They owned ${ownedText(leaver.owned)}.\n` +
        (leaver.heirName ? `Their open tasks went to ${leaver.heirName} for now.\n` : leaver.owned.openTasks > 0 ? 'Nobody current at the customer could take their open tasks.\n' : '') +
        `\nThe turnover playbook has started: name a successor, hand over their open tasks and outcomes, and re-align the executive sponsor.\n` +
        `Name a successor here: ${url}\n`,
    });
    told.set(leaver.riskId, [member.name]);
  }
  await queueMails(ctx.db, ctx.services, ctx.workspaceId, mails);
  return told;
}

function presentSteps(steps: RiskStep[], done: string[], at: string) {
  return steps.map((step) => (done.includes(step.key) && !step.doneAt ? { ...step, doneAt: at } : step));
}

/** A member names who takes over from the person who left: the role, the open tasks, the metrics; two steps done. */
export async function nameSuccessor(ctx: Ctx, accountId: string, riskId: string, input: SuccessorInput) {
  await inTransaction(ctx, async (tx) => {
    const risk = await repo.findRisk(tx.db, tx.workspaceId, accountId, riskId);
    if (!risk) throw notFound('risk');
    if (risk.status !== 'open') throw conflict('This risk is resolved: there is no successor to name any more.');
    if (input.contactId === risk.contactId) {
      throw invalid('contactId: the successor cannot be the person who left', { path: ['body', 'contactId'] });
    }
    const successor = await contactOf(tx, input.contactId);
    if (!successor || successor.accountId !== accountId) {
      throw invalid('contactId: is not a contact of this account (a successor works at the same customer)', { path: ['body', 'contactId'] });
    }
    if (successor.leftOn) {
      throw invalid(`contactId: ${successor.name} left on ${successor.leftOn}: choose someone still at the customer`, { path: ['body', 'contactId'] });
    }
    const leaver = (await contactOf(tx, risk.contactId))!;
    // The successor takes the role: contacts announces contact.role_changed, and the academy and journeys react.
    if (successor.role !== risk.role) await updateContact(tx, successor.id, { role: risk.role as ContactRole });
    const owned = risk.owned as Handover;
    const why = `${successor.name} succeeds ${leaver.name} (${roleLabel(risk.role)}), who left on ${risk.leftOn}.`;
    if (owned.interimContactId && owned.interimContactId !== successor.id) {
      await reassignOpenTasksOf(tx, owned.interimContactId, successor.id, why, owned.taskIds ?? []);
    }
    await reassignOpenTasksOf(tx, leaver.id, successor.id, why);
    await handOverMetricsOf(tx, leaver.id, successor.id);
    const now = tx.services.now();
    await repo.updateRisk(tx.db, tx.workspaceId, risk.id, {
      successorContactId: successor.id,
      steps: presentSteps(risk.steps, ['name_successor', 'hand_over'], now.toISOString()),
    });
    const project = await repo.activeProjectOfAccount(tx.db, tx.workspaceId, accountId);
    if (project) await recordEvent(tx, { projectId: project.id, kind: 'turnover', field: 'successor', fromValue: leaver.name, toValue: successor.name, reason: why });
  });
  return riskOf(ctx, accountId, riskId);
}

/** A member resolves a risk by hand (the sponsor is re-aligned, or it no longer matters), saying how. */
export async function resolveRisk(ctx: Ctx, accountId: string, riskId: string, input: RiskResolution) {
  await inTransaction(ctx, async (tx) => {
    const risk = await repo.findRisk(tx.db, tx.workspaceId, accountId, riskId);
    if (!risk) throw notFound('risk');
    if (risk.status !== 'open') throw conflict('This risk is already resolved.');
    await closeRisk(tx, risk, input.reason);
  });
  return riskOf(ctx, accountId, riskId);
}

async function closeRisk(ctx: Ctx, risk: repo.RiskRow, reason: string) {
  const now = ctx.services.now();
  await repo.updateRisk(ctx.db, ctx.workspaceId, risk.id, {
    status: 'resolved',
    resolution: reason,
    resolvedAt: now,
    steps: presentSteps(risk.steps, TURNOVER_STEPS.map((s) => s.key), now.toISOString()),
  });
}

/** Reaction to contact.returned: the person came back, so the risk their departure raised is over. */
export async function onContactReturned(ctx: Ctx, returned: { contactId: string }) {
  const risk = await repo.openRiskOfContact(ctx.db, ctx.workspaceId, returned.contactId);
  if (risk) await closeRisk(ctx, risk, 'They came back.');
}

async function riskOf(ctx: Ctx, accountId: string, riskId: string) {
  const rows = (await repo.risksOfAccount(ctx.db, ctx.workspaceId, accountId)).filter((r) => r.id === riskId);
  return (await presentRisks(ctx, accountId, rows))[0]!;
}

// ---- the portal ----

const MAY_MARK_OTHERS: readonly string[] = ['champion', 'admin', 'project_lead'];

/** The contact's current colleagues, for a champion or admin to say who left; others see only themselves. */
export async function colleaguesOf(ctx: Ctx & { actor: { kind: 'contact'; contactId: string } }) {
  const me = await contactOf(ctx, ctx.actor.contactId);
  if (!me) throw notFound('contact');
  const current = await contactsOfAccount(ctx, me.accountId, 'current');
  const visible = MAY_MARK_OTHERS.includes(me.role) ? current : current.filter((c) => c.id === me.id);
  return visible.map((c) => ({ id: c.id, name: c.name, role: c.role, joinedOn: c.joinedOn }));
}

/** In the portal: a champion or admin marks a colleague as left, or a contact says they left themselves. */
export async function markLeftInPortal(ctx: Ctx & { actor: { kind: 'contact'; contactId: string } }, contactId: string, input: PortalLeftInput) {
  const me = await contactOf(ctx, ctx.actor.contactId);
  const them = await contactOf(ctx, contactId);
  if (!me || !them || them.accountId !== me.accountId) throw notFound('contact');
  if (them.id !== me.id && !MAY_MARK_OTHERS.includes(me.role)) {
    throw forbidden('Only your champion, project lead or admin can say a colleague has left. You can say you left yourself.');
  }
  if (them.leftOn) throw conflict(`${them.name} is already marked as left (on ${them.leftOn}).`);
  const leftOn = input.leftOn ?? (await today(ctx));
  const updated = await updateContact(ctx, them.id, { leftOn });
  return { id: updated.id, name: updated.name, role: updated.role, joinedOn: updated.joinedOn };
}

// ---- hard bounces ----

/**
 * As "Mail bounce": the contacts at an address the recipient's server refused for good are marked as left that day
 * (a mailbox closed is how most departures show), which starts the rest: tasks re-assigned, a risk for a key role.
 */
export async function handleBounces(services: Services, limit = 200) {
  let handled = 0;
  await services.database.db.transaction(async (db) => {
    const bounces = await takeUnhandledBounces(db as unknown as Db, services.now(), limit);
    for (const bounce of bounces) {
      const ctx = { ...contextFor(services, systemActor(bounce.workspaceId, 'mail-bounce')), db: db as unknown as Db };
      const on = await today(ctx);
      for (const { id } of await repo.currentContactsAt(ctx.db, bounce.workspaceId, bounce.address)) {
        try {
          await updateContact(ctx, id, { leftOn: on });
          handled++;
        } catch (error) {
          // A contact who joins later than today cannot have left today: their record stays as it is.
          if (!(error instanceof AppError)) throw error;
        }
      }
    }
  });
  return handled;
}

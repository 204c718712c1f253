// What happens when: the one table of which module reacts to which domain event, and which guards may refuse
// a change. Modules announce (events/bus.ts emit, check) and never import a sibling to tell it something.
import { AUTOMATED_ACTION_LABELS, type AutomatedAction } from '../../core/playbooks/definition.ts';
import { passwordSignInRefusal } from '../modules/sso/sso.service.ts';
import { enrolNewContact, enrolNewContacts, enrolOnMilestone, enrolOnRelease, enrolOnRoleChange, enrolOnRoleChanges, forgetContact, reevaluateAccount, withdrawLeaver, withdrawLeavers } from '../modules/academy/enrolment.service.ts';
import { installReactions, setBased, type GuardTable, type Reactions } from '../events/bus.ts';
import { assignAtStart } from '../modules/assignment/assignment.service.ts';
import { endSessionsOfMember } from '../modules/auth/auth.service.ts';
import { attachBestCadence, onContactAdded, onContactsAdded, onProjectEvent } from '../modules/cadences/cadences.service.ts';
import { endSilenceIfAnswered } from '../modules/escalation/escalation.service.ts';
import { askInPortal } from '../modules/portal/portal-access.service.ts';
import { installBuiltinPlaybooks } from '../modules/playbooks/playbooks.service.ts';
import { reassignTrainees } from '../modules/journeys/guides.service.ts';
import { installBuiltinJourneys, onContactsJoined, onContactsLeft as endJourneysOfLeavers, onPathCompleted, onRolesChanged } from '../modules/journeys/journeys.service.ts';
import { rescoreAccount, rescoreAccountOfProject, rescoreSomeAccounts } from '../modules/health/health.service.ts';
import { replanProjectsOf } from '../modules/projects/projects.service.ts';
import { flagWorkOfLeaver } from '../modules/projects/owners.service.ts';
import { onContactLeft, onContactReturned, onContactsLeft } from '../modules/people/turnover.service.ts';
import { completeAutomatedWork } from '../modules/projects/tasks.service.ts';
import { assertReadinessGateAllows } from '../modules/readiness/readiness.service.ts';
import { assertValueMilestoneByCustomer } from '../modules/success-plans/value-milestones.ts';
import { assertSoldProducts } from '../modules/products/products.service.ts';
import { evaluateAfter, onboardNextPart } from '../modules/products/maturity.service.ts';
import { enqueueEvent, enqueueEvents } from '../modules/webhooks/webhooks.service.ts';
import { recordAudit } from '../audit/audit.ts';
import { announceInSlack, announceManyInSlack } from '../modules/slack/slack.service.ts';
import { requestCrmSync } from '../modules/crm-sync/crm-sync.service.ts';

export const reactions: Reactions = {
  'workspace.created': [
    (ctx, { workspaceId }) => installBuiltinPlaybooks(ctx.db, workspaceId), // playbooks: the built-in ones, ready to use
    (ctx, { workspaceId }) => installBuiltinJourneys(ctx.db, workspaceId, ctx.services.now()), // journeys: one per role, ready to use
  ],
  'member.removed': [
    (ctx, { memberId }) => endSessionsOfMember(ctx, memberId), // auth: signed out everywhere, at once
    (ctx, removed) => recordAudit(ctx, { kind: 'member.removed', summary: `${removed.name} (${removed.role}) removed from the workspace`, subject: { type: 'member', id: removed.memberId }, before: { name: removed.name, role: removed.role } }), // audit log
    (ctx, { memberId }) => flagWorkOfLeaver(ctx, memberId), // projects: what they manage or own says it needs a new owner
  ],
  'member.deactivated': [
    (ctx, { memberId }) => endSessionsOfMember(ctx, memberId), // auth: signed out everywhere, at once (and no new sign-in)
    (ctx, { memberId }) => flagWorkOfLeaver(ctx, memberId), // projects: what they manage or own says it needs a new owner
  ],
  'workspace.calendar_changed': [
    (ctx, { why }) => replanProjectsOf(ctx, why), // projects: every active project's dates follow the new calendar
  ],
  'project.created': [
    (ctx, { projectId }) => assignAtStart(ctx, projectId), // assignment: owners by the rules (or the lead told), portal access for the champion and admin; before the cadence, whose welcome they sign
    (ctx, { projectId }) => attachBestCadence(ctx, projectId), // cadences: the cadence of its touch model and product
    (ctx, e) => enqueueEvent(ctx, 'project.created', e), // webhooks: to the endpoints that take it, in this transaction
    (ctx, e) => announceInSlack(ctx, 'project.created', { projectId: e.projectId }), // slack: where the matrix says
  ],
  'task.completed': [
    (ctx, e) => onProjectEvent(ctx, { kind: 'task_completed', projectId: e.projectId, taskKey: e.taskKey, milestone: e.milestoneKind }), // cadences: a step may wait for it
    (ctx, e) => rescoreAccountOfProject(ctx, e.projectId), // health: on time, slip and LAER may change
    (ctx, e) => enqueueEvent(ctx, 'task.completed', e), // webhooks
    (ctx, e) => announceInSlack(ctx, 'task.completed', { projectId: e.projectId, taskId: e.taskId }), // slack
    (ctx, e) => requestCrmSync(ctx, e.projectId, 'A task was done'), // crm sync: stage and go-live may move
  ],
  'milestone.reached': [
    (ctx, e) => onProjectEvent(ctx, { kind: 'milestone_reached', projectId: e.projectId, taskKey: e.taskKey, milestone: e.milestoneKind }), // cadences
    (ctx, e) => enrolOnMilestone(ctx, e.projectId, e.milestoneKind), // academy: rules on this milestone enrol the account's contacts
    (ctx, e) => rescoreAccountOfProject(ctx, e.projectId), // health: live (LAER), on time
    (ctx, e) => enqueueEvent(ctx, 'milestone.reached', e), // webhooks
    (ctx, e) => announceInSlack(ctx, 'milestone.reached', { projectId: e.projectId, taskId: e.taskId }), // slack
    (ctx, e) => requestCrmSync(ctx, e.projectId, 'A milestone was reached'), // crm sync
  ],
  'task.changed': [
    (ctx, { projectId }) => endSilenceIfAnswered(ctx, projectId), // escalation: the customer caught up, so the stall is cleared now
    (ctx, e) => (e.fields.includes('assigneeMemberId') ? announceInSlack(ctx, 'task.assigned', { projectId: e.projectId, taskId: e.taskId, actionable: true }) : undefined), // slack: who has it now, with Mark done
    (ctx, e) => requestCrmSync(ctx, e.projectId, 'The plan changed'), // crm sync: projected go-live, health (coalesced per project)
  ],
  'contact.joined': [
    setBased((ctx, contact) => onContactAdded(ctx, { id: contact.contactId, accountId: contact.accountId }), (ctx, all) => onContactsAdded(ctx, all.map((c) => ({ id: c.contactId, accountId: c.accountId })))), // cadences: a running onboarding may welcome them
    setBased((ctx, contact) => enrolNewContact(ctx, contact.contactId), (ctx, all) => enrolNewContacts(ctx, all.map((c) => c.contactId))), // academy: the rules enrol them at once
    setBased((ctx, contact) => onContactsJoined(ctx, [contact.contactId]), (ctx, all) => onContactsJoined(ctx, all.map((c) => c.contactId))), // journeys: in an account already a customer, their role's journey (after the academy, whose path it shows), portal access, a guide
    setBased((ctx, contact) => rescoreAccount(ctx, contact.accountId), (ctx, all) => rescoreSomeAccounts(ctx, all.map((c) => c.accountId))), // health: champion present, trained share
    setBased((ctx, e) => enqueueEvent(ctx, 'contact.joined', e), (ctx, all) => enqueueEvents(ctx, 'contact.joined', all)), // webhooks
  ],
  'contact.role_changed': [
    setBased((ctx, change) => enrolOnRoleChange(ctx, change.contactId), (ctx, all) => enrolOnRoleChanges(ctx, all.map((c) => c.contactId))), // academy: the rules on their new role enrol them
    setBased((ctx, change) => onRolesChanged(ctx, [change.contactId]), (ctx, all) => onRolesChanged(ctx, all.map((c) => c.contactId))), // journeys: the new role's journey (the successor who becomes champion)
    setBased((ctx, change) => rescoreAccount(ctx, change.accountId), (ctx, all) => rescoreSomeAccounts(ctx, all.map((c) => c.accountId))), // health: champion present
  ],
  'contact.left': [
    setBased((ctx, left) => withdrawLeaver(ctx, left.contactId), (ctx, all) => withdrawLeavers(ctx, all.map((c) => c.contactId))), // academy: their enrolments are withdrawn (kept as history)
    setBased((ctx, left) => onContactLeft(ctx, left), (ctx, all) => onContactsLeft(ctx, all)), // people: their open tasks re-assigned at once; a key role raises a risk (counting their trainees), tells the CSM, starts the turnover playbook
    setBased((ctx, left) => endJourneysOfLeavers(ctx, [left.contactId]), (ctx, all) => endJourneysOfLeavers(ctx, all.map((c) => c.contactId))), // journeys: their journey ends
    setBased((ctx, left) => reassignTrainees(ctx, [left.contactId]), (ctx, all) => reassignTrainees(ctx, all.map((c) => c.contactId))), // journeys: a guide who left hands their trainees to another super-user (after people counted them)
    setBased((ctx, left) => rescoreAccount(ctx, left.accountId), (ctx, all) => rescoreSomeAccounts(ctx, all.map((c) => c.accountId))), // health: champion present, key-contact turnover (renewal risk)
    setBased((ctx, e) => enqueueEvent(ctx, 'contact.left', e), (ctx, all) => enqueueEvents(ctx, 'contact.left', all)), // webhooks
    setBased((ctx, left) => announceInSlack(ctx, 'contact.left', { accountId: left.accountId, contactId: left.contactId }), (ctx, all) => announceManyInSlack(ctx, 'contact.left', all.map((left) => ({ accountId: left.accountId, contactId: left.contactId })))), // slack
  ],
  'contact.deleting': [
    (ctx, gone) => forgetContact(ctx, gone.contactId), // academy: the enrolments the rules gave them (none started: contacts refuses a learner)
  ],
  'contact.returned': [
    (ctx, back) => onContactReturned(ctx, back), // people: the risk their departure raised is over (their history stays)
  ],
  'release.published': [
    (ctx, release) => enrolOnRelease(ctx, release), // academy: rules on releases enrol the release's users
  ],
  'path.completed': [
    (ctx, done) => onPathCompleted(ctx, done), // journeys: the path-done check-in, and the journey is done
    (ctx, done) => evaluateAfter(ctx, done.accountId, 'A learning path was completed'), // products: path criteria of maturity stages
    (ctx, done) => rescoreAccount(ctx, done.accountId), // health: trained users
    (ctx, e) => enqueueEvent(ctx, 'path.completed', e), // webhooks
  ],
  'message.sent': [
    (ctx, sent) => completeAutomatedWork(ctx, sent.projectId, sent.action, sent.sentOn, automatedActionLabel(sent.action)), // projects: the task bound to this work is done, that day
  ],
  'project.status_changed': [
    (ctx, e) => rescoreAccountOfProject(ctx, e.projectId), // health: a cancelled project no longer counts
    (ctx, e) => enqueueEvent(ctx, 'project.status_changed', e), // webhooks
    (ctx, e) => recordAudit(ctx, { kind: 'project.status_changed', summary: `Project ${e.to === 'closed' ? `closed (${e.closedOutcome ?? 'no outcome'})` : e.to}${e.reason ? `: ${e.reason}` : ''}`, subject: { type: 'project', id: e.projectId }, before: { status: e.from }, after: { status: e.to, reason: e.reason, closedOutcome: e.closedOutcome } }), // audit log
    (ctx, e) => announceInSlack(ctx, 'project.status_changed', { projectId: e.projectId, detail: `${e.from} → ${e.to}${e.reason ? ` (${e.reason})` : ''}` }), // slack
    (ctx, e) => requestCrmSync(ctx, e.projectId, `Project ${e.to}`), // crm sync
  ],
  'risk.raised': [
    setBased((ctx, e) => rescoreAccount(ctx, e.accountId), (ctx, all) => rescoreSomeAccounts(ctx, all.map((e) => e.accountId))), // health: renewal risk
    (ctx, e) => enqueueEvent(ctx, 'risk.raised', e), // webhooks
    (ctx, e) => announceInSlack(ctx, 'risk.raised', { accountId: e.accountId, contactId: e.contactId, detail: `${e.kind.replace(/_/g, ' ')}` }), // slack
  ],
  'deal.won': [
    (ctx, e) => enqueueEvent(ctx, 'deal.won', e), // webhooks
    (ctx, won) => announceInSlack(ctx, 'deal.won', { accountId: won.accountId, projectId: won.projectId }), // slack
  ],
  'owner.reminded': [
    (ctx, e) => announceInSlack(ctx, 'owner.reminded', { projectId: e.projectId, taskId: e.taskId, detail: e.reason, snoozable: true }), // slack: a late task gets Snooze buttons
  ],
  'outcome.verified': [
    (ctx, e) => enqueueEvent(ctx, 'outcome.verified', e), // webhooks
  ],
  'account.product_added': [
    (ctx, added) => reevaluateAccount(ctx, added.accountId), // academy: rules on the product (products facet) enrol the account's people now
    (ctx, added) => evaluateAfter(ctx, added.accountId, `${added.product} added`), // products: the account's maturity in the new product
    (ctx, added) => rescoreAccount(ctx, added.accountId), // health: LAER expand
  ],
  'organization.added': [
    (ctx, added) => reevaluateAccount(ctx, added.accountId), // academy: rules on the organization enrol its contacts
    (ctx, e) => rescoreAccount(ctx, e.accountId), // health: LAER expand
  ],
  'usage.posted': [
    (ctx, posted) => rescoreAccount(ctx, posted.accountId), // health: the usage measure (active_users of licensed_users)
  ],
  'maturity.stage_reached': [
    (ctx, reached) => reevaluateAccount(ctx, reached.accountId), // academy: rules on the stage enrol the account's contacts
    (ctx, reached) => onboardNextPart(ctx, reached), // products with academy, projects, cadences: the stage's path, a success-plan review, its cadence
    (ctx, e) => enqueueEvent(ctx, 'maturity.stage_reached', e), // webhooks
  ],
  'customer.asked': [
    (ctx, ask) => askInPortal(ctx, ask.projectId, ask.contactId, { subject: ask.subject, text: ask.text }), // portal: access if needed, and an email
  ],
};

const automatedActionLabel = (action: string) => AUTOMATED_ACTION_LABELS[action as AutomatedAction] ?? action;

export const guards: GuardTable = {
  'task.status_changing': [
    (ctx, change) => assertReadinessGateAllows(ctx, change.project, change.task, change.nextStatus), // readiness: no leaving Mobilization until ready
    (ctx, change) => (change.byValueProof ? undefined : assertValueMilestoneByCustomer(ctx, change.project.id, change.task, change.nextStatus)), // value is what the customer confirms
  ],
  'products.naming': [
    (ctx, typed) => assertSoldProducts(ctx, typed), // products: only what the workspace sells (once it lists it)
  ],
  'password.signing_in': [
    (ctx, member) => passwordSignInRefusal(ctx, member), // sso: a workspace that signs in through its provider (admins keep their password)
  ],
};

/** Installs the table; every process (serve, worker, tests, benchmarks) calls it once through buildApp or the worker. */
export function installAll(): void {
  installReactions(reactions, guards);
}

// What happens when: the one table of which module reacts to which domain event, and which guards may refuse
// a change. Modules announce (events/bus.ts emit, check) and never import a sibling to tell it something.
import { AUTOMATED_ACTION_LABELS, type AutomatedAction } from '../../core/playbooks/definition.ts';
import { enrolNewContact, enrolOnMilestone, enrolOnRelease, enrolOnRoleChange, reevaluateAccount, withdrawLeaver } from '../modules/academy/enrolment.service.ts';
import { installReactions, type GuardTable, type Reactions } from '../events/bus.ts';
import { assignAtStart } from '../modules/assignment/assignment.service.ts';
import { endSessionsOfMember } from '../modules/auth/auth.service.ts';
import { attachBestCadence, onContactAdded, onProjectEvent } from '../modules/cadences/cadences.service.ts';
import { endSilenceIfAnswered } from '../modules/escalation/escalation.service.ts';
import { askInPortal } from '../modules/portal/portal-access.service.ts';
import { installBuiltinPlaybooks } from '../modules/playbooks/playbooks.service.ts';
import { replanProjectsOf } from '../modules/projects/projects.service.ts';
import { completeAutomatedWork } from '../modules/projects/tasks.service.ts';
import { assertReadinessGateAllows } from '../modules/readiness/readiness.service.ts';
import { assertValueMilestoneByCustomer } from '../modules/success-plans/value-milestones.ts';

export const reactions: Reactions = {
  'workspace.created': [
    (ctx, { workspaceId }) => installBuiltinPlaybooks(ctx.db, workspaceId), // playbooks: the built-in ones, ready to use
  ],
  'member.removed': [
    (ctx, { memberId }) => endSessionsOfMember(ctx, memberId), // auth: signed out everywhere, at once
  ],
  'workspace.calendar_changed': [
    (ctx, { why }) => replanProjectsOf(ctx, why), // projects: every active project's dates follow the new calendar
  ],
  'project.created': [
    (ctx, { projectId }) => assignAtStart(ctx, projectId), // assignment: owners by the rules (or the lead told), portal access for the champion and admin; before the cadence, whose welcome they sign
    (ctx, { projectId }) => attachBestCadence(ctx, projectId), // cadences: the cadence of its touch model and product
  ],
  'task.completed': [
    (ctx, e) => onProjectEvent(ctx, { kind: 'task_completed', projectId: e.projectId, taskKey: e.taskKey, milestone: e.milestoneKind }), // cadences: a step may wait for it
  ],
  'milestone.reached': [
    (ctx, e) => onProjectEvent(ctx, { kind: 'milestone_reached', projectId: e.projectId, taskKey: e.taskKey, milestone: e.milestoneKind }), // cadences
    (ctx, e) => enrolOnMilestone(ctx, e.projectId, e.milestoneKind), // academy: rules on this milestone enrol the account's contacts
  ],
  'task.changed': [
    (ctx, { projectId }) => endSilenceIfAnswered(ctx, projectId), // escalation: the customer caught up, so the stall is cleared now
  ],
  'contact.joined': [
    (ctx, contact) => onContactAdded(ctx, { id: contact.contactId, accountId: contact.accountId }), // cadences: a running onboarding may welcome them
    (ctx, contact) => enrolNewContact(ctx, contact.contactId), // academy: the rules enrol them at once
  ],
  'contact.role_changed': [
    (ctx, change) => enrolOnRoleChange(ctx, change.contactId), // academy: the rules on their new role enrol them
  ],
  'contact.left': [
    (ctx, left) => withdrawLeaver(ctx, left.contactId), // academy: their enrolments are withdrawn (kept as history)
  ],
  'release.published': [
    (ctx, release) => enrolOnRelease(ctx, release), // academy: rules on releases enrol the release's users
  ],
  'account.product_added': [
    (ctx, added) => reevaluateAccount(ctx, added.accountId), // academy: rules on the product enrol the account's contacts
  ],
  'organization.added': [
    (ctx, added) => reevaluateAccount(ctx, added.accountId), // academy: rules on the organization enrol its contacts
  ],
  'maturity.stage_reached': [
    (ctx, reached) => reevaluateAccount(ctx, reached.accountId), // academy: rules on the stage enrol the account's contacts
  ],
  'message.sent': [
    (ctx, sent) => completeAutomatedWork(ctx, sent.projectId, sent.action, sent.sentOn, automatedActionLabel(sent.action)), // projects: the task bound to this work is done, that day
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
};

/** Installs the table; every process (serve, worker, tests, benchmarks) calls it once through buildApp or the worker. */
export function installAll(): void {
  installReactions(reactions, guards);
}

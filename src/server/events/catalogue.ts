// What can happen in Landfall that another module may react to. A module announces one of these inside the
// transaction of the change (events/bus.ts emit); who reacts is listed in one place, app/reactions.ts.

export interface DomainEvents {
  /** A workspace was set up (first sign-up, demo, tests): it needs its built-in playbooks. */
  'workspace.created': { workspaceId: string };
  /** A member was removed from the workspace: whatever lets them in (their sessions) must end at once. */
  'member.removed': { memberId: string; name: string; role: string };
  /** A member signed in through the workspace's identity provider (OIDC or SAML); `provisioned`: created just now. */
  'member.signed_in_via_sso': { memberId: string; protocol: string; provisioned: boolean; role: string };
  /**
   * The identity provider deactivated a member (SCIM active=false): their sessions end at once, they cannot sign in,
   * and what they own (projects they manage, open tasks) needs a new owner.
   */
  'member.deactivated': { memberId: string };
  /** Working days or holidays changed: every active project's dates may move. */
  'workspace.calendar_changed': { why: string };
  /** An onboarding project was started for an account. */
  'project.created': { projectId: string; accountId: string; playbookId: string | null };
  /** A project was paused, resumed, closed or reopened: cadences and escalation ladders run only while it is active. */
  'project.status_changed': { projectId: string; from: string; to: string; reason: string | null; closedOutcome: string | null };
  /** A task of a project changed (status, dates, assignee…), after its project was re-planned. */
  'task.changed': { projectId: string; taskId: string; fields: string[] };
  /** A task was marked done (it was not done before). */
  'task.completed': { projectId: string; taskId: string; taskKey: string; ownerSide: string; milestoneKind: string | null };
  /** A milestone task (go-live, first value, …) was marked done. */
  'milestone.reached': { projectId: string; taskId: string; taskKey: string; milestoneKind: string };
  /** A person was added to an account's contacts. */
  'contact.joined': { contactId: string; accountId: string };
  /** A contact's role at the customer changed (an end user became an admin…). */
  'contact.role_changed': { contactId: string; accountId: string; from: string; to: string };
  /** A product release was published to the contacts who use its modules. */
  'release.published': { releaseId: string; product: string; modules: string[] };
  /** A contact left the customer (their left-on date was set). */
  'contact.left': { contactId: string; accountId: string; role: string; leftOn: string };
  /** A contact added by mistake is about to be deleted (nothing of the work names them: contacts.service checked). */
  'contact.deleting': { contactId: string; accountId: string };
  /** A contact who had left came back (their left-on date was cleared); what they did before is kept. */
  'contact.returned': { contactId: string; accountId: string };
  /** A won deal arrived from the CRM and became an account and a project. */
  'deal.won': { dealId: string; source: string; accountId: string; projectId: string | null };
  /** A cadence step went to the outbox for a contact; `action` names the automated work it is (the welcome email). */
  'message.sent': { projectId: string; stepId: string; action: string; contactId: string; sentOn: string };
  /** The customer confirmed an outcome of the success plan (in the portal). */
  'outcome.verified': { projectId: string; outcomeId: string; statement: string; verifiedBy: string };
  /** A learner completed a learning path (its completion rule is met); a certificate may have been issued. */
  'path.completed': { enrolmentId: string; contactId: string; accountId: string; pathId: string; certificateId: string | null };
  /** A risk was raised on an account (a key contact left, …). */
  'risk.raised': { riskId: string; accountId: string; kind: string; contactId: string | null };
  /** An existing account took on a product (a won deal or by hand): a project, or users-only onboarding. */
  'account.product_added': { accountId: string; product: string; mode: 'project' | 'users_only'; projectId: string | null; organizationId: string | null };
  /** A new organization (department, subsidiary, region) of an account starts using the product. */
  'organization.added': { organizationId: string; accountId: string; mode: 'project' | 'users_only'; projectId: string | null };
  /** A usage figure for an account arrived through POST /accounts/:id/usage (active_users, licensed_users, …). */
  'usage.posted': { accountId: string; metric: string; value: number; at: string };
  /** An account (contactId null) or one of its users reached a maturity stage of a product. */
  'maturity.stage_reached': { accountId: string; contactId: string | null; product: string; stage: string; from: string | null };
  /**
   * The vendor's ladder told members that a project waits on us: its owner reminded, or the team lead told. `taskId`: the
   * oldest late vendor task (null when the project only went quiet); `reason` says why in a line.
   */
  'owner.reminded': { projectId: string; step: 'remind_owner' | 'tell_team_lead'; taskId: string | null; reason: string; memberIds: string[] };
  /** The vendor asks a contact to act in the customer portal (an assessment to fill in, outcomes to confirm). */
  'customer.asked': { projectId: string; contactId: string; subject: string; text: string };
}

export type EventName = keyof DomainEvents;

/**
 * Changes that another module may refuse before they are made (a guard throws an AppError that says why).
 * Guards run inside the transaction of the change, before anything is written.
 */
export interface Guards {
  /** A task's status is about to change (the readiness gate, value confirmed only by the customer). */
  'task.status_changing': {
    project: { id: string; stages: unknown };
    task: { stage: string; title: string; status: string; milestoneKind: string | null };
    nextStatus: string | undefined;
    /** The success plan completes a value milestone because the customer confirmed its outcomes. */
    byValueProof: boolean;
  };
  /** A member is about to sign in with their password (it was right): single sign-on may require its provider instead. */
  'password.signing_in': { memberId: string; role: string };
  /** A person typed products or modules (an account, contact, project, cadence, course, rule, release): the catalogue checks them. */
  'products.naming': { products?: readonly (string | null)[]; modules?: readonly string[]; known?: readonly string[]; path: (string | number)[] };
}

export type GuardName = keyof Guards;

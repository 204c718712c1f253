import type { MemberRole } from '../core/people.ts';
import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';

/**
 * Who is asking. Each route says which kinds it admits. Every actor carries the name that the history shows
 * for what it did, read once where the actor is established (its session, token or system actor).
 */
export type Actor =
  | { kind: 'member'; workspaceId: string; memberId: string; role: MemberRole; sessionId: string; name: string }
  | { kind: 'token'; workspaceId: string; tokenId: string; role: MemberRole; name: string }
  /** A customer contact signed in to the portal (or a member previewing the portal as that contact: read-only). */
  | { kind: 'contact'; workspaceId: string; contactId: string; sessionId: string; preview: boolean; name: string }
  /** Landfall itself, acting for an integration or a job: each has a name of its own in the history. */
  | { kind: 'system'; workspaceId: string; system: SystemActor; role: 'admin'; name: string };

/** A vendor member, API token or system actor: everyone who may use the staff side. */
export type StaffActor = Exclude<Actor, { kind: 'contact' }>;

/** The named system actors: one per integration and job, so history never says "API token" for them. */
export const SYSTEM_ACTORS = {
  intake: 'Deal intake',
  'hubspot-intake': 'HubSpot intake',
  'salesforce-intake': 'Salesforce intake',
  escalation: 'Escalation ladder',
  replan: 'Nightly re-plan',
  cadences: 'Cadences',
  unsubscribe: 'Unsubscribe link',
  setup: 'Workspace setup',
  'portal-sign-in': 'Portal sign-in',
  academy: 'Academy',
  'mail-bounce': 'Mail bounce',
  turnover: 'Turnover',
  journeys: 'Onboarding journeys',
  maturity: 'Maturity model',
  'csv-import': 'CSV import',
  health: 'Health scoring',
  sso: 'Single sign-on',
  'password-sign-in': 'Password sign-in',
  scim: 'SCIM provisioning',
  slack: 'Slack',
  'crm-sync': 'CRM sync',
} as const;
export type SystemActor = keyof typeof SYSTEM_ACTORS;

export const systemActor = (workspaceId: string, system: SystemActor): StaffActor => ({
  kind: 'system',
  workspaceId,
  system,
  role: 'admin',
  name: SYSTEM_ACTORS[system],
});

/**
 * Who did something that the project's history or a record keeps: a vendor member (or API token)
 * or a customer contact in the portal. Services that both sides can call take one of these.
 */
export type Author =
  | { side: 'vendor'; memberId: string | null; name: string }
  | { side: 'customer'; contactId: string; name: string };

/** What the services need from the outside world, passed in, never imported. */
export interface Services {
  database: Database;
  /** A read replica (DATABASE_REPLICA_URL) for reports and exports; see forReading. */
  replica?: Database;
  config: Config;
  /** The clock, injected so tests can move it. */
  now: () => Date;
}

/** A service call's context: the database handle (or transaction), the actor and its workspace. */
export interface Ctx {
  db: Db;
  actor: Actor;
  workspaceId: string;
  services: Services;
  /** Where the request came from (an HTTP call), for the audit log; absent for jobs and reactions run by the system. */
  origin?: RequestOrigin;
}

/** The address and browser of the request behind a change, as the audit log keeps them. */
export interface RequestOrigin {
  ip: string;
  userAgent: string | null;
}

export function contextFor(services: Services, actor: Actor): Ctx {
  return { db: services.database.db, actor, workspaceId: actor.workspaceId, services };
}

/** The same context over a transaction: everything done with it commits or rolls back together. */
/**
 * The context a report or an export reads through: the read replica when there is one (a second or so behind the
 * primary, which a report can bear), else the same context. Only for reading, and never inside a transaction.
 */
export const forReading = (ctx: Ctx): Ctx => (ctx.services.replica ? { ...ctx, db: ctx.services.replica.db } : ctx);

export function inTransaction<T>(ctx: Ctx, work: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction((db) => work({ ...ctx, db: db as unknown as Db }));
}

export const actorId = (actor: Actor): string =>
  actor.kind === 'member' ? actor.memberId : actor.kind === 'token' ? actor.tokenId : actor.kind === 'contact' ? actor.contactId : `system:${actor.system}`;

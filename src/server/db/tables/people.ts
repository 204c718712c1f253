import { sql } from 'drizzle-orm';
import { date, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantId } from './columns.ts';
import { accounts } from './accounts.ts';
import { contacts } from './contacts.ts';

/** What a person who left owned when they left, counted then (the risk keeps it even when the work moves on). */
export interface OwnedAtLeaving {
  openTasks: number;
  /** Success metrics they owned (a success-plan outcome is owned through its metrics). */
  metrics: number;
  /** Outcomes whose metrics they owned. */
  outcomes: number;
  /** Contacts whose guide they were (null when the workspace does not record guides). */
  trainees: number | null;
}

/** One step of the turnover playbook a risk started (name a successor, hand over, re-align the sponsor). */
export interface RiskStep {
  key: string;
  title: string;
  doneAt: string | null;
  /** The project task that carries the step, when the account had an active project to put it in. */
  taskId: string | null;
}

/** A risk on an account: a key person left. Kept after it is resolved (the account's history of turnover). */
export const accountRisks = pgTable(
  'account_risks',
  {
    id: tenantId(),
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    kind: text('kind').notNull(),
    /** Who left, their role then and the day they left. */
    contactId: uuid('contact_id').notNull(),
    role: text('role').notNull(),
    leftOn: date('left_on', { mode: 'string' }).notNull(),
    owned: jsonb('owned').$type<OwnedAtLeaving>().notNull(),
    steps: jsonb('steps').$type<RiskStep[]>().notNull(),
    /** The project the playbook's tasks were added to (the account's active one), if any. */
    projectId: uuid('project_id'),
    successorContactId: uuid('successor_contact_id'),
    status: text('status').notNull().default('open'),
    resolution: text('resolution'),
    raisedAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('account_risks_account_idx').on(t.workspaceId, t.accountId, t.status),
    // One open risk per departure: the same leaver raises nothing twice.
    uniqueIndex('account_risks_open_contact_key').on(t.workspaceId, t.contactId).where(sql`status = 'open'`),
    foreignKey({ columns: [t.workspaceId, t.accountId], foreignColumns: [accounts.workspaceId, accounts.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    foreignKey({ columns: [t.workspaceId, t.successorContactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
  ],
);

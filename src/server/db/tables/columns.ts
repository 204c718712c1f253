import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Binary data: a Buffer in Node, bytea in PostgreSQL. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

export const id = () => uuid('id').primaryKey().defaultRandom();
/**
 * A tenant table's id: the table's primary key is (workspace_id, id) — `primaryKey({ columns: [t.workspaceId, t.id] })`
 * — so that Citus can distribute it by workspace_id (issue 20, schema-lint.ts). Look a row up by both.
 */
export const tenantId = () => uuid('id').notNull().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

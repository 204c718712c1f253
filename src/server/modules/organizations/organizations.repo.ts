import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contacts, organizations } from '../../db/schema.ts';

const organizationColumns = {
  id: organizations.id,
  accountId: organizations.accountId,
  name: organizations.name,
  kind: organizations.kind,
  startedOn: organizations.startedOn,
  createdAt: organizations.createdAt,
  archivedAt: organizations.archivedAt,
  contactCount: sql<number>`(select count(*)::int from ${contacts} c
    where c.workspace_id = organizations.workspace_id and c.organization_id = organizations.id and c.left_on is null)`,
};

export function listOrganizations(db: Db, workspaceId: string, accountId: string) {
  return db
    .select(organizationColumns)
    .from(organizations)
    .where(and(eq(organizations.workspaceId, workspaceId), eq(organizations.accountId, accountId)))
    .orderBy(sql`${organizations.archivedAt} is not null`, asc(organizations.name));
}

export async function findOrganization(db: Db, workspaceId: string, organizationId: string) {
  const [row] = await db
    .select(organizationColumns)
    .from(organizations)
    .where(and(eq(organizations.workspaceId, workspaceId), eq(organizations.id, organizationId)));
  return row;
}

export async function insertOrganization(
  db: Db,
  workspaceId: string,
  accountId: string,
  values: { name: string; kind: string; startedOn: string | null },
) {
  const [row] = await db
    .insert(organizations)
    .values({ ...values, workspaceId, accountId })
    .returning({ id: organizations.id });
  return row!.id;
}

export async function updateOrganization(
  db: Db,
  workspaceId: string,
  organizationId: string,
  values: { name?: string; kind?: string; startedOn?: string | null; archivedAt?: Date | null },
) {
  const [row] = await db
    .update(organizations)
    .set(values)
    .where(and(eq(organizations.workspaceId, workspaceId), eq(organizations.id, organizationId)))
    .returning({ id: organizations.id });
  return row;
}

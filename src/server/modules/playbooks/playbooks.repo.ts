import { and, asc, eq, isNull } from 'drizzle-orm';
import type { PlaybookDefinition } from '../../../core/playbooks/definition.ts';
import type { Db } from '../../db/client.ts';
import { playbooks, playbookVersions } from '../../db/schema.ts';

const columns = {
  id: playbooks.id,
  name: playbooks.name,
  description: playbooks.description,
  currentVersion: playbooks.currentVersion,
  builtinKey: playbooks.builtinKey,
  updatedAt: playbooks.updatedAt,
  archivedAt: playbooks.archivedAt,
  version: playbookVersions.version,
  definition: playbookVersions.definition,
};

export async function listPlaybooks(db: Db, workspaceId: string, includeArchived: boolean) {
  const rows = await db
    .select(columns)
    .from(playbooks)
    .innerJoin(
      playbookVersions,
      and(eq(playbookVersions.playbookId, playbooks.id), eq(playbookVersions.version, playbooks.currentVersion)),
    )
    .where(and(eq(playbooks.workspaceId, workspaceId), includeArchived ? undefined : isNull(playbooks.archivedAt)))
    .orderBy(asc(playbooks.name));
  return rows.map((row) => ({ ...row, definition: row.definition as PlaybookDefinition }));
}

export async function findPlaybook(db: Db, workspaceId: string, playbookId: string, version?: number) {
  const [row] = await db
    .select(columns)
    .from(playbooks)
    .innerJoin(playbookVersions, eq(playbookVersions.playbookId, playbooks.id))
    .where(
      and(
        eq(playbooks.workspaceId, workspaceId),
        eq(playbooks.id, playbookId),
        eq(playbookVersions.version, version ?? playbooks.currentVersion),
      ),
    );
  return row ? { ...row, definition: row.definition as PlaybookDefinition } : undefined;
}

export async function insertPlaybook(
  db: Db,
  workspaceId: string,
  values: { definition: PlaybookDefinition; builtinKey?: string; createdBy: string | null },
) {
  const [row] = await db
    .insert(playbooks)
    .values({
      workspaceId,
      name: values.definition.name,
      description: values.definition.description ?? null,
      builtinKey: values.builtinKey ?? null,
    })
    .returning({ id: playbooks.id });
  await db.insert(playbookVersions).values({
    workspaceId,
    playbookId: row!.id,
    version: 1,
    definition: values.definition,
    createdBy: values.createdBy,
  });
  return row!.id;
}

/** Saves a new version; running projects keep theirs. */
export async function insertVersion(
  db: Db,
  workspaceId: string,
  playbookId: string,
  definition: PlaybookDefinition,
  createdBy: string | null,
  now: Date,
) {
  const [row] = await db
    .select({ currentVersion: playbooks.currentVersion })
    .from(playbooks)
    .where(and(eq(playbooks.workspaceId, workspaceId), eq(playbooks.id, playbookId)))
    .for('update');
  if (!row) return undefined;
  const version = row.currentVersion + 1;
  await db.insert(playbookVersions).values({ workspaceId, playbookId, version, definition, createdBy });
  await db
    .update(playbooks)
    .set({ currentVersion: version, name: definition.name, description: definition.description ?? null, updatedAt: now })
    .where(and(eq(playbooks.workspaceId, workspaceId), eq(playbooks.id, playbookId)));
  return version;
}

export async function setPlaybookArchived(db: Db, workspaceId: string, playbookId: string, archivedAt: Date | null) {
  const [row] = await db
    .update(playbooks)
    .set({ archivedAt })
    .where(and(eq(playbooks.workspaceId, workspaceId), eq(playbooks.id, playbookId)))
    .returning({ id: playbooks.id });
  return row;
}

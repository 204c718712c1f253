import { and, asc, eq, isNull } from 'drizzle-orm';
import type { PlaybookDefinition } from '../../../core/playbooks/definition.ts';
import type { Db } from '../../db/client.ts';
import { playbooks, playbookVersions } from '../../db/schema.ts';
import { versionedDefinitions, type NewVersion } from '../../db/versioned.ts';

/** A playbook is edited in versions: running projects keep the version they were created from. */
const versioned = versionedDefinitions({
  definitions: playbooks,
  versions: playbookVersions,
  definitionId: playbookVersions.playbookId,
  versionRow: ({ definitionId, content, ...version }: NewVersion<PlaybookDefinition>) => ({
    ...version,
    playbookId: definitionId,
    definition: content,
  }),
});

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
    .innerJoin(playbookVersions, versioned.currentVersion)
    .where(and(eq(playbooks.workspaceId, workspaceId), includeArchived ? undefined : isNull(playbooks.archivedAt)))
    .orderBy(asc(playbooks.name));
  return rows.map((row) => ({ ...row, definition: row.definition as PlaybookDefinition }));
}

export async function findPlaybook(db: Db, workspaceId: string, playbookId: string, version?: number) {
  const [row] = await db
    .select(columns)
    .from(playbooks)
    .innerJoin(playbookVersions, versioned.anyVersion)
    .where(versioned.atVersion(workspaceId, playbookId, version));
  return row ? { ...row, definition: row.definition as PlaybookDefinition } : undefined;
}

/** Its name and description are the definition's own. */
const naming = (definition: PlaybookDefinition) => ({ name: definition.name, description: definition.description ?? null });

export function insertPlaybook(
  db: Db,
  workspaceId: string,
  values: { definition: PlaybookDefinition; builtinKey?: string; createdBy: string | null },
) {
  return versioned.insert(db, workspaceId, {
    ...naming(values.definition),
    builtinKey: values.builtinKey,
    content: values.definition,
    createdBy: values.createdBy,
  });
}

/** Saves a new version; running projects keep theirs. */
export function insertVersion(
  db: Db,
  workspaceId: string,
  playbookId: string,
  definition: PlaybookDefinition,
  createdBy: string | null,
  now: Date,
) {
  return versioned.insertVersion(db, workspaceId, playbookId, { ...naming(definition), content: definition, createdBy, now });
}

export function setPlaybookArchived(db: Db, workspaceId: string, playbookId: string, archivedAt: Date | null) {
  return versioned.setArchived(db, workspaceId, playbookId, archivedAt);
}

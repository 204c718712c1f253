import { and, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

// A definition edited in versions (a playbook, a readiness questionnaire): one row names it and says which version
// is current, and every saved edit is a new, immutable version row that becomes current. Whatever started from a
// version (a project, an assessment) keeps pointing at it, so an edit never changes work already under way.

/** The row that names a definition: its name, current version, built-in key and archive date. */
type DefinitionTable = PgTable & {
  id: AnyPgColumn<{ data: string; notNull: true }>;
  workspaceId: AnyPgColumn<{ data: string }>;
  name: AnyPgColumn<{ data: string }>;
  description: AnyPgColumn<{ data: string }>;
  currentVersion: AnyPgColumn<{ data: number; notNull: true }>;
  builtinKey: AnyPgColumn<{ data: string }>;
  updatedAt: AnyPgColumn<{ data: Date }>;
  archivedAt: AnyPgColumn<{ data: Date }>;
};

/** One saved edit: the version number and what the definition said then (in a column of the table's own name). */
type VersionTable = PgTable & { version: AnyPgColumn<{ data: number }> };

// drizzle cannot check a row against a table that is a type parameter, hence the `as PgInsertValue<D>` and
// `as PgUpdateSetSource<D>` below: DefinitionTable is what makes those rows fit.

export interface NewVersion<Content> {
  workspaceId: string;
  definitionId: string;
  version: number;
  content: Content;
  createdBy: string | null;
}

/**
 * The queries shared by every versioned definition, over its pair of tables. Each table names the version's
 * link to its definition and its content its own way (playbook_id and definition, questionnaire_id and questions):
 * `definitionId` is that link, and `versionRow` writes a version row in the table's words.
 */
export function versionedDefinitions<D extends DefinitionTable, V extends VersionTable, Content>(tables: {
  definitions: D;
  versions: V;
  definitionId: AnyPgColumn<{ data: string }>;
  versionRow: (version: NewVersion<Content>) => PgInsertValue<V>;
}) {
  const { definitions, versions, definitionId, versionRow } = tables;
  const isDefinition = (workspaceId: string, id: string) => and(eq(definitions.workspaceId, workspaceId), eq(definitions.id, id));

  return {
    /** Joins each definition to its current version. */
    currentVersion: and(eq(definitionId, definitions.id), eq(versions.version, definitions.currentVersion)),

    /** Joins a definition to all its versions: narrow it with `atVersion`. */
    anyVersion: eq(definitionId, definitions.id),

    /** The definition at the version asked for, or at its current one. */
    atVersion: (workspaceId: string, id: string, version: number | undefined) =>
      and(isDefinition(workspaceId, id), eq(versions.version, version ?? definitions.currentVersion)),

    /**
     * Creates the definition with its version 1. Undefined when a built-in one with that key is already there
     * (installed by someone else at the same moment).
     */
    async insert(
      db: Db,
      workspaceId: string,
      values: { name: string; description: string | null; builtinKey?: string | undefined; content: Content; createdBy: string | null },
    ): Promise<string | undefined> {
      const [row] = await db
        .insert(definitions)
        .values({ workspaceId, name: values.name, description: values.description, builtinKey: values.builtinKey ?? null } as PgInsertValue<D>)
        .onConflictDoNothing()
        .returning({ id: definitions.id });
      if (!row) return undefined;
      const { id } = row;
      await db
        .insert(versions)
        .values(versionRow({ workspaceId, definitionId: id, version: 1, content: values.content, createdBy: values.createdBy }));
      return id;
    },

    /** Saves an edit as the next version and makes it current (and the name and description with it). */
    async insertVersion(
      db: Db,
      workspaceId: string,
      id: string,
      values: { name: string; description: string | null; content: Content; createdBy: string | null; now: Date },
    ): Promise<number | undefined> {
      // Locked, so two edits saved at the same moment become the next two versions instead of both claiming one.
      const [row] = await db
        .select({ currentVersion: definitions.currentVersion })
        .from(definitions as PgTable)
        .where(isDefinition(workspaceId, id))
        .for('update');
      if (!row) return undefined;
      const version = row.currentVersion + 1;
      await db
        .insert(versions)
        .values(versionRow({ workspaceId, definitionId: id, version, content: values.content, createdBy: values.createdBy }));
      await db
        .update(definitions)
        .set({ currentVersion: version, name: values.name, description: values.description, updatedAt: values.now } as PgUpdateSetSource<D>)
        .where(isDefinition(workspaceId, id));
      return version;
    },

    /** Archives the definition (or brings it back, with null); undefined when there is no such definition. */
    async setArchived(db: Db, workspaceId: string, id: string, archivedAt: Date | null) {
      const [row] = await db
        .update(definitions)
        .set({ archivedAt } as PgUpdateSetSource<D>)
        .where(isDefinition(workspaceId, id))
        .returning({ id: definitions.id });
      return row;
    },
  };
}

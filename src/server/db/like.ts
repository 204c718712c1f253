import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

// Patterns for ILIKE from what a person typed into a search box: their own % _ and \ are taken literally.
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%text%`: contains the text. */
export const containsPattern = (text: string) => `%${literal(text)}%`;

/** `text%`: starts with the text. */
export const startsWithPattern = (text: string) => `${literal(text)}%`;

/**
 * The column (a lower-cased search text such as accounts.search_text) contains the typed text, in any case: a plain
 * LIKE, which a trigram index serves and which costs far less per row than ILIKE.
 */
export const containsText = (column: AnyPgColumn | SQL, text: string) => sql`${column} like lower(${containsPattern(text)})`;

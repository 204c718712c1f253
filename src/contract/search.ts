// Global search (Ctrl/⌘+K): accounts, contacts, projects, tasks and playbooks found by name, domain or email.
import { z } from 'zod';

export const SEARCH_KINDS = ['account', 'contact', 'project', 'task', 'playbook'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SearchQuery = z
  .object({
    q: z.string().trim().min(1, 'Type something to search for').max(100, 'Search for at most 100 characters'),
    /** At most this many of each kind. */
    limit: z.coerce.number().int().min(1).max(20).default(5),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.uuid(),
  title: z.string(),
  /** Where it sits or what else matched: the account of a contact, a project's account, a task's project. */
  subtitle: z.string().nullable(),
  /** The staff app's page for it. */
  href: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchAnswer = z.object({ q: z.string(), hits: z.array(SearchHit) });
export type SearchAnswer = z.infer<typeof SearchAnswer>;

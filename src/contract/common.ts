import { z } from 'zod';
// Plain-words messages for every schema (installs zod's error map once).
import './plain-errors.ts';

// Primitives several domains of the API share. Like every file of src/contract, this runs in the
// browser too: it may import zod and src/core only.

export const IdParams = z.object({ id: z.uuid({ message: 'must be an id (a UUID)' }) });
export const WorkspaceParams = z.object({ workspaceId: z.uuid({ message: 'must be a workspace id' }) });

export const IsoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

export const Email = z
  .email({ message: 'must be an email address like name@company.com' })
  .max(254)
  .transform((value) => value.trim().toLowerCase());
export const Password = z
  .string()
  .min(10, { message: 'must be at least 10 characters long' })
  .max(200, { message: 'must be at most 200 characters long' });
export const PersonName = z.string().trim().min(1, { message: 'is required' }).max(120);

export const Timezone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA timezone such as Europe/Paris or America/New_York' },
);

/** A query parameter listing values separated by commas (?segment=smb,enterprise). */
export const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(item)).optional();

export const ArchiveInput = z.object({ archived: z.boolean() });

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/**
 * The fields of a create schema as an update: every field optional and none defaulted, so a PATCH changes only
 * what it names (a `.partial()` of a field with `.default()` still fills the default in, and erases the value).
 */
export function patchOf<Shape extends z.ZodRawShape>(fields: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(
    Object.entries(fields.shape).map(([key, field]) => [key, field instanceof z.ZodDefault ? field.unwrap() : field]),
  ) as { [K in keyof Shape]: WithoutDefault<Shape[K]> };
  return z.strictObject(shape).partial();
}

import { z } from 'zod';
import { CONTACT_ROLES } from '../core/people.ts';
import { Email, IsoDate, patchOf, PersonName, Timezone } from './common.ts';

export const ContactRole = z.enum(CONTACT_ROLES);

export const Contact = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  organizationId: z.uuid().nullable(),
  name: z.string(),
  email: z.string(),
  title: z.string().nullable(),
  role: ContactRole,
  timezone: z.string().nullable(),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  /** The product modules this person uses: release news and delta courses go to them. */
  modules: z.array(z.string()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Contact = z.infer<typeof Contact>;

const ContactFields = z.object({
  name: PersonName,
  email: Email,
  title: z.string().trim().max(120).nullable().optional(),
  role: ContactRole,
  organizationId: z.uuid({ message: 'must be an organization id' }).nullable().optional(),
  timezone: Timezone.nullable().optional(),
  joinedOn: IsoDate.nullable().optional(),
  leftOn: IsoDate.nullable().optional(),
  modules: z.array(z.string().trim().min(1).max(80)).max(100).optional(),
});

const leftAfterJoined = (c: { joinedOn?: string | null | undefined; leftOn?: string | null | undefined }) =>
  !c.joinedOn || !c.leftOn || c.leftOn >= c.joinedOn;
const leftMessage = { message: 'cannot be before the date they joined', path: ['leftOn'] };

export const ContactInput = ContactFields.refine(leftAfterJoined, leftMessage);
/** A person who joins another account is a new contact there: this one keeps their history where it happened. */
const movedAccount = {
  message: 'a contact cannot move to another account: create a new contact in the other account (this one keeps their history here)',
};
export const ContactPatch = patchOf(ContactFields)
  .extend({ accountId: z.unknown().optional().refine((value) => value === undefined, movedAccount) })
  .refine(leftAfterJoined, leftMessage)
  .refine((patch) => Object.keys(patch).length > 0, { message: 'send at least one field to change' });
export type ContactInput = z.infer<typeof ContactInput>;
export type ContactPatch = z.infer<typeof ContactPatch>;

export const ContactListQuery = z.object({ status: z.enum(['current', 'left', 'all']).default('all') });
export type ContactListQuery = z.infer<typeof ContactListQuery>;

/** A contact's page: who they are and everything Landfall did with them. */
export const ContactOverview = z.object({
  contact: Contact,
  accountName: z.string(),
  /** Projects they can open in the portal, or hold a task on. */
  projects: z.array(z.object({ id: z.uuid(), name: z.string(), status: z.string(), portalAccess: z.boolean(), lastVisitAt: z.iso.datetime({ offset: true }).nullable() })),
  tasks: z.array(
    z.object({ id: z.uuid(), projectId: z.uuid(), projectName: z.string(), title: z.string(), status: z.string(), dueOn: z.string().nullable() }),
  ),
  /** Mail and portal messages sent to them, newest first (the latest 50). */
  messages: z.array(
    z.object({ id: z.uuid(), subject: z.string(), state: z.string(), channel: z.string(), at: z.iso.datetime({ offset: true }), sentAt: z.iso.datetime({ offset: true }).nullable() }),
  ),
  /** What they did in the portal, newest first (the latest 50). */
  portalActivity: z.array(z.object({ at: z.iso.datetime({ offset: true }), projectId: z.uuid(), projectName: z.string(), text: z.string() })),
  /** Their learning paths in the academy. */
  learning: z.array(
    z.object({ id: z.uuid(), title: z.string(), status: z.string(), enrolledAt: z.iso.datetime({ offset: true }), completedAt: z.iso.datetime({ offset: true }).nullable() }),
  ),
});
export type ContactOverview = z.infer<typeof ContactOverview>;

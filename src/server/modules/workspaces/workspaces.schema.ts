import { z } from 'zod';
import { Email, Password, PersonName } from '../members/members.schema.ts';

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

export const Workspace = z.object({ id: z.uuid(), name: z.string(), timezone: z.string() });

export const WorkspacePatch = z
  .object({ name: z.string().trim().min(1, { message: 'is required' }).max(120), timezone: Timezone })
  .partial();

export const SetupStatus = z.object({ needsSetup: z.boolean() });

export const SetupInput = z.object({
  workspaceName: z.string().trim().min(1, { message: 'is required' }).max(120),
  name: PersonName,
  email: Email,
  password: Password,
  timezone: Timezone.default('UTC'),
});
export type SetupInput = z.infer<typeof SetupInput>;

// My work: the onboarding manager's home: what is due, what waits on them, what changed.
import { z } from 'zod';
import { IsoDate } from './common.ts';

export const MY_WORK_KINDS = ['task', 'sign_off', 'answer', 'mention', 'reply', 'project'] as const;
export type MyWorkKind = (typeof MY_WORK_KINDS)[number];

export const MyWorkItem = z.object({
  /** "<kind>:<id>": what done and snooze name. */
  key: z.string(),
  kind: z.enum(MY_WORK_KINDS),
  /** What it is, in a line: the task's title, who replied… */
  title: z.string(),
  /** More of it: the reply's text, the rejection's reason, how many changes. */
  detail: z.string().nullable(),
  projectId: z.uuid(),
  projectName: z.string(),
  accountName: z.string(),
  taskId: z.uuid().nullable(),
  /** When it happened (null for a task: it has a due date instead). */
  at: z.iso.datetime({ offset: true }).nullable(),
  /** A task's projected finish. */
  dueOn: IsoDate.nullable(),
  overdue: z.boolean(),
  /** The staff app's page for it. */
  href: z.string(),
});
export type MyWorkItem = z.infer<typeof MyWorkItem>;

export const MyWork = z.object({ today: IsoDate, count: z.number().int(), items: z.array(MyWorkItem) });
export type MyWork = z.infer<typeof MyWork>;

export const MyWorkDismissal = z
  .object({
    key: z.string().regex(/^(task|sign_off|answer|mention|reply|project):[0-9a-f-]{36}$/, 'must be an item of My work, like "task:<id>"'),
    /** Hide until this day (a snooze); left out: done. */
    until: IsoDate.optional(),
  })
  .strict();
export type MyWorkDismissal = z.infer<typeof MyWorkDismissal>;

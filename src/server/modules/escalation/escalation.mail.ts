// The words of reminder and escalation emails, and of the history lines that record them. Plain functions:
// the service decides who gets what; this says it, in text and HTML (the cadences' layout).
import { DateTime } from 'luxon';
import { escapeHtml, layout, type RenderedMessage } from '../../../core/cadences/template.ts';
import type { IsoDate } from '../../../core/calendar.ts';
import { CONTACT_ROLE_LABELS, type ContactRole } from '../../../core/people.ts';
import type { OverdueTask, TaskReminder } from '../../../core/escalation/plan.ts';
import { plural } from '../../../core/words.ts';

export const businessDays = (n: number) => `${n} business day${n === 1 ? '' : 's'}`;
const day = (date: IsoDate) => DateTime.fromISO(date).toFormat('ccc d LLL');
export const names = (list: string[]) => (list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`);

/** “Upload the logo” due tomorrow (Tue 10 Mar) / 3 business days overdue (due Fri 6 Mar). */
export function whenDue(task: { dueOn: IsoDate; overdueDays: number }): string {
  if (task.overdueDays >= 1) return `${businessDays(task.overdueDays)} overdue (due ${day(task.dueOn)})`;
  if (task.overdueDays === 0) return `due today (${day(task.dueOn)})`;
  return `due ${task.overdueDays === -1 ? 'on the next business day' : 'soon'} (${day(task.dueOn)})`;
}

/** "“A” 10 business days overdue" or "3 tasks, the oldest 10 business days overdue". */
export function overdueSummary(tasks: Pick<OverdueTask, 'title' | 'overdueDays'>[]): string {
  const oldest = Math.max(...tasks.map((task) => task.overdueDays));
  if (tasks.length === 1) return `“${tasks[0]!.title}” ${businessDays(oldest)} overdue`;
  return `${tasks.length} tasks, the oldest ${businessDays(oldest)} overdue`;
}

/** The history line of reminders sent to one person about one project's tasks. */
export function reminderLine(contactName: string, reminders: TaskReminder[]): string {
  const ladder = reminders.some((reminder) => reminder.kind === 'ladder');
  const tasks = dedupeByTask(reminders)
    .map((reminder) => `“${reminder.title}” ${reminder.overdueDays >= 1 ? `${businessDays(reminder.overdueDays)} overdue` : reminder.overdueDays === 0 ? 'due today' : 'due tomorrow'}`)
    .join('; ');
  return `Reminder sent to ${contactName}${ladder ? ' (escalation ladder)' : ''}: ${tasks}`;
}

export function dedupeByTask(reminders: TaskReminder[]): TaskReminder[] {
  const byTask = new Map<string, TaskReminder>();
  for (const reminder of reminders) {
    const known = byTask.get(reminder.taskId);
    if (!known || reminder.overdueDays > known.overdueDays) byTask.set(reminder.taskId, reminder);
  }
  return [...byTask.values()].sort((a, b) => b.overdueDays - a.overdueDays || a.title.localeCompare(b.title));
}

export interface EscalationSection {
  projectName: string;
  role: ContactRole;
  overdue: (OverdueTask & { assigneeName: string | null })[];
}

export interface ContactDigest {
  firstName: string;
  accountName: string;
  /** Per project: the reminders for this person. */
  reminders: { projectName: string; items: TaskReminder[] }[];
  escalations: EscalationSection[];
  portalUrl: string;
  signature: string;
  unsubscribeUrl: string;
}

function contactSubject(digest: ContactDigest): string {
  if (digest.escalations.length > 0) {
    const all = digest.escalations.flatMap((section) => section.overdue);
    const oldest = Math.max(...all.map((task) => task.overdueDays));
    return all.length === 1
      ? `${digest.accountName}: “${all[0]!.title}” is ${businessDays(oldest)} overdue`
      : `${digest.accountName}: ${all.length} onboarding tasks overdue, the oldest by ${businessDays(oldest)}`;
  }
  const items = dedupeByTask(digest.reminders.flatMap((group) => group.items));
  if (items.length === 1) {
    const only = items[0]!;
    return only.overdueDays >= 1 ? `“${only.title}” is ${businessDays(only.overdueDays)} overdue` : `Reminder: “${only.title}” is ${only.overdueDays === 0 ? 'due today' : 'due tomorrow'}`;
  }
  return `Reminder: ${plural(items.length, 'onboarding task')} need you`;
}

/** One email a day to a customer contact: their own tasks, and what they are told as champion or sponsor. */
export function renderContactDigest(digest: ContactDigest): RenderedMessage {
  const subject = contactSubject(digest);
  const greeting = `Hi ${digest.firstName.trim() || 'there'},`;
  const text: string[] = [greeting, ''];
  const html: string[] = [`<p>${escapeHtml(greeting)}</p>`];
  for (const group of digest.reminders) {
    const items = dedupeByTask(group.items);
    const intro = `${items.length === 1 ? 'This task' : 'These tasks'} in ${group.projectName} ${items.length === 1 ? 'is' : 'are'} waiting on you:`;
    text.push(intro, ...items.map((item) => `- “${item.title}”: ${whenDue(item)}${item.unassigned ? ' (nobody is assigned: please take it or pass it on)' : ''}`), '');
    html.push(
      `<p>${escapeHtml(intro)}</p><ul>${items
        .map((item) => `<li><strong>${escapeHtml(item.title)}</strong>: ${escapeHtml(whenDue(item))}${item.unassigned ? ' <em>(nobody is assigned: please take it or pass it on)</em>' : ''}</li>`)
        .join('')}</ul>`,
    );
  }
  for (const section of digest.escalations) {
    const oldest = Math.max(...section.overdue.map((task) => task.overdueDays));
    const intro = `As ${CONTACT_ROLE_LABELS[section.role].toLowerCase()} for ${digest.accountName}, you should know that ${section.projectName} is waiting on your team: ${plural(section.overdue.length, 'task')} ${section.overdue.length === 1 ? 'is' : 'are'} overdue, the oldest by ${businessDays(oldest)}.`;
    const line = (task: EscalationSection['overdue'][number]) => `“${task.title}” (${task.assigneeName ?? 'nobody assigned'}): ${whenDue(task)}`;
    text.push(intro, ...section.overdue.map((task) => `- ${line(task)}`), 'Could you help move these forward?', '');
    html.push(`<p>${escapeHtml(intro)}</p><ul>${section.overdue.map((task) => `<li>${escapeHtml(line(task))}</li>`).join('')}</ul><p>Could you help move these forward?</p>`);
  }
  text.push(`Open the customer portal: ${digest.portalUrl}`, '', '-- ', digest.signature, '', `Unsubscribe from these emails: ${digest.unsubscribeUrl}`, '');
  html.push(`<p><a href="${escapeHtml(digest.portalUrl)}">Open the customer portal</a></p>`);
  return { subject, text: text.join('\n'), html: layout(subject, html.join('\n'), digest.signature, digest.unsubscribeUrl) };
}

export interface ManagerNotice {
  projectName: string;
  accountName: string;
  projectUrl: string;
  stalled: boolean;
  overdue: (OverdueTask & { assigneeName: string | null })[];
  /** What the ladder did in this episode so far, oldest first ("Champion Carla told on Mon 16 Mar"). */
  steps: string[];
}

/** One email a day to an onboarding manager about their projects where the customer has gone quiet. */
export function renderManagerNotice(firstName: string, notices: ManagerNotice[]): RenderedMessage {
  const subject =
    notices.length === 1
      ? `${notices[0]!.projectName}: ${notices[0]!.stalled ? `stalled, waiting on ${notices[0]!.accountName}` : `waiting on ${notices[0]!.accountName}`}`
      : `${notices.length} projects waiting on their customers`;
  const greeting = `Hi ${firstName.trim() || 'there'},`;
  const text: string[] = [greeting, ''];
  const html: string[] = [`<p>${escapeHtml(greeting)}</p>`];
  for (const notice of notices) {
    const intro = `${notice.projectName} (${notice.accountName}) ${notice.stalled ? 'is now flagged stalled, waiting on customer' : 'is waiting on the customer'}: ${overdueSummary(notice.overdue)}.`;
    const line = (task: ManagerNotice['overdue'][number]) => `“${task.title}” (${task.assigneeName ?? 'nobody assigned'}): ${whenDue(task)}`;
    text.push(intro, ...notice.overdue.map((task) => `- ${line(task)}`));
    if (notice.steps.length > 0) text.push('', 'Done so far:', ...notice.steps.map((step) => `- ${step}`));
    text.push(`Open the project: ${notice.projectUrl}`, '');
    html.push(
      `<p>${escapeHtml(intro)}</p><ul>${notice.overdue.map((task) => `<li>${escapeHtml(line(task))}</li>`).join('')}</ul>` +
        (notice.steps.length > 0 ? `<p>Done so far:</p><ul>${notice.steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('')}</ul>` : '') +
        `<p><a href="${escapeHtml(notice.projectUrl)}">Open the project</a></p>`,
    );
  }
  text.push('-- ', 'Landfall', '');
  return { subject, text: text.join('\n'), html: layout(subject, html.join('\n'), 'Landfall', null) };
}

// The vendor's "what the customer did in the portal" feed: one plain sentence per thing a person did, from the
// project's history. Pure. Consequences the engine wrote (actual dates, projected dates) are left out: the
// vendor wants "completed X", not the three date changes it caused.

export interface ActivityEvent {
  kind: string;
  field: string | null;
  toValue: string | null;
  taskTitle: string | null;
}

const CONSEQUENCES = new Set(['actualStart', 'actualFinish']);

const STATUS_SENTENCES: Record<string, (task: string) => string> = {
  done: (task) => `completed ${task}`,
  in_progress: (task) => `started ${task}`,
  stuck: (task) => `marked ${task} as stuck`,
  not_started: (task) => `reopened ${task}`,
  skipped: (task) => `skipped ${task}`,
};

/** The sentence after the person's name, or null when the event is not something a person did. */
export function describeActivity(event: ActivityEvent): string | null {
  if (event.kind === 'projected') return null;
  if (event.kind !== 'task') return event.toValue ?? event.kind.replace(/_/g, ' ');
  if (event.field && CONSEQUENCES.has(event.field)) return null;
  const task = event.taskTitle ? `"${event.taskTitle}"` : 'a task';
  if (event.field === 'status') return (STATUS_SENTENCES[event.toValue ?? ''] ?? ((t: string) => `changed the status of ${t}`))(task);
  if (event.field === 'stuckReason') return event.toValue ? `said why ${task} is stuck: ${event.toValue}` : null;
  return `changed ${task}`;
}

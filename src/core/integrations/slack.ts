// What Landfall posts to Slack: which events may post, and the message for each, in the team's words with a link
// back to the page. Pure: the server gathers the facts (names, who did it) and hands them in.

/** The events a workspace may route to Slack, with the label its Settings show. */
export const SLACK_EVENTS = {
  'project.created': 'A project started',
  'project.status_changed': 'A project was paused, resumed, closed or reopened',
  'task.completed': 'A task was marked done',
  'milestone.reached': 'A milestone was reached',
  'task.assigned': 'A task was assigned (with a Mark done button)',
  'risk.raised': 'A risk was raised',
  'contact.left': 'A customer contact left',
  'deal.won': 'A won deal arrived from the CRM',
  'owner.reminded': 'A project is waiting on us and its owner was reminded (a late task gets Snooze buttons)',
} as const;
export type SlackEvent = keyof typeof SLACK_EVENTS;
export const SLACK_EVENT_NAMES = Object.keys(SLACK_EVENTS) as SlackEvent[];

/** The matrix a new connection starts with: the milestones and risks a team wants in its project channel. */
export const DEFAULT_SLACK_ROUTES: Partial<Record<SlackEvent, string[]>> = {
  'project.created': ['own'],
  'milestone.reached': ['own'],
  'risk.raised': ['own'],
  'project.status_changed': ['own'],
};

export interface SlackFacts {
  event: SlackEvent;
  /** Who did it, as the history names them (a member, "HubSpot intake"…). */
  actorName: string;
  accountName: string;
  projectName?: string | null;
  taskTitle?: string | null;
  /** status change: from → to, and why */
  detail?: string | null;
  /** The page in Landfall this news is about. */
  link: string;
  /** A task whose buttons act on it (Mark done). */
  action?: { taskId: string; projectId: string } | null;
  /** A late task the reader may snooze on their My work (as My work's own snooze does). */
  snooze?: { taskId: string; projectId: string } | null;
}

/** The snoozes a Slack message offers, as My work offers them: action id → days from today (workspace's timezone). */
export const SLACK_SNOOZES = {
  'task.snooze.1': { days: 1, label: 'Snooze until tomorrow' },
  'task.snooze.7': { days: 7, label: 'Snooze for a week' },
} as const;
export type SlackSnoozeAction = keyof typeof SLACK_SNOOZES;
export const isSlackSnooze = (actionId: string): actionId is SlackSnoozeAction => Object.hasOwn(SLACK_SNOOZES, actionId);

export interface SlackMessage {
  text: string;
  blocks: unknown[];
}

/** Slack's mrkdwn treats &, < and > as control characters. */
export const escapeMrkdwn = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function sentence(facts: SlackFacts): string {
  const who = escapeMrkdwn(facts.actorName);
  const task = `*${escapeMrkdwn(facts.taskTitle ?? 'a task')}*`;
  const project = `*${escapeMrkdwn(facts.projectName ?? facts.accountName)}*`;
  const account = `*${escapeMrkdwn(facts.accountName)}*`;
  const detail = facts.detail ? ` ${escapeMrkdwn(facts.detail)}` : '';
  switch (facts.event) {
    case 'project.created':
      return `:rocket: ${who} started the onboarding ${project} for ${account}.`;
    case 'project.status_changed':
      return `:arrows_counterclockwise: ${project} (${account}):${detail}, by ${who}.`;
    case 'task.completed':
      return `:white_check_mark: ${who} marked ${task} done in ${project}.`;
    case 'milestone.reached':
      return `:tada: ${account} reached a milestone: ${task} is done in ${project} (marked by ${who}).`;
    case 'task.assigned':
      return `:point_right: ${who} assigned ${task} in ${project}${detail}.`;
    case 'risk.raised':
      return `:warning: A risk was raised on ${account}:${detail}.`;
    case 'contact.left':
      return `:wave: ${detail.trim() || 'A contact'} left ${account}; their open tasks were handed on.`;
    case 'deal.won':
      return `:moneybag: A won deal for ${account} arrived from ${who}${facts.projectName ? `: ${project} is under way` : ''}.`;
    case 'owner.reminded':
      return `:alarm_clock: ${project} (${account}) is waiting on us:${detail}.`;
  }
}

/** The message for one event: a line of mrkdwn, a link back, and the buttons the event allows. */
export function slackMessage(facts: SlackFacts): SlackMessage {
  const line = sentence(facts);
  const elements: unknown[] = [{ type: 'button', text: { type: 'plain_text', text: 'Open in Landfall' }, url: facts.link, action_id: 'open' }];
  if (facts.action) {
    elements.unshift(
      { type: 'button', style: 'primary', text: { type: 'plain_text', text: 'Mark done' }, action_id: 'task.done', value: `${facts.action.projectId}:${facts.action.taskId}` },
    );
  }
  if (facts.snooze) {
    const value = `${facts.snooze.projectId}:${facts.snooze.taskId}`;
    const snoozes = Object.entries(SLACK_SNOOZES).map(([actionId, snooze]) => ({ type: 'button', text: { type: 'plain_text', text: snooze.label }, action_id: actionId, value }));
    elements.splice(elements.length - 1, 0, ...snoozes);
  }
  const plain = line.replace(/\*/g, '').replace(/:[a-z_]+: /, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return {
    text: plain,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: line } },
      { type: 'actions', elements },
    ],
  };
}

/**
 * The message as it stands after someone acted on it for everyone (Mark done): what it said, without its buttons, and
 * a line saying what happened. Slack replaces the original with it (response_url, replace_original).
 */
export function settledMessage(original: readonly unknown[] | undefined, text: string, outcome: string): SlackMessage {
  const kept = (original ?? []).filter((block) => (block as { type?: string }).type !== 'actions');
  return {
    text: `${text} ${outcome}`.trim(),
    blocks: [...kept, { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(outcome) }] }],
  };
}

/** A channel name Slack accepts (lowercase, no spaces or punctuation but - and _, at most 80 characters). */
export function channelNameFor(name: string, prefix = 'onb'): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${prefix}-${slug || 'project'}`.slice(0, 80);
}

/** Backoff for deliveries to Slack and the CRM: 1 min, 5 min, 25 min… capped at 6 hours; gives up after 8 tries. */
export const MAX_ATTEMPTS = 8;
export const retryDelayMs = (attempts: number) => Math.min(60_000 * 5 ** Math.max(0, attempts - 1), 6 * 3_600_000);

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { channelNameFor, retryDelayMs, settledMessage, slackMessage } from './slack.ts';

describe('Slack messages', () => {
  it('says what happened in words, escapes what Slack would read as markup, and links back', () => {
    const message = slackMessage({ event: 'task.completed', actorName: 'Ada <admin>', accountName: 'A&B', projectName: 'A&B onboarding', taskTitle: 'Kickoff', link: 'https://x.test/projects/1' });
    expect(message.text).toBe('Ada <admin> marked Kickoff done in A&B onboarding.');
    expect(JSON.stringify(message.blocks)).toContain('Ada &lt;admin&gt; marked *Kickoff* done in *A&amp;B onboarding*.');
    expect(JSON.stringify(message.blocks)).toContain('https://x.test/projects/1');
  });

  it('offers Snooze on a late task and Mark done on an assigned one, and once acted on keeps the words without the buttons', () => {
    const reminder = slackMessage({
      event: 'owner.reminded',
      actorName: 'Escalation',
      accountName: 'Hooli',
      projectName: 'Hooli onboarding',
      detail: '“Kickoff” is 2 business days overdue (owner Olivia Owner reminded)',
      link: 'https://x.test/projects/p',
      snooze: { projectId: 'p', taskId: 't' },
    });
    expect(reminder.text).toBe('Hooli onboarding (Hooli) is waiting on us: “Kickoff” is 2 business days overdue (owner Olivia Owner reminded).');
    const buttons = (reminder.blocks[1] as { elements: { action_id: string; value?: string; text: { text: string } }[] }).elements;
    expect(buttons.map((button) => [button.action_id, button.text.text, button.value])).toEqual([
      ['task.snooze.1', 'Snooze until tomorrow', 'p:t'],
      ['task.snooze.7', 'Snooze for a week', 'p:t'],
      ['open', 'Open in Landfall', undefined],
    ]);
    const settled = settledMessage(reminder.blocks, reminder.text, ':white_check_mark: Ada <admin> marked it done from Slack.');
    expect(settled.blocks.map((block) => (block as { type: string }).type)).toEqual(['section', 'context']);
    expect(JSON.stringify(settled.blocks)).toContain('Ada &lt;admin&gt; marked it done');
  });

  it('makes channel names Slack accepts from any project name', () => {
    expect(channelNameFor('Zürich Bank — Core Platform')).toBe('onb-zurich-bank-core-platform');
    fc.assert(fc.property(fc.string(), (name) => { expect(channelNameFor(name)).toMatch(/^[a-z0-9_-]{1,80}$/); }));
  });

  it('waits longer after each failure, never more than six hours', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), (n) => { expect(retryDelayMs(n + 1)).toBeGreaterThanOrEqual(retryDelayMs(n)); }));
    expect(retryDelayMs(1)).toBe(60_000);
    expect(retryDelayMs(40)).toBe(6 * 3_600_000);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { channelNameFor, retryDelayMs, slackMessage } from './slack.ts';

describe('Slack messages', () => {
  it('says what happened in words, escapes what Slack would read as markup, and links back', () => {
    const message = slackMessage({ event: 'task.completed', actorName: 'Ada <admin>', accountName: 'A&B', projectName: 'A&B onboarding', taskTitle: 'Kickoff', link: 'https://x.test/projects/1' });
    expect(message.text).toBe('Ada <admin> marked Kickoff done in A&B onboarding.');
    expect(JSON.stringify(message.blocks)).toContain('Ada &lt;admin&gt; marked *Kickoff* done in *A&amp;B onboarding*.');
    expect(JSON.stringify(message.blocks)).toContain('https://x.test/projects/1');
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

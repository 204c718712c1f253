// One digest per person: a project lead and a sponsor on three projects of one account get one weekly digest covering the
// three, and the reminders about their tasks on the day they are due for, never held behind the digests.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueMail } from '../../mail/mail.service.ts';
import { makeAccount, makeWorkspace, type TestEnv } from '../../test/harness.ts';
import { startTestEnvWithSmtp, type SmtpCapture } from '../../test/smtp.ts';
import { addContact } from '../contacts/contacts.service.ts';
import { runEscalations } from '../escalation/escalation.service.ts';
import { createProject } from '../projects/projects.service.ts';
import { runDueCadences } from './cadences.service.ts';

let env: TestEnv;
let smtp: SmtpCapture;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ env, smtp, close } = await startTestEnvWithSmtp());
});
afterAll(() => close());

const HOUR = 3600_000;
const ZONE = 'America/New_York';

describe('three projects on one account', () => {
  it('send their lead and their sponsor one weekly digest covering all three, and every reminder on its day', async () => {
    env.clock.set(new Date('2026-03-02T05:00:00Z')); // Monday, midnight in New York
    const { admin } = await makeWorkspace(env.services, 'Digest Co');
    const account = await makeAccount(admin.ctx, { segment: 'enterprise', complexity: 'moderate', contractSignedOn: '2026-03-02', timezone: ZONE });
    const lead = await addContact(admin.ctx, account.id, { name: 'Pat Lead', email: 'pat@digest.test', role: 'project_lead' });
    const sponsor = await addContact(admin.ctx, account.id, { name: 'Sol Sponsor', email: 'sol@digest.test', role: 'executive_sponsor' });
    const names = ['Finance rollout', 'Sales rollout', 'Support rollout'];
    for (const name of names) await createProject(admin.ctx, { accountId: account.id, name });

    const before = smtp.received.length;
    for (let h = 0; h < 24 * 16; h++) {
      env.clock.advance(HOUR);
      await runDueCadences(env.services);
      await runEscalations(env.services);
      await deliverDueMail(env.services);
    }
    // The lead and the sponsor (the digest's audience): one digest a week each, naming the three projects.
    for (const person of [lead, sponsor]) {
      const inbox = smtp.received.slice(before).filter((mail) => JSON.stringify(mail.to).includes(person.email));
      const digests = inbox.filter((mail) => /Your onboarding this week/.test(mail.subject ?? ''));
      const weeks = digests.map((mail) => DateTime.fromJSDate(mail.date!, { zone: ZONE }).toFormat("kkkk-'W'WW"));
      expect(digests.length, person.name).toBeGreaterThanOrEqual(2);
      expect(new Set(weeks).size, person.name).toBe(weeks.length); // one a week
      for (const digest of digests) for (const name of names) expect(digest.text).toContain(name);

      const merged = await env.services.database.query<{ reason: string }>(
        `select reason from mail_outbox where contact_id = $1 and step_id = 'high-weekly-digest' and state = 'suppressed'`,
        [person.id],
      );
      expect(merged.length, person.name).toBe(digests.length * 2);
      expect(merged.every((row) => /^Merged into this week's digest, sent with /.test(row.reason))).toBe(true);
    }

    // Reminders and escalations: sent on the day they were due to go, never held by the cap.
    const reminders = await env.services.database.query<{ due_at: Date; sent_at: Date | null; reason: string | null; state: string }>(
      `select due_at, sent_at, reason, state from mail_outbox where contact_id = $1 and cadence_id is null and kind = 'automated'`,
      [lead.id],
    );
    expect(reminders.length).toBeGreaterThan(0);
    const day = (date: Date) => DateTime.fromJSDate(date, { zone: ZONE }).toISODate();
    for (const reminder of reminders) {
      expect(reminder.state).toBe('sent');
      expect(day(reminder.sent_at!)).toBe(day(reminder.due_at));
      expect(reminder.reason ?? '').not.toMatch(/Held/);
    }
  }, 300_000);
});

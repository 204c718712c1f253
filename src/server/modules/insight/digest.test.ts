import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDueMail } from '../../mail/mail.service.ts';
import { makeMember, makeWorkspace, signedInClient, type TestEnv, type TestMember } from '../../test/harness.ts';
import { startTestEnvWithSmtp, type SmtpCapture } from '../../test/smtp.ts';
import { sendWeeklyDigests } from './digest.service.ts';

let env: TestEnv;
let smtp: SmtpCapture;
let close: () => Promise<void>;
let leader: TestMember;
let tokyo: TestMember;
let quiet: TestMember;

beforeAll(async () => {
  ({ env, smtp, close } = await startTestEnvWithSmtp());
  // Sunday 2027-01-17, 22:00 UTC: Monday 07:00 in Tokyo, still Sunday in Paris (the workspace's timezone).
  env.clock.set(new Date('2027-01-17T22:00:00Z'));
  const { admin } = await makeWorkspace(env.services);
  leader = await makeMember(env.services, admin.workspaceId, 'leader', 'Lee Leader');
  tokyo = await makeMember(env.services, admin.workspaceId, 'leader', 'Tomo Tanaka');
  quiet = await makeMember(env.services, admin.workspaceId, 'leader', 'Quinn Quiet');
  expect((await (await signedInClient(env, leader)).patch(`/api/v1/members/${leader.id}/capacity`, { weeklyDigest: true })).status).toBe(200);
  expect((await (await signedInClient(env, tokyo)).patch(`/api/v1/members/${tokyo.id}/capacity`, { weeklyDigest: true, timeZone: 'Asia/Tokyo' })).status).toBe(200);
});
afterAll(() => close());

const received = (address: string) => smtp.received.filter((mail) => mail.to && JSON.stringify(mail.to).includes(address));

describe('weekly digest', () => {
  it('goes to each member who asked for it from Monday 08:00 in their timezone, once per ISO week, with links to the dashboard', async () => {
    env.clock.set(new Date('2027-01-17T22:00:00Z')); // Tokyo Monday 07:00: too early for anyone
    expect(await sendWeeklyDigests(env.services)).toBe(0);

    env.clock.set(new Date('2027-01-17T23:30:00Z')); // Tokyo Monday 08:30; Paris Monday 00:30
    await sendWeeklyDigests(env.services);
    await deliverDueMail(env.services);
    expect(received(tokyo.email)).toHaveLength(1);
    expect(received(leader.email)).toHaveLength(0);

    env.clock.set(new Date('2027-01-18T07:05:00Z')); // Paris Monday 08:05
    await sendWeeklyDigests(env.services);
    await sendWeeklyDigests(env.services); // a second run (another process, a retry) sends nothing more
    await deliverDueMail(env.services);
    const [mail] = received(leader.email);
    expect(received(leader.email)).toHaveLength(1);
    expect(received(tokyo.email)).toHaveLength(1);
    expect(mail!.subject).toMatch(/^Your onboarding week: 0 active projects, 0 capacity warnings$/);
    expect(mail!.text).toContain('Hello Lee Leader');
    expect(mail!.text).toContain('across the portfolio');
    expect(mail!.text).toContain(`The dashboard: ${env.services.config.publicUrl.replace(/\/$/, '')}/`);
    expect(mail!.text).toContain('/insight/capacity');
    expect(received(quiet.email)).toHaveLength(0);

    env.clock.set(new Date('2027-01-25T07:05:00Z')); // the next Monday: a new ISO week, a new digest
    await sendWeeklyDigests(env.services);
    await deliverDueMail(env.services);
    expect(received(leader.email)).toHaveLength(2);
  });

  it('stops when the member turns it off', async () => {
    await (await signedInClient(env, leader)).patch(`/api/v1/members/${leader.id}/capacity`, { weeklyDigest: false });
    env.clock.set(new Date('2027-02-01T09:00:00Z'));
    await sendWeeklyDigests(env.services);
    await deliverDueMail(env.services);
    expect(received(leader.email)).toHaveLength(2);
  });
});

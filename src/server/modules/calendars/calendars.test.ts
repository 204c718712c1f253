import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMember, makeWorkspace, signedInClient, startTestEnv, type HttpClient, type TestEnv, type TestMember } from '../../test/harness.ts';
import { portalClient, projectWithContact, signInAsContact } from '../../test/portal.ts';

let env: TestEnv;
let admin: TestMember;
let api: HttpClient;

beforeAll(async () => {
  env = await startTestEnv();
  env.clock.set(new Date('2026-03-02T10:00:00Z'));
  ({ admin } = await makeWorkspace(env.services));
  api = await signedInClient(env, admin);
});
afterAll(() => env.close());

const path = (url: string) => new URL(url).pathname;
const events = (ics: string) => Object.values(ical.sync.parseICS(ics)).filter((item): item is VEvent => item?.type === 'VEVENT');
const tasksOf = (projectId: string) =>
  env.services.database.query<{ id: string; key: string; title: string; milestone_kind: string | null }>('select id, key, title, milestone_kind from project_tasks where project_id = $1 order by position', [projectId]);

describe('calendar feeds', () => {
  it("gives a member a secret feed of their milestones, customer meetings and webinars, with stable UIDs and UTC times", async () => {
    const maya = await makeMember(env.services, admin.workspaceId, 'onboarding_manager', 'Maya Manager');
    const mayaApi = await signedInClient(env, maya);
    const { project } = await projectWithContact(admin.ctx);
    const tasks = await tasksOf(project.id);
    const kickoff = tasks.find((task) => task.key === 'kickoff_meeting')!;
    const milestone = tasks.find((task) => task.milestone_kind)!;
    const chore = tasks.find((task) => !task.milestone_kind && task.key.includes('questionnaire'))!;
    for (const task of [kickoff, milestone, chore]) await api.patch(`/api/v1/tasks/${task.id}`, { assignee: { kind: 'member', id: maya.id } });
    await env.services.database.query(
      `insert into academy_webinars (workspace_id, title, description, starts_at, duration_minutes, join_url, audience)
       values ($1, 'What is new in 5.0', 'The release tour', '2026-03-10T15:00:00Z', 45, 'https://meet.test/abc', '{}'::jsonb)`,
      [admin.workspaceId],
    );

    const created = await mayaApi.post('/api/v1/calendar-feeds', { scope: 'member' });
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/^http:\/\/landfall\.test\/api\/v1\/calendar\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{32}\.ics$/);
    const feed = await env.app.inject({ method: 'GET', url: path(created.body.url) });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const parsed = events(feed.body);
    const uids = parsed.map((event) => event.uid).sort();
    expect(uids).toEqual(expect.arrayContaining([`task-${kickoff.id}@landfall`, `task-${milestone.id}@landfall`]));
    expect(uids).not.toContain(`task-${chore.id}@landfall`);
    const webinar = parsed.find((event) => String(event.summary).includes('What is new in 5.0'))!;
    expect(webinar.uid).toMatch(/^webinar-.+@landfall$/);
    expect(webinar.start.toISOString()).toBe('2026-03-10T15:00:00.000Z');
    expect(feed.body).toContain('DTSTART:20260310T150000Z');
    expect(feed.body).toMatch(/DTSTART;VALUE=DATE:\d{8}/);
    const again = await env.app.inject({ method: 'GET', url: path(created.body.url) });
    expect(events(again.body).map((event) => event.uid).sort()).toEqual(uids);

    const listed = (await mayaApi.get('/api/v1/calendar-feeds')).body;
    expect(listed).toEqual([expect.objectContaining({ scope: 'member', subjectId: maya.id, lastReadAt: expect.any(String) })]);
    expect(listed[0].url).toBeUndefined();

    const regenerated = await mayaApi.post('/api/v1/calendar-feeds', { scope: 'member' });
    expect((await env.app.inject({ method: 'GET', url: path(created.body.url) })).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: path(regenerated.body.url) })).statusCode).toBe(200);
    expect((await mayaApi.delete(`/api/v1/calendar-feeds/${regenerated.body.id}`)).status).toBe(204);
    expect((await env.app.inject({ method: 'GET', url: path(regenerated.body.url) })).statusCode).toBe(404);
  });

  it("gives a project a feed, and the customer 'add to calendar' for a milestone in the portal", async () => {
    const { project, contact } = await projectWithContact(admin.ctx);
    const feed = await api.post('/api/v1/calendar-feeds', { scope: 'project', projectId: project.id });
    const body = (await env.app.inject({ method: 'GET', url: path(feed.body.url) })).body;
    const milestones = (await tasksOf(project.id)).filter((task) => task.milestone_kind);
    expect(events(body).filter((event) => String(event.summary).startsWith('Milestone: '))).toHaveLength(milestones.length);
    expect((await api.post('/api/v1/calendar-feeds', { scope: 'project' })).status).toBe(400);

    const { session } = await signInAsContact(env, admin.ctx, project.id, contact);
    const portal = portalClient(env, session);
    const file = await portal.get(`/api/portal/v1/projects/${project.id}/tasks/${milestones[0]!.id}/calendar`);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(events(file.body as string)[0]!.uid).toBe(`task-${milestones[0]!.id}@landfall`);
    const chore = (await tasksOf(project.id)).find((task) => !task.milestone_kind && task.key.includes('questionnaire'))!;
    expect((await portal.get(`/api/portal/v1/projects/${project.id}/tasks/${chore.id}/calendar`)).status).toBe(400);
  });

  it("emails a customer meeting's invitation as METHOD:REQUEST through the outbox", async () => {
    const { project, contact } = await projectWithContact(admin.ctx);
    const kickoff = (await tasksOf(project.id)).find((task) => task.key === 'kickoff_meeting')!;
    const bad = await api.post(`/api/v1/calendar/meetings/${kickoff.id}/invitation`, { startsAt: '2026-03-05T14:00:00Z', contactIds: [admin.id] });
    expect(bad.status).toBe(400);
    const sent = await api.post(`/api/v1/calendar/meetings/${kickoff.id}/invitation`, { startsAt: '2026-03-05T15:00:00+01:00', durationMinutes: 60, contactIds: [contact.id] });
    expect(sent.body).toEqual({ invited: 1 });
    const [mail] = await env.services.database.query<{ to_address: string; attachments: { contentType: string; content: string }[] }>(
      "select to_address, attachments from mail_outbox where workspace_id = $1 and dedupe_key like 'meeting-invite:%'",
      [admin.workspaceId],
    );
    expect(mail!.to_address).toBe(contact.email);
    const ics = mail!.attachments[0]!;
    expect(ics.contentType).toContain('method=REQUEST');
    expect(ics.content).toContain('METHOD:REQUEST');
    expect(ics.content).toContain('DTSTART:20260305T140000Z');
    expect(ics.content).toMatch(/ATTENDEE;[^\r\n]*RSVP=TRUE/);
    expect(events(ics.content)[0]!.uid).toBe(`task-${kickoff.id}@landfall`);
  });
});

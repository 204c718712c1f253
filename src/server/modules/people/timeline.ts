// The lifecycle timeline of an account: one list of dated items, each from a source. A module that has something
// to show on it (products, organizations, maturity stages…) adds one source to TIMELINE_SOURCES: an async function
// (ctx, accountId, facts) → items. Sources only read; the list is sorted here, newest first.
import type { Ctx } from '../../context.ts';
import { CONTACT_ROLE_LABELS, type ContactRole } from '../../../core/people.ts';
import { RISK_KIND_LABELS, type RiskKind } from '../../../core/turnover/risk.ts';
import type { TimelineItem } from '../../../contract/turnover.ts';
import * as repo from './people.repo.ts';

/** What the People tab already read, handed to every source so none reads it twice. */
export interface TimelineFacts {
  people: Awaited<ReturnType<typeof repo.peopleOfAccount>>;
  risks: repo.RiskRow[];
}

export type TimelineSource = (ctx: Ctx, accountId: string, facts: TimelineFacts) => Promise<TimelineItem[]> | TimelineItem[];

const atNoon = (day: string) => `${day}T12:00:00.000Z`;
const roleLabel = (role: string) => CONTACT_ROLE_LABELS[role as ContactRole] ?? role;

const projectsSource: TimelineSource = async (ctx, accountId) =>
  (await repo.projectsForTimeline(ctx.db, ctx.workspaceId, accountId)).flatMap((project) => [
    { on: project.createdAt.toISOString(), kind: 'project_started', text: `${project.name} started`, href: `/projects/${project.id}` },
    ...(project.liveOn ? [{ on: atNoon(project.liveOn), kind: 'project_live', text: `${project.name} went live`, href: `/projects/${project.id}` }] : []),
  ]);

const peopleSource: TimelineSource = (_ctx, _accountId, { people }) =>
  people.flatMap((person) => [
    ...(person.joinedOn ? [{ on: atNoon(person.joinedOn), kind: 'person_joined', text: `${person.name} joined (${roleLabel(person.role)})`, href: null }] : []),
    ...(person.leftOn ? [{ on: atNoon(person.leftOn), kind: 'person_left', text: `${person.name} left (${roleLabel(person.role)})`, href: null }] : []),
  ]);

const risksSource: TimelineSource = (_ctx, _accountId, { risks, people }) => {
  const name = new Map(people.map((p) => [p.id, p.name]));
  return risks.flatMap((risk) => [
    { on: risk.raisedAt.toISOString(), kind: 'risk_raised', text: `Risk raised: ${RISK_KIND_LABELS[risk.kind as RiskKind]} (${name.get(risk.contactId) ?? 'someone'})`, href: null },
    ...(risk.resolvedAt ? [{ on: risk.resolvedAt.toISOString(), kind: 'risk_resolved', text: `Risk resolved: ${risk.resolution ?? ''}`.trim(), href: null }] : []),
  ]);
};

/** Add a line here to put your module's events on the account's lifecycle timeline. */
export const TIMELINE_SOURCES: TimelineSource[] = [projectsSource, peopleSource, risksSource];

/** The newest items shown: a 500-user account has a thousand joins and departures, and the tab reads the recent story. */
export const TIMELINE_LIMIT = 200;

export async function accountTimeline(ctx: Ctx, accountId: string, facts: TimelineFacts): Promise<TimelineItem[]> {
  const items = (await Promise.all(TIMELINE_SOURCES.map((source) => source(ctx, accountId, facts)))).flat();
  return items.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : a.kind.localeCompare(b.kind))).slice(0, TIMELINE_LIMIT);
}

// An account's people and their onboarding (issue 16): each person's state (new → onboarding → onboarded →
// lapsed, the pure function of core/journeys/state.ts over their facts), guide, learning path and journey; time
// to onboarded per person and the account's median; the super-users, whom they train, and the coverage.
import { median, onboardingStateOf, type OnboardingFact } from '../../../core/journeys/state.ts';
import type { AccountOnboarding } from '../../../contract/journeys.ts';
import { todayInTimeZone } from '../../../core/calendar.ts';
import type { Ctx } from '../../context.ts';
import { assertAccountExists } from '../accounts/accounts.service.ts';
import { contactsOfAccountByName } from '../cadences/planning.ts';
import * as repo from './journeys.repo.ts';
import { progressOf } from './journeys.service.ts';

const at = (value: string | Date) => new Date(value).getTime();
const dayAt = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** A super-user covers this many current users comfortably; more is flagged like none. */
export const USERS_PER_SUPER_USER = 25;

export async function accountOnboarding(ctx: Ctx, accountId: string): Promise<AccountOnboarding> {
  await assertAccountExists(ctx, accountId);
  const now = ctx.services.now().getTime();
  const people = await contactsOfAccountByName(ctx.db, ctx.workspaceId, accountId);
  const journeys = await repo.journeysOfAccount(ctx.db, ctx.workspaceId, accountId);
  const enrolments = await repo.enrolmentsOf(ctx.db, ctx.workspaceId, { accountId });
  const superUsers = await repo.superUsers(ctx.db, ctx.workspaceId, accountId, todayInTimeZone(now, 'UTC'));
  const names = new Map(people.map((person) => [person.id, person.name]));

  const rows: AccountOnboarding['people'] = [];
  for (const person of people) {
    const mine = journeys.filter((journey) => journey.contactId === person.id);
    const learning = enrolments.filter((enrolment) => enrolment.contact_id === person.id);
    const facts: OnboardingFact[] = [
      // Joined: the date given, else when their first journey started (Landfall learnt of them), else when the contact was added.
      { kind: 'joined', at: person.joinedOn ? dayAt(person.joinedOn) : (mine[0]?.startedAt ?? person.createdAt).getTime() },
      ...(person.leftOn ? [{ kind: 'left' as const, at: dayAt(person.leftOn) }] : []),
      ...mine.map((journey) => ({ kind: 'journey_started' as const, at: journey.startedAt.getTime() })),
      ...mine.flatMap((journey) => (journey.completedAt ? [{ kind: 'journey_done' as const, at: journey.completedAt.getTime() }] : [])),
      ...learning.flatMap((e) => (e.completed_at ? [{ kind: 'path_completed' as const, at: at(e.completed_at) }] : [])),
      ...learning.map((e) => ({ kind: 'activity' as const, at: at(e.last_activity) })),
    ];
    const standing = onboardingStateOf(facts, now);
    const path = learning.find((e) => e.status === 'active') ?? learning.at(-1);
    const current = mine.filter((journey) => !journey.endedAt).at(-1);
    rows.push({
      contactId: person.id,
      name: person.name,
      role: person.role,
      joinedOn: person.joinedOn,
      leftOn: person.leftOn,
      state: standing.state,
      daysToOnboarded: standing.daysToOnboarded,
      guide: person.guideContactId ? { contactId: person.guideContactId, name: names.get(person.guideContactId) ?? '' } : null,
      learningPath: path ? { title: path.path_title, status: path.status, completedAt: path.completed_at ? new Date(path.completed_at).toISOString() : null } : null,
      journey: current ? await progressOf(ctx, current) : null,
    });
  }

  const current = rows.filter((row) => !row.leftOn);
  const byState = { new: 0, onboarding: 0, onboarded: 0, lapsed: 0 };
  for (const row of current) byState[row.state] += 1;
  const trainees = (guideId: string) => current.filter((row) => row.guide?.contactId === guideId).map((row) => ({ contactId: row.contactId, name: row.name }));
  const perSuperUser = superUsers.length === 0 ? null : Math.round((current.length / superUsers.length) * 10) / 10;
  const flagged = superUsers.length === 0 || (perSuperUser ?? 0) > USERS_PER_SUPER_USER;
  return {
    accountId,
    counts: { currentUsers: current.length, onboarded: byState.onboarded, notOnboarded: current.length - byState.onboarded, byState },
    medianDaysToOnboarded: median(rows.flatMap((row) => (row.daysToOnboarded === null ? [] : [row.daysToOnboarded]))),
    people: rows,
    superUsers: superUsers.map((su) => ({
      contactId: su.id,
      name: su.name,
      role: su.role,
      certified: su.certified,
      certificateExpiresOn: su.certificate_expires_on,
      trainees: trainees(su.id),
    })),
    coverage: {
      superUsers: superUsers.length,
      usersPerSuperUser: perSuperUser,
      flagged,
      message:
        superUsers.length === 0
          ? 'No super-user: new users have no guide. Name one (role super-user) or certify one through the academy.'
          : flagged
            ? `${perSuperUser} users per super-user: more than ${USERS_PER_SUPER_USER}. Train another super-user.`
            : `${superUsers.length} super-user${superUsers.length === 1 ? '' : 's'} for ${current.length} current users.`,
    },
  };
}

import { CONTACT_ROLE_LABELS, type ContactRole } from '../../../core/people.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { Badge, type Tone } from '../../components/ui/Badge.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useAccountOnboarding, type AccountOnboarding as Onboarding } from './journeys.api.ts';
import './journeys.css';

const STATE_TONES: Record<Onboarding['people'][number]['state'], Tone> = { new: 'blue', onboarding: 'amber', onboarded: 'green', lapsed: 'red' };

const roleLabel = (role: string) => CONTACT_ROLE_LABELS[role as ContactRole] ?? role.replace(/_/g, ' ');

/** The account's users: who is onboarded, their journey and its next step, their guide; the super-users and their coverage. */
export function AccountOnboarding({ accountId }: { accountId: string }) {
  const onboarding = useAccountOnboarding(accountId);
  return (
    <section className="section" aria-labelledby="onboarding-heading">
      <div className="section-header">
        <h2 id="onboarding-heading">User onboarding</h2>
      </div>
      <div className="card">
        {onboarding.isPending ? (
          <LoadingState label="Loading user onboarding…" />
        ) : onboarding.isError ? (
          <ErrorState title="User onboarding could not be loaded" error={onboarding.error} onRetry={() => void onboarding.refetch()} />
        ) : onboarding.data.people.length === 0 ? (
          <EmptyState title="No users yet">Add the account’s contacts: each new user of a live customer gets their role’s journey and a guide.</EmptyState>
        ) : (
          <OnboardingBody data={onboarding.data} />
        )}
      </div>
    </section>
  );
}

function OnboardingBody({ data }: { data: Onboarding }) {
  const { counts, coverage } = data;
  return (
    <>
      <dl className="onboarding-figures">
        <div>
          <dt>Onboarded</dt>
          <dd>
            {counts.onboarded} of {counts.currentUsers}
          </dd>
        </div>
        <div>
          <dt>Not onboarded</dt>
          <dd>{counts.notOnboarded}</dd>
        </div>
        <div>
          <dt>Lapsed</dt>
          <dd>{counts.byState.lapsed}</dd>
        </div>
        <div>
          <dt>Median time to onboarded</dt>
          <dd>{data.medianDaysToOnboarded === null ? '—' : `${data.medianDaysToOnboarded} days`}</dd>
        </div>
      </dl>
      <p>
        {coverage.flagged ? <Badge tone="red">Super-user coverage</Badge> : <Badge tone="green">Super-users</Badge>} {coverage.message}
      </p>
      {data.superUsers.length > 0 && (
        <ul className="super-users">
          {data.superUsers.map((su) => (
            <li key={su.contactId}>
              <strong>{su.name}</strong> ({roleLabel(su.role)}
              {su.certified ? `, certified${su.certificateExpiresOn ? ` until ${formatDate(su.certificateExpiresOn)}` : ''}` : ', not certified yet'}) guides{' '}
              {su.trainees.length === 0 ? 'nobody yet' : su.trainees.map((t) => t.name).join(', ')}
            </li>
          ))}
        </ul>
      )}
      <Table caption="Users and their onboarding" className="onboarding-people">
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">State</th>
            <th scope="col">Journey</th>
            <th scope="col">Guide</th>
          </tr>
        </thead>
        <tbody>
          {data.people.map((person) => (
            <tr key={person.contactId}>
              <td>
                <strong>{person.name}</strong>
                <br />
                <span className="muted">
                  {roleLabel(person.role)}
                  {person.joinedOn ? ` · joined ${formatDate(person.joinedOn)}` : ''}
                  {person.leftOn ? ` · left ${formatDate(person.leftOn)}` : ''}
                </span>
              </td>
              <td>
                <Badge tone={STATE_TONES[person.state]}>{person.state}</Badge>
                {person.daysToOnboarded !== null && <div className="muted">in {person.daysToOnboarded} days</div>}
                {person.learningPath && (
                  <div className="muted">
                    {person.learningPath.title}: {person.learningPath.status}
                  </div>
                )}
              </td>
              <td>
                {person.journey ? (
                  <>
                    {person.journey.journeyName} {person.journey.paused && <Badge tone="amber">paused</Badge>}
                    <div className="muted">
                      {person.journey.stepsDone} of {person.journey.stepsTotal} steps
                      {person.journey.nextStep
                        ? ` · next: ${person.journey.nextStep.name}, ${formatDateTime(person.journey.nextStep.dueAt)}`
                        : person.journey.completedAt
                          ? ` · done ${formatDate(person.journey.completedAt.slice(0, 10))}`
                          : person.journey.endedReason
                            ? ` · ${person.journey.endedReason}`
                            : person.journey.waitingFor.length
                              ? ` · waiting for: ${person.journey.waitingFor.join(', ').toLowerCase()}`
                              : ''}
                    </div>
                  </>
                ) : (
                  <span className="muted">None</span>
                )}
              </td>
              <td>{person.guide ? person.guide.name : <span className="muted">{person.leftOn ? '—' : 'No guide'}</span>}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

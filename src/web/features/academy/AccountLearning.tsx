import { Link } from 'react-router';
import { formatDay } from '../../app/format.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useAccountLearning } from './academy.api.ts';

/** The account page's learning: trained and active users, certified super-users with their expiry, who is stuck. */
export function AccountLearning({ accountId }: { accountId: string }) {
  const learning = useAccountLearning(accountId);
  return (
    <Section title="Learning" description="From the academy: who has been trained, who is learning now, who holds a certificate and who is stuck.">
      {learning.isPending ? (
        <LoadingState label="Loading learning…" />
      ) : learning.isError ? (
        <ErrorState title="Learning could not be loaded" error={learning.error} onRetry={() => void learning.refetch()} />
      ) : (
        <div className="card card-pad stack">
          <p>
            <strong>{learning.data.trainedUsers}</strong> of {learning.data.currentContacts} users trained (completed a course) ·{' '}
            <strong>{learning.data.activeLearners}</strong> learning in the last 90 days
          </p>
          {learning.data.trainedUsers === 0 && learning.data.activeLearners === 0 && (
            <EmptyState title="Nobody here has learned yet">
              Enrol the account in a learning path from <Link to="/academy/enrolments">Academy → Enrolments</Link>, or add a rule that enrols its users.
            </EmptyState>
          )}
          <div>
            <h3 className="lesson-small">Certified</h3>
            {learning.data.certifiedSuperUsers.length === 0 ? (
              <p className="muted">No certificate yet: a learner who passes a certifying path gets one.</p>
            ) : (
              <ul className="academy-list" aria-label="Certificates">
                {learning.data.certifiedSuperUsers.map((c) => (
                  <li key={c.id}>
                    <span>
                      <strong>{c.contactName}</strong> · {c.title}
                    </span>
                    <span>
                      <Badge tone={c.status === 'valid' ? 'green' : 'amber'}>{c.status === 'valid' ? 'Valid' : 'Expiring'}</Badge>{' '}
                      <span className="muted">{c.expiresOn ? `until ${formatDay(c.expiresOn)}` : 'no expiry'}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3 className="lesson-small">Stuck (no progress for 14 days or more)</h3>
            {learning.data.stuck.length === 0 ? (
              <p className="muted">Nobody is stuck.</p>
            ) : (
              <ul className="academy-list" aria-label="Stuck learners of the account">
                {learning.data.stuck.map((s) => (
                  <li key={s.enrolmentId}>
                    <span>
                      <strong>{s.contactName}</strong> · {s.pathTitle}
                    </span>
                    <span className="muted">{s.daysSinceActivity} days without progress</span>
                  </li>
                ))}
              </ul>
            )}
            {learning.data.stuck.length > 0 && <Link to="/academy/enrolments">Nudge them from Academy → Enrolments</Link>}
          </div>
        </div>
      )}
    </Section>
  );
}

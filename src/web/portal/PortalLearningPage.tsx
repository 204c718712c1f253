import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { Button } from '../components/ui/Button.tsx';
import { ErrorState, LoadingState } from '../components/ui/State.tsx';
import { useWebinarRegistration, useYourLearning, type YourLearning } from './academy.api.ts';

// "Your learning": the paths assigned to you first (with where to resume), your certificates, upcoming webinars.

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
const dateTime = (iso: string) => new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });

export function PortalLearningPage() {
  useDocumentTitle('Your learning');
  const learning = useYourLearning();
  if (learning.isPending) return <LoadingState label="Opening your learning…" />;
  if (learning.isError) return <ErrorState error={learning.error} onRetry={() => void learning.refetch()} />;
  const { paths, certificates, webinars } = learning.data;
  return (
    <div className="portal-learning">
      <h1 className="portal-title">Your learning</h1>
      {paths.length === 0 ? (
        <section className="portal-card">
          <p className="portal-muted">No learning path is assigned to you yet. When your team enrols you, it appears here.</p>
        </section>
      ) : (
        paths.map((path) => <PathCard key={path.enrolmentId} path={path} />)
      )}
      {certificates.length > 0 && (
        <section className="portal-card" aria-labelledby="your-certificates">
          <h2 className="portal-section-title" id="your-certificates">
            Your certificates
          </h2>
          <ul className="portal-list learning-certificates">
            {certificates.map((c) => (
              <li key={c.id}>
                <Link to={`/portal/learning/certificates/${c.id}`}>{c.title}</Link>
                <span className="portal-muted">
                  {' '}
                  · issued {day(c.issuedOn)}
                  {c.expiresOn ? ` · valid until ${day(c.expiresOn)}` : ''}
                  {c.status === 'expiring' ? ' · renew soon' : c.status === 'expired' ? ' · expired' : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Webinars webinars={webinars} />
    </div>
  );
}

function PathCard({ path }: { path: YourLearning['paths'][number] }) {
  const done = path.status === 'completed';
  return (
    <section className="portal-card learning-path" aria-label={path.title}>
      <div className="learning-path-head">
        <h2 className="portal-section-title">{path.title}</h2>
        <span className={`learning-status${done ? ' is-done' : ''}`}>{done ? 'Completed' : path.status === 'withdrawn' ? 'Withdrawn' : `${path.progress.percent}%`}</span>
      </div>
      {path.description && <p className="portal-muted">{path.description}</p>}
      <div className="learning-bar" role="progressbar" aria-label={`${path.title} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={path.progress.percent}>
        <span style={{ width: `${path.progress.percent}%` }} />
      </div>
      <p className="portal-muted learning-small">
        {path.progress.completedCourses} of {path.progress.totalCourses} courses done
        {path.progress.score !== null ? ` · average score ${path.progress.score}%` : ''}
      </p>
      {path.resume && !done && (
        <Link className="btn btn-primary portal-wide-button" to={`/portal/learning/courses/${path.resume.courseId}?lesson=${path.resume.lessonId}`}>
          {path.progress.percent === 0 && !path.progress.lastActivityAt ? 'Start' : 'Resume'}: {path.resume.lessonTitle}
        </Link>
      )}
      <ol className="learning-courses">
        {path.courses.map((course) => (
          <li key={course.courseId} className={course.completed ? 'is-done' : ''}>
            <Link to={`/portal/learning/courses/${course.courseId}`}>{course.title}</Link>
            <span className="portal-muted learning-small">
              {course.kind === 'elective' ? 'Elective · ' : ''}
              {course.completed ? 'Done' : `${course.lessonsDone} of ${course.lessonCount} lessons`}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Webinars({ webinars }: { webinars: YourLearning['webinars'] }) {
  const registration = useWebinarRegistration();
  return (
    <section className="portal-card" aria-labelledby="your-webinars">
      <h2 className="portal-section-title" id="your-webinars">
        Upcoming webinars
      </h2>
      {webinars.length === 0 ? (
        <p className="portal-muted">No webinar is planned for you right now.</p>
      ) : (
        <ul className="portal-list learning-webinars">
          {webinars.map((w) => {
            const full = w.capacity !== null && w.registered >= w.capacity && !w.youRegistered;
            return (
              <li key={w.id}>
                <div>
                  <strong>{w.title}</strong>
                  <div className="portal-muted learning-small">
                    {dateTime(w.startsAt)} · {w.durationMinutes} min
                  </div>
                  {w.youRegistered && w.joinUrl && (
                    <a href={w.joinUrl} target="_blank" rel="noopener noreferrer" className="learning-small">
                      Join link
                    </a>
                  )}
                </div>
                <Button
                  size="sm"
                  variant={w.youRegistered ? 'ghost' : 'primary'}
                  disabled={full}
                  busy={registration.isPending && registration.variables?.webinarId === w.id}
                  onClick={() => registration.mutate({ webinarId: w.id, register: !w.youRegistered })}
                >
                  {w.youRegistered ? 'Cancel registration' : full ? 'Full' : 'Register'}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {registration.error && (
        <p className="form-error" role="alert">
          {registration.error.message}
        </p>
      )}
    </section>
  );
}

/** A certificate to look at (and print or save as PDF from the browser). */
export function PortalCertificatePage() {
  const { certificateId = '' } = useParams();
  const learning = useYourLearning();
  useDocumentTitle('Your certificate');
  if (learning.isPending) return <LoadingState />;
  if (learning.isError) return <ErrorState error={learning.error} onRetry={() => void learning.refetch()} />;
  const certificate = learning.data.certificates.find((c) => c.id === certificateId);
  if (!certificate) {
    return (
      <section className="portal-card">
        <p>This certificate is not among yours.</p>
        <Link to="/portal/learning">Back to your learning</Link>
      </section>
    );
  }
  return (
    <div>
      <p className="learning-small">
        <Link to="/portal/learning">← Your learning</Link>
      </p>
      <section className="portal-card learning-certificate" aria-label="Certificate">
        <p className="portal-eyebrow">Certificate</p>
        <h1 className="portal-title">{certificate.title}</h1>
        <p>awarded to</p>
        <p className="learning-certificate-name">{certificate.contactName}</p>
        <p className="portal-muted">
          Issued {day(certificate.issuedOn)}
          {certificate.expiresOn ? ` · valid until ${day(certificate.expiresOn)}` : ' · does not expire'}
        </p>
        {certificate.renewableFrom && <p className="portal-muted learning-small">Renew it from {day(certificate.renewableFrom)} by completing the path again.</p>}
      </section>
      <Button onClick={() => window.print()}>Print or save as PDF</Button>
    </div>
  );
}

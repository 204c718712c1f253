import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { ContactRoleBadge } from './ContactsSection.tsx';
import { useContactOverview } from './contacts.api.ts';
import './contacts.css';

const STATUS_WORDS: Record<string, string> = { not_started: 'Not started', in_progress: 'In progress', stuck: 'Stuck', done: 'Done', skipped: 'Skipped' };

/** A customer contact as a page: who they are, their projects and tasks, what was sent to them, what they did. */
export function ContactPage() {
  const { id = '' } = useParams();
  const overview = useContactOverview(id);
  useDocumentTitle(overview.data?.contact.name ?? 'Contact');
  if (overview.isPending) return <LoadingState label="Loading contact…" />;
  if (overview.isError) {
    return (
      <div className="page">
        {isApiError(overview.error, 404) ? (
          <div className="card">
            <EmptyState title="This contact doesn't exist" action={<ButtonLink to="/accounts">Go to accounts</ButtonLink>}>
              They may have been removed, or the link is wrong.
            </EmptyState>
          </div>
        ) : (
          <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
        )}
      </div>
    );
  }
  const { contact, accountName, projects, tasks, messages, portalActivity, learning } = overview.data;
  return (
    <div className="page contact-page">
      <PageHeader
        breadcrumb={<Link to={`/accounts/${contact.accountId}`}>{accountName}</Link>}
        title={contact.name}
        meta={
          <>
            <ContactRoleBadge role={contact.role} />
            {contact.title && <span>{contact.title}</span>}
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
            {contact.leftOn && <Badge tone="red">Left {formatDate(contact.leftOn)}</Badge>}
          </>
        }
      />
      <Section title="Projects" count={projects.length}>
        {projects.length === 0 ? (
          <p className="muted">Not on any project yet: give them portal access from a project’s Portal tab, or assign them a task.</p>
        ) : (
          <ul className="contact-list">
            {projects.map((p) => (
              <li key={p.id}>
                <Link to={`/projects/${p.id}`}>{p.name}</Link>
                <span className="muted">
                  {p.portalAccess ? (p.lastVisitAt ? `Last in the portal ${formatDateTime(p.lastVisitAt)}` : 'Has portal access, not visited yet') : 'No portal access'}
                  {p.status !== 'active' && ` · ${p.status}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Tasks" count={tasks.length}>
        {tasks.length === 0 ? (
          <p className="muted">No tasks are assigned to {contact.name}.</p>
        ) : (
          <ul className="contact-list">
            {tasks.map((t) => (
              <li key={t.id}>
                <Link to={`/projects/${t.projectId}?task=${t.id}`}>{t.title}</Link>
                <span className="muted">
                  {t.projectName} · {STATUS_WORDS[t.status] ?? t.status}
                  {t.dueOn && t.status !== 'done' && ` · due ${formatDate(t.dueOn)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Messages sent to them" count={messages.length}>
        {messages.length === 0 ? (
          <p className="muted">Nothing has been sent to {contact.name} yet.</p>
        ) : (
          <ul className="contact-list">
            {messages.map((m) => (
              <li key={m.id}>
                <Link to={`/mail?message=${m.id}`}>{m.subject}</Link>
                <span className="muted">
                  {m.channel === 'portal' ? 'In the portal' : 'Email'} · {m.state} · {formatDateTime(m.sentAt ?? m.at)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Portal activity" count={portalActivity.length}>
        {portalActivity.length === 0 ? (
          <p className="muted">{contact.name} has not done anything in the portal yet.</p>
        ) : (
          <ul className="contact-list">
            {portalActivity.map((a, index) => (
              <li key={`${a.at}-${index}`}>
                <span>{a.text}</span>
                <span className="muted">
                  <Link to={`/projects/${a.projectId}`}>{a.projectName}</Link> · {formatDateTime(a.at)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Learning" count={learning.length}>
        {learning.length === 0 ? (
          <p className="muted">Not enrolled in any learning path. Enrol people from the Academy.</p>
        ) : (
          <ul className="contact-list">
            {learning.map((l) => (
              <li key={l.id}>
                <span>{l.title}</span>
                <span className="muted">
                  {l.completedAt ? `Completed ${formatDate(l.completedAt)}` : `${l.status} · enrolled ${formatDate(l.enrolledAt)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

export default ContactPage;

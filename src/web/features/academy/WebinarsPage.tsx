import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Audience } from '../../../contract/academy.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, TextAreaField, TextField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useAttachRecording, useAttendance, useCreateWebinar, useInvite, useWebinar, useWebinars } from './academy.api.ts';
import { AudienceFields, audienceText, EMPTY_AUDIENCE } from './AudienceFields.tsx';

export const when = (iso: string) => new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });

export function WebinarsPage() {
  useDocumentTitle('Webinars');
  const webinars = useWebinars();
  const [creating, setCreating] = useState(false);
  // The page's own "now", taken once when it opens: which webinars are upcoming.
  const [now] = useState(() => Date.now());
  return (
    <Section title="Webinars" count={webinars.data?.length} description="Live sessions: learners register from the portal or the invitation email (with an ICS file), and get the recording after." actions={<Button variant="primary" onClick={() => setCreating(true)}>New webinar</Button>}>
      {creating && <WebinarForm onDone={() => setCreating(false)} />}
      {webinars.isPending ? (
        <LoadingState />
      ) : webinars.isError ? (
        <ErrorState error={webinars.error} onRetry={() => void webinars.refetch()} />
      ) : webinars.data.length === 0 && !creating ? (
        <div className="card">
          <EmptyState title="No webinars yet" action={<Button variant="primary" onClick={() => setCreating(true)}>New webinar</Button>}>
            Plan a live session (a release walk-through, office hours), invite its audience, and attach the recording afterwards.
          </EmptyState>
        </div>
      ) : (
        <ul className="academy-grid" aria-label="Webinars">
          {webinars.data.map((w) => (
            <li key={w.id} className="card card-pad academy-card">
              <h3>
                <Link to={`/academy/webinars/${w.id}`}>{w.title}</Link>
              </h3>
              <p className="muted">{when(w.startsAt)}</p>
              <div className="academy-row">
                {Date.parse(w.startsAt) > now ? <Badge tone="blue">Upcoming</Badge> : <Badge>Past</Badge>}
                {w.recordingUrl && <Badge tone="green">Recording</Badge>}
                <span className="muted lesson-small">
                  {w.registered}
                  {w.capacity ? ` / ${w.capacity}` : ''} registered · {w.attended} attended
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function WebinarForm({ onDone }: { onDone: () => void }) {
  const create = useCreateWebinar();
  const notify = useToast();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [duration, setDuration] = useState(60);
  const [joinUrl, setJoinUrl] = useState('');
  const [capacity, setCapacity] = useState('');
  const [audience, setAudience] = useState<Audience>(EMPTY_AUDIENCE);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await create.mutateAsync({
        title,
        description,
        // The datetime-local field is in the member's own timezone; the server keeps an instant.
        startsAt: startsAt ? new Date(startsAt).toISOString() : '',
        durationMinutes: duration,
        joinUrl,
        capacity: capacity.trim() ? Number(capacity) : null,
        audience,
      });
      notify('Webinar created');
      onDone();
    } catch {
      // shown below
    }
  };
  const problem = formProblem(create.error, ['title', 'description', 'startsAt', 'durationMinutes', 'joinUrl', 'capacity']);
  return (
    <form className="card card-pad stack" style={{ marginBottom: 16 }} onSubmit={(e) => void submit(e)} noValidate aria-label="New webinar">
      <TextField label="Webinar title" value={title} onChange={(e) => setTitle(e.target.value)} error={problem.fieldError('title')} required />
      <TextAreaField label="Description" optional rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      <div className="academy-row">
        <TextField label="Starts" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} error={problem.fieldError('startsAt')} hint={`Your time (${Intl.DateTimeFormat().resolvedOptions().timeZone}); learners see their own.`} />
        <TextField label="Minutes" type="number" min={5} max={600} value={duration} onChange={(e) => setDuration(Number(e.target.value))} error={problem.fieldError('durationMinutes')} />
      </div>
      <div className="academy-row">
        <TextField label="Join link" type="url" placeholder="https://" value={joinUrl} onChange={(e) => setJoinUrl(e.target.value)} error={problem.fieldError('joinUrl')} />
        <TextField label="Capacity" optional type="number" min={1} value={capacity} onChange={(e) => setCapacity(e.target.value)} error={problem.fieldError('capacity')} />
      </div>
      <AudienceFields audience={audience} onChange={setAudience} />
      <FormMessage message={problem.message} />
      <div className="academy-row">
        <Button type="submit" variant="primary" busy={create.isPending}>
          Create webinar
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function WebinarPage() {
  const { id = '' } = useParams();
  const webinar = useWebinar(id);
  const invite = useInvite(id);
  const record = useAttachRecording(id);
  const attendance = useAttendance(id);
  const notify = useToast();
  const [recordingUrl, setRecordingUrl] = useState('');
  const [now] = useState(() => Date.now());
  useDocumentTitle(webinar.data?.title ?? 'Webinar');
  if (webinar.isPending) return <LoadingState />;
  if (webinar.isError) return <ErrorState error={webinar.error} onRetry={() => void webinar.refetch()} />;
  const w = webinar.data;
  const past = Date.parse(w.startsAt) < now;
  const recordProblem = formProblem(record.error, ['recordingUrl']);
  return (
    <div className="stack">
      <p className="lesson-small">
        <Link to="/academy/webinars">← All webinars</Link>
      </p>
      <div className="card card-pad stack">
        <h2 className="card-title">{w.title}</h2>
        <p>
          {when(w.startsAt)} · {w.durationMinutes} min · {w.registered}
          {w.capacity ? ` / ${w.capacity}` : ''} registered
        </p>
        {w.description && <p className="muted">{w.description}</p>}
        <p className="muted lesson-small">For: {audienceText(w.audience)}</p>
        {w.joinUrl && (
          <p className="lesson-small">
            Join link: <a href={w.joinUrl}>{w.joinUrl}</a>
          </p>
        )}
        {!past && (
          <div>
            <Button variant="primary" busy={invite.isPending} onClick={() => invite.mutate({ toAudience: true }, { onSuccess: (r) => notify(`${r.queued} invitations queued${r.skipped ? `, ${r.skipped} skipped` : ''}`), onError: (e) => notify(e.message, 'error') })}>
              Invite the audience
            </Button>
          </div>
        )}
      </div>
      <form
        className="card card-pad stack"
        noValidate
        aria-label="Recording"
        onSubmit={(e) => {
          e.preventDefault();
          record.mutate(recordingUrl, { onSuccess: (r) => notify(`Recording attached: sent to ${r.queued} who did not attend`) });
        }}
      >
        <h2 className="card-title">Recording</h2>
        {w.recordingUrl ? (
          <p>
            <a href={w.recordingUrl}>{w.recordingUrl}</a>
          </p>
        ) : (
          <p className="muted">After the session, attach the recording: it goes to the registered and invited people who did not attend.</p>
        )}
        <div className="academy-row">
          <TextField label="Recording link" type="url" placeholder="https://" value={recordingUrl} onChange={(e) => setRecordingUrl(e.target.value)} error={recordProblem.fieldError('recordingUrl')} />
        </div>
        <FormMessage message={recordProblem.message} />
        <div>
          <Button type="submit" busy={record.isPending} disabled={!recordingUrl.trim()}>
            Attach recording
          </Button>
        </div>
      </form>
      <Section title="Registrations" count={w.registrations.length}>
        {w.registrations.length === 0 ? (
          <div className="card">
            <EmptyState title="No registrations yet">Invite the audience: each invitation carries a registration link and a calendar file.</EmptyState>
          </div>
        ) : (
          <div className="card card-flush">
            <Table caption="Registrations">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col" className="hide-phone">Registered</th>
                  <th scope="col">Attended</th>
                </tr>
              </thead>
              <tbody>
                {w.registrations.map((r) => (
                  <tr key={r.contactId}>
                    <td>
                      {r.contactName}
                      <div className="muted lesson-small">{r.accountName}</div>
                    </td>
                    <td className="hide-phone">
                      {new Date(r.registeredAt).toLocaleDateString()} via {r.via}
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${r.contactName} attended`}
                        checked={r.attended}
                        disabled={!past || attendance.isPending}
                        onChange={(e) =>
                          attendance.mutate(
                            w.registrations.filter((x) => (x.contactId === r.contactId ? e.target.checked : x.attended)).map((x) => x.contactId),
                          )
                        }
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        )}
      </Section>
    </div>
  );
}

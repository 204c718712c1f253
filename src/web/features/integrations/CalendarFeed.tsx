import { useState } from 'react';
import { formatRelative } from '../../app/format.ts';
import { Button } from '../../components/ui/Button.tsx';
import { CopyField } from '../../components/ui/CopyField.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { FormMessage } from '../../components/ui/Field.tsx';
import { errorText } from '../../components/ui/State.tsx';
import { useCalendarFeeds, useCreateCalendarFeed, useRevokeCalendarFeed, type CalendarFeed as Feed } from './integrations.api.ts';
import './integrations.css';

type Subject = { scope: 'member'; memberId: string } | { scope: 'project'; projectId: string };

/**
 * A secret calendar address (iCalendar) for a member or a project: shown once when made; regenerating makes a new
 * one and the old one stops working at once, revoking stops it.
 */
export function CalendarFeedPanel({ subject, canWrite = true }: { subject: Subject; canWrite?: boolean }) {
  const feeds = useCalendarFeeds();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [made, setMade] = useState<Feed | undefined>();
  const subjectId = subject.scope === 'member' ? subject.memberId : subject.projectId;
  const live = feeds.data?.find((feed) => feed.scope === subject.scope && feed.subjectId === subjectId);
  const make = () =>
    create.mutate(subject.scope === 'member' ? { scope: 'member' } : { scope: 'project', projectId: subject.projectId }, { onSuccess: setMade });
  const what = subject.scope === 'member' ? 'your milestones, customer meetings and webinars' : "this project's milestones and customer meetings";
  return (
    <div className="calendar-feed stack">
      <p className="muted">
        Subscribe to {what} in Google Calendar, Outlook or Apple Calendar ("add calendar from URL"). Anyone with the address can read it: keep it to yourself.
      </p>
      {made?.url ? (
        <>
          <CopyField label="Calendar address (shown once)" value={made.url} />
          <a href={made.url.replace(/^https?:/, 'webcal:')}>Open in your calendar app</a>
        </>
      ) : live ? (
        <p>
          A feed is active{live.lastReadAt ? `, last read by a calendar ${formatRelative(live.lastReadAt)}` : ', not read by a calendar yet'}. Its address was shown
          when it was made; regenerate it to see a new one.
        </p>
      ) : (
        <p>No calendar feed yet.</p>
      )}
      {canWrite && (
        <div className="button-row">
          <Button variant={live ? 'secondary' : 'primary'} busy={create.isPending} onClick={make}>
            {live ? 'Regenerate address' : 'Create calendar feed'}
          </Button>
          {live && (
            <Button variant="danger" busy={revoke.isPending} onClick={() => revoke.mutate(live.id, { onSuccess: () => setMade(undefined) })}>
              Revoke
            </Button>
          )}
        </div>
      )}
      <FormMessage message={create.error ? errorText(create.error) : revoke.error ? errorText(revoke.error) : undefined} />
    </div>
  );
}

/** "Calendar feed" on the project page: a button that opens the panel. */
export function ProjectCalendarButton({ projectId, canWrite }: { projectId: string; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
        Calendar feed
      </Button>
      {open && (
        <Dialog title="Project calendar feed" onClose={() => setOpen(false)} size="sm">
          <div className="dialog-body">
            <CalendarFeedPanel subject={{ scope: 'project', projectId }} canWrite={canWrite} />
          </div>
        </Dialog>
      )}
    </>
  );
}

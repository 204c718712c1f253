import { useSession } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { CalendarFeedPanel } from './CalendarFeed.tsx';

/** Settings → My calendar: the member's own feed. */
export function MyCalendarPage() {
  useDocumentTitle('My calendar');
  const memberId = useSession().member.id;
  return (
    <div className="page page-narrow">
      <PageHeader title="My calendar" description="Your milestones, customer meetings and the academy's webinars, in your own calendar app." />
      <div className="card card-pad">
        <CalendarFeedPanel subject={{ scope: 'member', memberId }} />
      </div>
    </div>
  );
}

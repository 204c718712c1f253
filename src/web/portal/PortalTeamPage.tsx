// "Your team" in the portal: a champion, project lead or admin says a colleague has left; anyone can say they left.
// The vendor's team hears of it at once (their tasks are handed on; a key role raises a risk for the CSM).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CONTACT_ROLE_LABELS } from '../../core/people.ts';
import type { PortalColleague } from '../../contract/turnover.ts';
import { Button } from '../components/ui/Button.tsx';
import { ErrorState, LoadingState, errorText } from '../components/ui/State.tsx';
import { portal } from './portal.api.ts';

const teamKey = ['portal', 'colleagues'] as const;

export function PortalTeamPage({ me, preview }: { me: { id: string }; preview: boolean }) {
  const colleagues = useQuery({ queryKey: teamKey, queryFn: () => portal.get<PortalColleague[]>('/colleagues') });
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | undefined>();
  const markLeft = useMutation({
    mutationFn: (colleague: PortalColleague) => portal.post<PortalColleague>(`/colleagues/${colleague.id}/left`, {}),
    onSuccess: (left) => {
      setDone(left.id === me.id ? 'Thank you: your onboarding team knows you have left.' : `Thank you: your onboarding team knows ${left.name} has left.`);
      void queryClient.invalidateQueries({ queryKey: teamKey });
    },
  });
  if (colleagues.isPending) return <LoadingState label="Loading your team…" />;
  if (colleagues.isError) return <ErrorState title="Could not load your team" error={colleagues.error} onRetry={() => void colleagues.refetch()} />;
  return (
    <section className="portal-card">
      <h1 className="portal-title">Your team</h1>
      <p className="portal-muted">When someone leaves, say so here: their open tasks go to a colleague and nothing waits on them.</p>
      {done && <p role="status">{done}</p>}
      {markLeft.error && <p role="alert">{errorText(markLeft.error)}</p>}
      <ul className="portal-list portal-team">
        {colleagues.data.map((colleague) => (
          <li key={colleague.id}>
            <span>
              {colleague.name} <span className="portal-muted">· {CONTACT_ROLE_LABELS[colleague.role]}</span>
            </span>
            {!preview && (
              <Button size="sm" variant="ghost" busy={markLeft.isPending && markLeft.variables.id === colleague.id} onClick={() => markLeft.mutate(colleague)}>
                {colleague.id === me.id ? 'I have left' : 'Has left'}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

import { Badge, type Tone } from '../../components/ui/Badge.tsx';
import type { OutboxState } from './mail.api.ts';

const TONES: Record<OutboxState, Tone> = {
  scheduled: 'blue',
  sending: 'purple',
  sent: 'green',
  failed: 'red',
  suppressed: 'neutral',
  bounced: 'amber',
};

export function MailStateBadge({ state }: { state: OutboxState }) {
  return <Badge tone={TONES[state]}>{state}</Badge>;
}

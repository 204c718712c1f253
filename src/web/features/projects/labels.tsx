import { MILESTONE_KINDS, VENDOR_TASK_ROLES, type PlaybookMilestoneKind, type TaskOwner, type VendorTaskRole } from '../../../core/playbooks/definition.ts';
import { CONTACT_ROLES, CONTACT_ROLE_LABELS } from '../../../core/people.ts';
import { Badge, type Tone } from '../../components/ui/Badge.tsx';
import type { Health, TaskStatus } from './projects.api.ts';
import './projects.css';

export const HEALTH_LABELS: Record<Health, string> = { on_track: 'On track', at_risk: 'At risk', late: 'Late' };
const healthTone: Record<Health, Tone> = { on_track: 'green', at_risk: 'amber', late: 'red' };

export const STATUS_LABELS: Record<TaskStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  stuck: 'Stuck',
  done: 'Done',
  skipped: 'Skipped',
};
export const TASK_STATUSES = Object.keys(STATUS_LABELS) as TaskStatus[];
const statusTone: Record<TaskStatus, Tone> = { not_started: 'neutral', in_progress: 'blue', stuck: 'red', done: 'green', skipped: 'neutral' };

export const VENDOR_ROLE_LABELS: Record<VendorTaskRole, string> = {
  onboarding_manager: 'Onboarding manager',
  implementation_manager: 'Implementation manager',
  csm: 'CSM',
  sales: 'Sales',
  education: 'Education',
};

export const MILESTONE_LABELS: Record<PlaybookMilestoneKind, string> = {
  kickoff: 'Kickoff',
  first_engagement: 'First engagement',
  go_live: 'Go-live',
  first_value: 'First value',
  value_achieved: 'Value achieved',
  onboarding_complete: 'Onboarding complete',
  custom: 'Other milestone',
};
export const milestoneOptions = MILESTONE_KINDS.map((value) => ({ value, label: MILESTONE_LABELS[value] }));

export const roleLabel = (owner: TaskOwner): string =>
  owner.side === 'vendor' ? VENDOR_ROLE_LABELS[owner.role] : CONTACT_ROLE_LABELS[owner.role];

/** "vendor:csm" ↔ a TaskOwner, for one select that picks both the side and the role. */
export const ownerValue = (owner: TaskOwner): string => `${owner.side}:${owner.role}`;
export function parseOwner(value: string): TaskOwner {
  const [side, role] = value.split(':');
  if (side === 'customer' && (CONTACT_ROLES as readonly string[]).includes(role ?? '')) return { side, role: role as (typeof CONTACT_ROLES)[number] };
  if ((VENDOR_TASK_ROLES as readonly string[]).includes(role ?? '')) return { side: 'vendor', role: role as VendorTaskRole };
  return { side: 'vendor', role: 'onboarding_manager' };
}
export const ownerGroups = [
  { label: 'Vendor', options: VENDOR_TASK_ROLES.map((role) => ({ value: `vendor:${role}`, label: VENDOR_ROLE_LABELS[role] })) },
  { label: 'Customer', options: CONTACT_ROLES.map((role) => ({ value: `customer:${role}`, label: CONTACT_ROLE_LABELS[role] })) },
];

export const HealthBadge = ({ health }: { health: Health }) => <Badge tone={healthTone[health]}>{HEALTH_LABELS[health]}</Badge>;
export const StatusBadge = ({ status }: { status: TaskStatus }) => <Badge tone={statusTone[status]}>{STATUS_LABELS[status]}</Badge>;

/** Who does the task: the side (customer work reads differently from ours) and the role. */
export function OwnerBadge({ owner }: { owner: TaskOwner }) {
  return (
    <span className={`owner-badge owner-${owner.side}`} title={`${owner.side === 'customer' ? 'Customer' : 'Vendor'}: ${roleLabel(owner)}`}>
      <span className="owner-side">{owner.side === 'customer' ? 'Customer' : 'Vendor'}</span>
      {roleLabel(owner)}
    </span>
  );
}

import { useState } from 'react';
import { ASSIGNED_ROLES, type AssignedRole } from '../../../core/assignment/choose.ts';
import { CONTACT_ROLE_LABELS, CONTACT_ROLES, MEMBER_ROLE_LABELS, SEGMENTS, type ContactRole, type Segment } from '../../../core/people.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useIsAdmin } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Button } from '../../components/ui/Button.tsx';
import { FormMessage } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useMembers } from '../members/members.api.ts';
import { useAssignmentSettings, useSaveAssignmentSettings, type AssignmentSettings, type AssignmentSettingsForm } from './assignment.api.ts';

type Rule = AssignmentSettingsForm['rules'][number] & { match: { segments: Segment[]; products: string[]; regions: string[] } };

const SEGMENT_LABELS: Record<Segment, string> = { enterprise: 'Enterprise', mid_market: 'Mid-market', smb: 'SMB' };
const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

export function AssignmentSettingsPage() {
  useDocumentTitle('Assignment');
  const settings = useAssignmentSettings();
  return (
    <div className="page page-narrow">
      <PageHeader
        title="Assignment"
        description="Who takes a new project. Rules are tried in order; the first that matches picks a member, in turn or the one with the fewest open projects, and the project shows why. A project nobody could take is flagged and the team lead is emailed."
      />
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <AssignmentForm key={JSON.stringify(settings.data)} settings={settings.data} />
      )}
    </div>
  );
}

function AssignmentForm({ settings }: { settings: AssignmentSettings }) {
  const isAdmin = useIsAdmin();
  const notify = useToast();
  const members = useMembers();
  const save = useSaveAssignmentSettings();
  const [teamLeadId, setTeamLeadId] = useState(settings.teamLead?.id ?? '');
  const [portalRoles, setPortalRoles] = useState<ContactRole[]>(settings.portalRoles);
  const [rules, setRules] = useState<Rule[]>(
    settings.rules.map((rule) => ({ name: rule.name, role: rule.role, strategy: rule.strategy, memberIds: rule.members.map((m) => m.id), match: { ...rule.match, segments: rule.match.segments as Segment[] } })),
  );
  const problem = formProblem(save.error, []);
  const update = (index: number, change: Partial<Rule>) => setRules(rules.map((rule, i) => (i === index ? { ...rule, ...change } : rule)));
  const move = (index: number, by: number) => {
    const next = [...rules];
    const [rule] = next.splice(index, 1);
    next.splice(index + by, 0, rule!);
    setRules(next);
  };

  return (
    <form
      className="card form-card"
      noValidate
      aria-label="Assignment rules"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ teamLeadId: teamLeadId || null, portalRoles, rules }, { onSuccess: () => notify('Assignment rules saved') });
      }}
    >
      <fieldset className="stack" disabled={!isAdmin}>
        <label className="field">
          <span className="field-label">Team lead</span>
          <select className="input" value={teamLeadId} onChange={(event) => setTeamLeadId(event.target.value)}>
            <option value="">None: tell the workspace admins</option>
            {members.data?.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
          <span className="muted">Emailed when a project starts with nobody to manage it.</span>
        </label>
        <fieldset className="stack">
          <legend className="field-label">Portal access when a project starts</legend>
          <div className="inline-form">
            {CONTACT_ROLES.map((role) => (
              <label key={role} className="checkbox">
                <input
                  type="checkbox"
                  checked={portalRoles.includes(role)}
                  onChange={(event) => setPortalRoles(event.target.checked ? [...portalRoles, role] : portalRoles.filter((r) => r !== role))}
                />{' '}
                {CONTACT_ROLE_LABELS[role]}
              </label>
            ))}
          </div>
        </fieldset>
        <h2 className="section-title">Rules, in order</h2>
        {rules.length === 0 && <p className="muted">No rules: a project gets only its account’s owners, and with no onboarding manager the team lead is told.</p>}
        {rules.map((rule, index) => (
          <fieldset key={index} className="card stack" aria-label={`Rule ${index + 1}`}>
            <div className="inline-form">
              <input className="input" aria-label={`Rule ${index + 1}: name`} value={rule.name} onChange={(event) => update(index, { name: event.target.value })} />
              <select className="input" aria-label={`Rule ${index + 1}: role`} value={rule.role} onChange={(event) => update(index, { role: event.target.value as AssignedRole })}>
                {ASSIGNED_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {MEMBER_ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
              <select className="input" aria-label={`Rule ${index + 1}: how`} value={rule.strategy} onChange={(event) => update(index, { strategy: event.target.value as Rule['strategy'] })}>
                <option value="least_loaded">Least loaded</option>
                <option value="most_room">Most hours free</option>
                <option value="round_robin">In turn (round-robin)</option>
              </select>
            </div>
            <div className="inline-form">
              <span className="muted">When the segment is</span>
              {SEGMENTS.map((segment) => (
                <label key={segment} className="checkbox">
                  <input
                    type="checkbox"
                    checked={rule.match.segments.includes(segment)}
                    onChange={(event) =>
                      update(index, { match: { ...rule.match, segments: event.target.checked ? [...rule.match.segments, segment] : rule.match.segments.filter((s) => s !== segment) } })
                    }
                  />{' '}
                  {SEGMENT_LABELS[segment]}
                </label>
              ))}
            </div>
            <div className="inline-form">
              <input
                className="input"
                aria-label={`Rule ${index + 1}: products (comma-separated, empty for any)`}
                placeholder="Products (any)"
                defaultValue={rule.match.products.join(', ')}
                onBlur={(event) => update(index, { match: { ...rule.match, products: list(event.target.value) } })}
              />
              <input
                className="input"
                aria-label={`Rule ${index + 1}: regions (comma-separated, empty for any)`}
                placeholder="Regions, e.g. America, Europe (any)"
                defaultValue={rule.match.regions.join(', ')}
                onBlur={(event) => update(index, { match: { ...rule.match, regions: list(event.target.value) } })}
              />
            </div>
            <div className="inline-form">
              <span className="muted">Members</span>
              {members.data?.map((member) => (
                <label key={member.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={rule.memberIds.includes(member.id)}
                    onChange={(event) => update(index, { memberIds: event.target.checked ? [...rule.memberIds, member.id] : rule.memberIds.filter((id) => id !== member.id) })}
                  />{' '}
                  {member.name}
                </label>
              ))}
            </div>
            <div className="inline-form">
              <Button type="button" size="sm" variant="ghost" disabled={index === 0} onClick={() => move(index, -1)}>
                Move up
              </Button>
              <Button type="button" size="sm" variant="ghost" disabled={index === rules.length - 1} onClick={() => move(index, 1)}>
                Move down
              </Button>
              <Button type="button" size="sm" variant="ghost" onClick={() => setRules(rules.filter((_, i) => i !== index))}>
                Remove rule
              </Button>
            </div>
          </fieldset>
        ))}
        <div className="inline-form">
          <Button
            type="button"
            onClick={() => setRules([...rules, { name: `Rule ${rules.length + 1}`, role: 'onboarding_manager', strategy: 'least_loaded', memberIds: [], match: { segments: [], products: [], regions: [] } }])}
          >
            Add rule
          </Button>
        </div>
      </fieldset>
      <FormMessage message={problem.message} />
      {isAdmin ? (
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={save.isPending}>
            Save rules
          </Button>
        </div>
      ) : (
        <p className="muted form-note">Only admins can change the assignment rules.</p>
      )}
    </form>
  );
}

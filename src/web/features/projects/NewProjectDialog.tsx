import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog, DialogForm } from '../../components/ui/Dialog.tsx';
import { FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { LoadingState } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import type { Account } from '../accounts/accounts.api.ts';
import type { Organization } from '../organizations/organizations.api.ts';
import { usePlaybooks } from '../playbooks/playbooks.api.ts';
import { usePlaybookProposals, useCreateProject, useProjects } from './projects.api.ts';
import './projects.css';

type Source = 'playbook' | 'blank' | 'project';
const SOURCES: { value: Source; label: string }[] = [
  { value: 'playbook', label: 'From a playbook' },
  { value: 'blank', label: 'Blank' },
  { value: 'project', label: 'Copy a project' },
];

/**
 * Start an onboarding project: from the playbook that fits the account (proposed with its reasons, the others a
 * click away), blank (a go-live milestone to build on), or as a copy of another project, re-dated from day 0.
 */
export function NewProjectDialog({ account, organizations, onClose }: { account: Account; organizations: Organization[]; onClose: () => void }) {
  const proposals = usePlaybookProposals(account.id);
  const playbooks = usePlaybooks();
  const create = useCreateProject();
  const navigate = useNavigate();
  const notify = useToast();
  const [chosen, setChosen] = useState<string | undefined>();
  const [organizationId, setOrganizationId] = useState('');
  const [product, setProduct] = useState('');
  const [name, setName] = useState('');
  const [source, setSource] = useState<Source>('playbook');
  const [sourceProjectId, setSourceProjectId] = useState('');
  const [day0, setDay0] = useState(account.contractSignedOn ?? '');
  const projects = useProjects({ status: 'all' });
  const problem = formProblem(create.error, ['playbookId', 'sourceProjectId', 'day0', 'organizationId', 'product', 'name']);

  const proposed = proposals.data ?? [];
  const others = (playbooks.data ?? []).filter((playbook) => !proposed.some((p) => p.playbookId === playbook.id));
  const playbookId = chosen ?? proposed[0]?.playbookId ?? others[0]?.id;
  const loading = proposals.isPending || playbooks.isPending;

  const ready = source === 'playbook' ? Boolean(playbookId) : source === 'project' ? Boolean(sourceProjectId) : true;

  const submit = () =>
    create.mutate(
      {
        accountId: account.id,
        source,
        ...(source === 'playbook' && playbookId ? { playbookId } : {}),
        ...(source === 'project' ? { sourceProjectId } : {}),
        ...(day0 && day0 !== account.contractSignedOn ? { day0 } : {}),
        organizationId: organizationId || null,
        product: product || null,
        ...(name.trim() ? { name: name.trim() } : {}),
      },
      {
        onSuccess: (project) => {
          notify(`${project.name} started`);
          onClose();
          void navigate(`/projects/${project.id}`);
        },
      },
    );

  return (
    <Dialog title="Start onboarding project" description={`For ${account.name}. Dates count from day 0, the day the contract was signed unless you choose another.`} onClose={onClose} size="lg">
      <DialogForm
        onSubmit={submit}
        footer={
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary" busy={create.isPending} disabled={!ready}>
              Start project
            </Button>
          </>
        }
      >
        <div className="form-grid">
          <div className="field">
            <span className="field-label" id="project-source">
              Start from
            </span>
            <div className="segmented" role="group" aria-labelledby="project-source">
              {SOURCES.map((option) => (
                <button key={option.value} type="button" aria-pressed={source === option.value} className={source === option.value ? 'is-active' : ''} onClick={() => setSource(option.value)}>
                  {option.label}
                </button>
              ))}
            </div>
          </div>
          <TextField
            label="Day 0"
            type="date"
            value={day0}
            onChange={(event) => setDay0(event.target.value)}
            hint={account.contractSignedOn ? `The contract was signed ${formatDate(account.contractSignedOn)}.` : 'This account has no contract signed date: choose the day the plan counts from.'}
            error={problem.fieldError('day0')}
          />
        </div>
        {source === 'blank' && (
          <p className="field-hint dialog-lead">The usual stages and a go-live milestone about two months after day 0; add the tasks that lead to it.</p>
        )}
        {source === 'project' && (
          <SelectField
            label="Project to copy"
            value={sourceProjectId}
            options={(projects.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.accountName}` }))}
            placeholder={projects.isPending ? 'Loading projects…' : 'Choose a project'}
            onChange={(event) => setSourceProjectId(event.target.value)}
            hint="Its tasks, links, milestones, owner roles and durations, dated again from day 0; not its progress, comments or sign-offs."
            error={problem.fieldError('sourceProjectId')}
          />
        )}
        {source === 'playbook' && (
        <fieldset className="playbook-choice">
          <legend className="field-label">Playbook</legend>
          {loading ? (
            <LoadingState label="Finding the playbook that fits…" />
          ) : proposed.length === 0 && others.length === 0 ? (
            <p className="muted">There are no playbooks yet. Create one under Playbooks first.</p>
          ) : (
            <ul className="choice-list">
              {proposed.map((proposal, index) => (
                <li key={proposal.playbookId}>
                  <label className={`choice${playbookId === proposal.playbookId ? ' is-chosen' : ''}`}>
                    <input type="radio" name="playbook" value={proposal.playbookId} checked={playbookId === proposal.playbookId} onChange={() => setChosen(proposal.playbookId)} />
                    <span className="choice-body">
                      <span className="choice-title">
                        {proposal.name}
                        {index === 0 && <span className="choice-tag">Best fit</span>}
                        <span className="choice-score" title="How well the selection rules fit this account">
                          score {proposal.score}
                        </span>
                      </span>
                      {proposal.reasons.length > 0 && (
                        <span className="choice-reasons">
                          {proposal.reasons.map((reason) => (
                            <span key={reason} className="chip">
                              {reason}
                            </span>
                          ))}
                        </span>
                      )}
                    </span>
                  </label>
                </li>
              ))}
              {others.map((playbook) => (
                <li key={playbook.id}>
                  <label className={`choice choice-other${playbookId === playbook.id ? ' is-chosen' : ''}`}>
                    <input type="radio" name="playbook" value={playbook.id} checked={playbookId === playbook.id} onChange={() => setChosen(playbook.id)} />
                    <span className="choice-body">
                      <span className="choice-title">{playbook.name}</span>
                      <span className="choice-reasons muted">Does not match this account's selection rules · {playbook.targetDays} days</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        )}
        <div className="form-grid">
          <SelectField
            label="Organization"
            optional
            value={organizationId}
            options={organizations.filter((o) => !o.archivedAt).map((o) => ({ value: o.id, label: o.name }))}
            placeholder="The whole account"
            onChange={(event) => setOrganizationId(event.target.value)}
            error={problem.fieldError('organizationId')}
            hint="A department starting on its own."
          />
          <SelectField
            label="Product"
            optional
            value={product}
            options={account.products.map((p) => ({ value: p, label: p }))}
            placeholder="All products bought"
            onChange={(event) => setProduct(event.target.value)}
            error={problem.fieldError('product')}
          />
          <TextField label="Project name" optional fieldClassName="span-2" value={name} placeholder={`${account.name} onboarding`} onChange={(event) => setName(event.target.value)} error={problem.fieldError('name')} />
        </div>
        <FormMessage message={problem.message} />
      </DialogForm>
    </Dialog>
  );
}

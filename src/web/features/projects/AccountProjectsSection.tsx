import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { useCanWrite } from '../../app/session.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { PlusIcon } from '../../components/ui/PlusIcon.tsx';
import type { Account } from '../accounts/accounts.api.ts';
import type { Organization } from '../organizations/organizations.api.ts';
import { HealthBadge } from './labels.tsx';
import { NewProjectDialog } from './NewProjectDialog.tsx';
import { useProjects } from './projects.api.ts';
import { DelayBar, Progress } from './progress.tsx';
import './projects.css';

/** The account's onboarding projects, and the way to start one. */
export function AccountProjectsSection({ account, organizations }: { account: Account; organizations: Organization[] }) {
  const canWrite = useCanWrite() && !account.archivedAt;
  const projects = useProjects({ accountId: account.id, status: 'all' });
  const [starting, setStarting] = useState(false);
  const start = (
    <Button variant="primary" icon={<PlusIcon />} onClick={() => setStarting(true)}>
      Start onboarding project
    </Button>
  );
  return (
    <Section title="Onboarding projects" count={projects.data?.length} actions={canWrite && start}>
      {projects.isPending ? (
        <div className="card">
          <LoadingState label="Loading projects…" />
        </div>
      ) : projects.isError ? (
        <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
      ) : projects.data.length === 0 ? (
        <div className="card">
          <EmptyState title="No onboarding project yet">
            {account.contractSignedOn
              ? 'Start one to lay out the plan from day 0: Landfall proposes the playbook that fits this account.'
              : 'Set the contract signed date first: it is day 0 of the plan.'}
          </EmptyState>
        </div>
      ) : (
        <div className="card card-flush">
          <Table caption={`Onboarding projects of ${account.name}`}>
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Stage</th>
                <th scope="col">Health</th>
                <th scope="col">Go-live</th>
                <th scope="col">Slip owed to</th>
                <th scope="col">Progress</th>
              </tr>
            </thead>
            <tbody>
              {projects.data.map((project) => (
                <tr key={project.id} className={project.status !== 'active' ? 'is-muted' : ''}>
                  <td className="cell-primary">
                    <Link className="row-title" to={`/projects/${project.id}`}>
                      {project.name}
                    </Link>
                    <span className="cell-sub">
                      Day 0 {formatDate(project.day0)}
                      {project.product && ` · ${project.product}`}
                      {project.status !== 'active' && ` · ${project.status}`}
                    </span>
                  </td>
                  <td>{project.stageName ?? '—'}</td>
                  <td>
                    <HealthBadge health={project.health} />
                  </td>
                  <td className="nowrap">
                    {formatDate(project.projectedGoLive)}
                    <span className="cell-sub">baseline {formatDate(project.baselineGoLive)}</span>
                  </td>
                  <td>
                    <DelayBar customer={project.delayDays.customer} vendor={project.delayDays.vendor} />
                  </td>
                  <td>
                    <Progress done={project.tasksDone} total={project.tasksTotal} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {starting && <NewProjectDialog account={account} organizations={organizations} onClose={() => setStarting(false)} />}
    </Section>
  );
}

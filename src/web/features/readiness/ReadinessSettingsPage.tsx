import { useState } from 'react';
import { Link } from 'react-router';
import { formProblem } from '../../app/formProblem.ts';
import { formatDate } from '../../app/format.ts';
import { useCanWrite, useIsAdmin } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, TextField } from '../../components/ui/Field.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useQuestionnaires, useReadinessSettings, useUpdateReadinessSettings, type ReadinessSettings } from './readiness.api.ts';
import './readiness.css';

export function ReadinessSettingsPage() {
  useDocumentTitle('Readiness settings');
  const settings = useReadinessSettings();
  return (
    <div className="page">
      <PageHeader
        title="Readiness"
        description="How customers’ readiness is judged before work starts: the questionnaires, the score thresholds, and whether projects wait in Mobilization until they are ready."
      />
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />
      )}
      <QuestionnaireList />
    </div>
  );
}

const FIELDS = ['readyThreshold', 'atRiskThreshold', 'gateOn'] as const;

function SettingsForm({ settings }: { settings: ReadinessSettings }) {
  const isAdmin = useIsAdmin();
  const notify = useToast();
  const update = useUpdateReadinessSettings();
  const [ready, setReady] = useState(String(settings.readyThreshold));
  const [atRisk, setAtRisk] = useState(String(settings.atRiskThreshold));
  const [gateOn, setGateOn] = useState(settings.gateOn);
  const problem = formProblem(update.error, FIELDS);
  return (
    <Section title="Verdicts and the gate" description={isAdmin ? undefined : 'Only admins can change these.'}>
      <form
        className="card form-card"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate(
            { readyThreshold: Number(ready), atRiskThreshold: Number(atRisk), gateOn },
            { onSuccess: () => notify('Readiness settings saved') },
          );
        }}
      >
        <div className="form-grid">
          <TextField
            label="Ready from (overall score)"
            type="number"
            min={1}
            max={100}
            disabled={!isAdmin}
            value={ready}
            onChange={(event) => setReady(event.target.value)}
            error={problem.fieldError('readyThreshold')}
            hint="At or above it, the customer is ready."
          />
          <TextField
            label="At risk from"
            type="number"
            min={0}
            max={100}
            disabled={!isAdmin}
            value={atRisk}
            onChange={(event) => setAtRisk(event.target.value)}
            error={problem.fieldError('atRiskThreshold')}
            hint="Between the two: at risk. Below it: not ready, which raises a risk on the project."
          />
          <label className="span-2 readiness-gate-toggle">
            <input type="checkbox" checked={gateOn} disabled={!isAdmin} onChange={(event) => setGateOn(event.target.checked)} />{' '}
            <span>
              <strong>Readiness gate</strong>: a project stays in Mobilization (no task of a later stage can start or finish) until its latest
              assessment scores ready, or an admin, onboarding manager or implementation manager overrides it with a reason.
            </span>
          </label>
        </div>
        <FormMessage message={problem.message} />
        {isAdmin && (
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={update.isPending}>
              Save
            </Button>
          </div>
        )}
      </form>
    </Section>
  );
}

function QuestionnaireList() {
  const canWrite = useCanWrite();
  const [archived, setArchived] = useState(false);
  const list = useQuestionnaires(archived);
  return (
    <Section
      title="Questionnaires"
      description="Questions in three areas (people, processes, technology), each weighted. Editing one saves a new version: assessments already started keep theirs."
      actions={
        <>
          <Button size="sm" variant="ghost" onClick={() => setArchived(!archived)}>
            {archived ? 'Hide archived' : 'Show archived'}
          </Button>
          {canWrite && (
            <ButtonLink size="sm" variant="primary" to="/settings/readiness/questionnaires/new">
              New questionnaire
            </ButtonLink>
          )}
        </>
      }
    >
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <div className="card">
          <EmptyState title="No questionnaires">Create one with “New questionnaire”.</EmptyState>
        </div>
      ) : (
        <div className="card card-flush">
          <Table caption="Readiness questionnaires">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="num">
                  Questions
                </th>
                <th scope="col" className="num">
                  Version
                </th>
                <th scope="col" className="num">
                  Assessments
                </th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((q) => (
                <tr key={q.id}>
                  <td>
                    <Link to={`/settings/readiness/questionnaires/${q.id}`}>{q.name}</Link> {q.builtin && <Badge>Built-in</Badge>}{' '}
                    {q.archivedAt && <Badge tone="amber">Archived</Badge>}
                  </td>
                  <td className="num">{q.questionCount}</td>
                  <td className="num">{q.currentVersion}</td>
                  <td className="num">{q.assessmentCount}</td>
                  <td>{formatDate(q.updatedAt.slice(0, 10))}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </Section>
  );
}

import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { COMPLEXITIES, SEGMENT_LABELS, TOUCH_MODEL_LABELS } from '../../../core/people.ts';
import { isApiError } from '../../app/api.ts';
import { formatDay } from '../../app/format.ts';
import { useCanWrite } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState, errorText } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { PlusIcon } from '../../components/ui/PlusIcon.tsx';
import { COMPLEXITY_LABELS } from '../accounts/labels.tsx';
import { exportUrl, useCreatePlaybook, usePlaybooks, type PlaybookSummary } from './playbooks.api.ts';
import { describeIssuePath } from './playbookDraft.ts';
import './playbooks.css';

/** The selection rule in words: "Enterprise · high complexity · any product". */
export function describeSelection(selection: PlaybookSummary['selection']): string {
  const segments = selection.segments.length ? selection.segments.map((s) => SEGMENT_LABELS[s]).join(', ') : 'Any segment';
  const complexities =
    selection.complexities.length && selection.complexities.length < COMPLEXITIES.length
      ? `${selection.complexities.map((c) => COMPLEXITY_LABELS[c].toLowerCase()).join(' or ')} complexity`
      : 'any complexity';
  const products = selection.products.length ? selection.products.join(', ') : 'any product';
  return `${segments} · ${complexities} · ${products}`;
}

export function PlaybooksPage() {
  useDocumentTitle('Playbooks');
  const canWrite = useCanWrite();
  const [showArchived, setShowArchived] = useState(false);
  const playbooks = usePlaybooks(showArchived);
  return (
    <div className="page">
      <PageHeader
        title="Playbooks"
        description="The templates projects are laid out from: stages, tasks, owners, durations and dependencies. Editing one saves a new version; running projects keep theirs."
        actions={
          canWrite && (
            <>
              <ImportButton />
              <ButtonLink to="/playbooks/new" variant="primary" icon={<PlusIcon />}>
                New playbook
              </ButtonLink>
            </>
          )
        }
      />
      <div className="toolbar">
        <label className="checkbox">
          <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
          Show archived playbooks
        </label>
      </div>
      {playbooks.isPending ? (
        <div className="card">
          <LoadingState label="Loading playbooks…" />
        </div>
      ) : playbooks.isError ? (
        <ErrorState title="Could not load playbooks" error={playbooks.error} onRetry={() => void playbooks.refetch()} />
      ) : playbooks.data.length === 0 ? (
        <div className="card">
          <EmptyState
            title="No playbooks yet"
            action={
              canWrite && (
                <ButtonLink to="/playbooks/new" variant="primary">
                  Create a playbook
                </ButtonLink>
              )
            }
          >
            A playbook lays out an onboarding: create one, or import one exported from another workspace.
          </EmptyState>
        </div>
      ) : (
        <div className="card card-flush">
          <Table caption="Playbooks" className="playbooks-table">
            <thead>
              <tr>
                <th scope="col">Playbook</th>
                <th scope="col">Touch model</th>
                <th scope="col" className="num">
                  Target days
                </th>
                <th scope="col">Fits</th>
                <th scope="col" className="num">
                  Tasks
                </th>
                <th scope="col">Version</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {playbooks.data.map((playbook) => (
                <tr key={playbook.id} className={playbook.archivedAt ? 'is-muted' : ''}>
                  <td className="cell-primary">
                    <Link to={`/playbooks/${playbook.id}`} className="row-title">
                      {playbook.name}
                    </Link>
                    {playbook.builtin && <Badge tone="blue">Built-in</Badge>}
                    {playbook.archivedAt && <Badge>Archived</Badge>}
                    {playbook.description && <span className="cell-sub clamp">{playbook.description}</span>}
                  </td>
                  <td className="nowrap">{TOUCH_MODEL_LABELS[playbook.touchModel]}</td>
                  <td className="num">{playbook.targetDays}</td>
                  <td>{describeSelection(playbook.selection)}</td>
                  <td className="num">{playbook.taskCount}</td>
                  <td className="nowrap">
                    v{playbook.currentVersion}
                    <span className="cell-sub">{formatDay(playbook.updatedAt)}</span>
                  </td>
                  <td className="cell-actions">
                    <a className="btn btn-ghost btn-sm" href={exportUrl(playbook.id)} download aria-label={`Export ${playbook.name} as JSON`}>
                      Export
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </div>
  );
}

/** Import a playbook from its exported JSON; what is wrong with the file is said in the author's words. */
function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const create = useCreatePlaybook();
  const notify = useToast();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<{ title: string; lines: string[] } | null>(null);
  const importFile = async (file: File) => {
    setProblem(null);
    let definition: unknown;
    try {
      definition = JSON.parse(await file.text());
    } catch {
      setProblem({ title: `${file.name} is not JSON`, lines: ['Choose a file exported from Landfall (Export on the playbooks list).'] });
      return;
    }
    create.mutate(definition, {
      onSuccess: (playbook) => {
        notify(`${playbook.name} imported`);
        void navigate(`/playbooks/${playbook.id}`);
      },
      onError: (error) => {
        const lines = isApiError(error) ? error.problem.errors.map((e) => `${describeIssuePath(e.path.slice(1), definition)}: ${e.message}`) : [];
        setProblem({ title: `Could not import ${file.name}: ${errorText(error)}`, lines });
      },
    });
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="sr-only"
        tabIndex={-1}
        aria-label="Playbook JSON file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <Button busy={create.isPending} onClick={() => input.current?.click()}>
        Import JSON
      </Button>
      {problem && (
        <div className="import-problem form-message" role="alert">
          <p>
            <strong>{problem.title}</strong>
          </p>
          {problem.lines.length > 0 && (
            <ul>
              {problem.lines.slice(0, 12).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          <Button size="sm" variant="ghost" onClick={() => setProblem(null)}>
            Dismiss
          </Button>
        </div>
      )}
    </>
  );
}

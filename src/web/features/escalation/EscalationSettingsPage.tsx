import { useState } from 'react';
import { ESCALATION_ACTION_LABELS, ESCALATION_ACTIONS, type EscalationAction } from '../../../core/escalation/ladder.ts';
import { isApiError } from '../../app/api.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useIsAdmin } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Button } from '../../components/ui/Button.tsx';
import { FormMessage } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useEscalationSettings, useSaveEscalationSettings, type EscalationSettings, type LadderStep } from './escalation.api.ts';
import './escalation.css';

export function EscalationSettingsPage() {
  useDocumentTitle('Reminders and escalation');
  const settings = useEscalationSettings();
  return (
    <div className="page page-narrow">
      <PageHeader
        title="Reminders and escalation"
        description="Customer tasks due tomorrow or overdue remind their assignee (one email a day at most, a digest when there are several). When the customer stays silent, the ladder below tells more people, then flags the project stalled."
      />
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <LadderForm key={JSON.stringify(settings.data)} settings={settings.data} />
      )}
    </div>
  );
}

/** The server's message for one cell of the steps table (path body.steps.<i>.<field>). */
function stepError(error: unknown, index: number, field: keyof LadderStep): string | undefined {
  if (!isApiError(error)) return undefined;
  const found = error.problem.errors.find((entry) => entry.path[1] === 'steps' && entry.path[2] === index && entry.path[3] === field);
  return found?.message.replace(/^steps\.\d+\.\w+: /, '');
}

function LadderForm({ settings }: { settings: EscalationSettings }) {
  const isAdmin = useIsAdmin();
  const notify = useToast();
  const save = useSaveEscalationSettings();
  const [enabled, setEnabled] = useState(settings.enabled);
  const [steps, setSteps] = useState<LadderStep[]>(settings.steps);
  const problem = formProblem(save.error, ['enabled']);
  const changed = enabled !== settings.enabled || JSON.stringify(steps) !== JSON.stringify(settings.steps);
  const update = (index: number, change: Partial<LadderStep>) => setSteps(steps.map((step, i) => (i === index ? { ...step, ...change } : step)));
  const lastDay = steps.reduce((max, step) => Math.max(max, step.overdueDays), 0);

  return (
    <form
      className="card form-card"
      noValidate
      aria-label="Escalation ladder"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ enabled, steps }, { onSuccess: () => notify('Escalation ladder saved') });
      }}
    >
      <fieldset className="stack" disabled={!isAdmin}>
        <label className="checkbox">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} /> Send reminders and escalate customer silence
        </label>
        <p className="muted">
          Days are business days past the due date of the project’s oldest overdue customer task (weekends and the workspace’s holidays do not count). Each step
          happens once per silence; when no customer task is overdue any more, the project’s stalled flag clears and a later silence starts again from the first step.
        </p>
        {steps.length === 0 ? (
          <p className="muted">No steps: only the due-tomorrow and first-overdue reminders are sent. Add a step to escalate.</p>
        ) : (
          <table className="table ladder-table">
            <caption className="sr-only">Steps of the escalation ladder</caption>
            <thead>
              <tr>
                <th scope="col">Business days overdue</th>
                <th scope="col">Then</th>
                <th scope="col">On</th>
                <th scope="col">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {steps.map((step, index) => {
                const dayError = stepError(save.error, index, 'overdueDays');
                const actionError = stepError(save.error, index, 'action');
                return (
                  <tr key={index}>
                    <td>
                      <input
                        className="input input-narrow"
                        type="number"
                        min={1}
                        max={260}
                        aria-label={`Step ${index + 1}: business days overdue`}
                        aria-invalid={dayError ? true : undefined}
                        value={Number.isNaN(step.overdueDays) ? '' : step.overdueDays}
                        onChange={(event) => update(index, { overdueDays: event.target.valueAsNumber })}
                      />
                      {dayError && <p className="field-error">{dayError}</p>}
                    </td>
                    <td>
                      <select
                        className="input"
                        aria-label={`Step ${index + 1}: action`}
                        aria-invalid={actionError ? true : undefined}
                        value={step.action}
                        onChange={(event) => update(index, { action: event.target.value as EscalationAction })}
                      >
                        {ESCALATION_ACTIONS.map((action) => (
                          <option key={action} value={action}>
                            {ESCALATION_ACTION_LABELS[action]}
                          </option>
                        ))}
                      </select>
                      {actionError && <p className="field-error">{actionError}</p>}
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Step ${index + 1}: on`}
                        checked={step.enabled}
                        onChange={(event) => update(index, { enabled: event.target.checked })}
                      />
                    </td>
                    <td>
                      <Button type="button" size="sm" variant="ghost" aria-label={`Remove step ${index + 1}`} onClick={() => setSteps(steps.filter((_, i) => i !== index))}>
                        Remove
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <div className="inline-form">
          <Button type="button" onClick={() => setSteps([...steps, { overdueDays: lastDay + 5, action: 'remind_assignee', enabled: true }])}>
            Add step
          </Button>
          <Button type="button" variant="ghost" onClick={() => setSteps(settings.defaults)}>
            Use the default ladder
          </Button>
        </div>
      </fieldset>
      <FormMessage message={problem.message} />
      {isAdmin ? (
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={save.isPending} disabled={!changed}>
            Save ladder
          </Button>
        </div>
      ) : (
        <p className="muted form-note">Only admins can change the escalation ladder.</p>
      )}
    </form>
  );
}

import { useMemo } from 'react';
import { timezones } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useIsAdmin } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useFormValues } from '../../app/useFormValues.ts';
import { Button } from '../../components/ui/Button.tsx';
import { FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import type { Workspace } from '../auth/auth.api.ts';
import { useUpdateWorkspace, useWorkspace } from './settings.api.ts';

const FIELDS = ['name', 'timezone'] as const;

export function WorkspaceSettingsPage() {
  useDocumentTitle('Workspace settings');
  const workspace = useWorkspace();
  return (
    <div className="page page-narrow">
      <PageHeader title="Workspace" description="The name your team and customers see, and the timezone dates are counted in." />
      {workspace.isPending ? (
        <LoadingState />
      ) : workspace.isError ? (
        <ErrorState error={workspace.error} onRetry={() => void workspace.refetch()} />
      ) : (
        <WorkspaceForm workspace={workspace.data} />
      )}
    </div>
  );
}

function WorkspaceForm({ workspace }: { workspace: Workspace }) {
  const isAdmin = useIsAdmin();
  const notify = useToast();
  const form = useFormValues({ name: workspace.name, timezone: workspace.timezone });
  const update = useUpdateWorkspace();
  const problem = formProblem(update.error, FIELDS);
  const zones = useMemo(() => timezones().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })), []);
  const changed = form.values.name !== workspace.name || form.values.timezone !== workspace.timezone;
  return (
    <form
      className="card form-card"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(form.values, { onSuccess: () => notify('Workspace saved') });
      }}
    >
      <div className="stack">
        <TextField label="Workspace name" disabled={!isAdmin} {...form.bind('name')} error={problem.fieldError('name')} />
        <SelectField
          label="Timezone"
          disabled={!isAdmin}
          options={zones}
          hint="Used for due dates and scheduled emails unless an account has its own timezone."
          {...form.bind('timezone')}
          error={problem.fieldError('timezone')}
        />
      </div>
      <FormMessage message={problem.message} />
      {isAdmin ? (
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={update.isPending} disabled={!changed}>
            Save changes
          </Button>
        </div>
      ) : (
        <p className="muted form-note">Only admins can change workspace settings.</p>
      )}
    </form>
  );
}

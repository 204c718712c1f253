import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { browserTimezone, timezones } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { rememberSession } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { useFormValues } from '../../app/useFormValues.ts';
import { Button } from '../../components/ui/Button.tsx';
import { FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { AuthLayout } from '../auth/AuthLayout.tsx';
import { browserCountry, HolidayPlaceFields, type HolidayPlace } from '../settings/HolidayPlaceFields.tsx';
import { setUp } from '../auth/auth.api.ts';

const FIELDS = ['workspaceName', 'name', 'email', 'password', 'timezone', 'holidayCountry', 'holidayRegion'] as const;

/** The first visit to a fresh installation: create the workspace and its first admin. */
export function SetupPage() {
  useDocumentTitle('Set up Landfall');
  const queryClient = useQueryClient();
  const form = useFormValues({ workspaceName: '', name: '', email: '', password: '', timezone: browserTimezone() });
  const [place, setPlace] = useState<HolidayPlace>(() => ({ country: browserCountry(), region: '' }));
  const zones = useMemo(() => timezones().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })), []);
  const mutation = useMutation({
    mutationFn: setUp,
    onSuccess: (session) => rememberSession(queryClient, session),
  });
  const problem = formProblem(mutation.error, FIELDS);

  return (
    <AuthLayout
      title="Set up your workspace"
      subtitle="Create the workspace for your team and your admin account. You can invite everyone else next."
    >
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate({ ...form.values, holidayCountry: place.country || null, holidayRegion: place.region || null });
        }}
      >
        <TextField
          label="Workspace name"
          autoFocus
          placeholder="e.g. Acme Customer Success"
          {...form.bind('workspaceName')}
          error={problem.fieldError('workspaceName')}
        />
        <TextField label="Your name" autoComplete="name" {...form.bind('name')} error={problem.fieldError('name')} />
        <TextField label="Email" type="email" autoComplete="email" {...form.bind('email')} error={problem.fieldError('email')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters."
          {...form.bind('password')}
          error={problem.fieldError('password')}
        />
        <SelectField
          label="Timezone"
          options={zones}
          hint="Used for due dates and scheduled emails unless an account has its own."
          {...form.bind('timezone')}
          error={problem.fieldError('timezone')}
        />
        <HolidayPlaceFields
          value={place}
          onChange={setPlace}
          year={new Date().getFullYear()}
          errors={{ country: problem.fieldError('holidayCountry'), region: problem.fieldError('holidayRegion') }}
        />
        <FormMessage message={problem.message} />
        <Button type="submit" variant="primary" className="btn-block" busy={mutation.isPending}>
          Create workspace
        </Button>
      </form>
    </AuthLayout>
  );
}

import { useMemo, useState } from 'react';
import { formatDate } from '../../app/format.ts';
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
import { HolidayPlaceFields, type HolidayPlace } from './HolidayPlaceFields.tsx';
import { useUpdateWorkspace, useWorkspace } from './settings.api.ts';
import './settings.css';

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
        <>
          <WorkspaceForm workspace={workspace.data} />
          <BusinessCalendarForm workspace={workspace.data} />
        </>
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

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The working days and holidays every project's dates are counted in. */
function BusinessCalendarForm({ workspace }: { workspace: Workspace }) {
  const isAdmin = useIsAdmin();
  const notify = useToast();
  const update = useUpdateWorkspace();
  const [weekdays, setWeekdays] = useState<number[]>(workspace.workingWeekdays);
  const [holidays, setHolidays] = useState<string[]>(workspace.holidays);
  const [newHoliday, setNewHoliday] = useState('');
  const [place, setPlace] = useState<HolidayPlace>({ country: workspace.holidayCountry ?? '', region: workspace.holidayRegion ?? '' });
  const problem = formProblem(update.error, ['workingWeekdays', 'holidays', 'holidayCountry', 'holidayRegion'] as const);
  const changed =
    weekdays.join() !== workspace.workingWeekdays.join() ||
    holidays.join() !== workspace.holidays.join() ||
    place.country !== (workspace.holidayCountry ?? '') ||
    place.region !== (workspace.holidayRegion ?? '');
  const toggle = (day: number) =>
    setWeekdays((days) => (days.includes(day) ? days.filter((d) => d !== day) : [...days, day].sort()));
  const addHoliday = () => {
    if (!newHoliday || holidays.includes(newHoliday)) return;
    setHolidays([...holidays, newHoliday].sort());
    setNewHoliday('');
  };
  return (
    <form
      className="card form-card"
      noValidate
      aria-label="Business calendar"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate(
          { workingWeekdays: weekdays, holidays, holidayCountry: place.country || null, holidayRegion: place.region || null },
          { onSuccess: () => notify('Calendar saved: every active project was re-planned') },
        );
      }}
    >
      <h2 className="card-title">Business calendar</h2>
      <p className="muted">
        Durations and lags count these working days; public holidays and your own days off are skipped. Changing them re-plans every active project.
      </p>
      <fieldset className="stack" disabled={!isAdmin}>
        <legend className="field-label">Working days</legend>
        <div className="checkbox-row">
          {WEEKDAYS.map((label, index) => (
            <label key={label} className="checkbox">
              <input type="checkbox" checked={weekdays.includes(index + 1)} onChange={() => toggle(index + 1)} /> {label}
            </label>
          ))}
        </div>
        {problem.fieldError('workingWeekdays') ? <p className="field-error">{problem.fieldError('workingWeekdays')}</p> : null}
        <HolidayPlaceFields
          value={place}
          onChange={setPlace}
          disabled={!isAdmin}
          year={new Date().getFullYear()}
          errors={{ country: problem.fieldError('holidayCountry'), region: problem.fieldError('holidayRegion') }}
        />
        <div className="field">
          <label className="field-label" htmlFor="new-holiday">
            Company days off
          </label>
          <div className="inline-form">
            <input
              id="new-holiday"
              type="date"
              className="input"
              value={newHoliday}
              onChange={(event) => setNewHoliday(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addHoliday();
                }
              }}
            />
            <Button type="button" onClick={addHoliday} disabled={!newHoliday}>
              Add holiday
            </Button>
          </div>
          {holidays.length === 0 ? (
            <p className="muted">None yet: add the days your team does not work on top of the public holidays (a company day off).</p>
          ) : (
            <ul className="chip-list">
              {holidays.map((day) => (
                <li key={day} className="chip">
                  {formatDate(day)}
                  <button type="button" className="chip-remove" aria-label={`Remove ${formatDate(day)}`} onClick={() => setHolidays(holidays.filter((d) => d !== day))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          {problem.fieldError('holidays') ? <p className="field-error">{problem.fieldError('holidays')}</p> : null}
        </div>
      </fieldset>
      <FormMessage message={problem.message} />
      {isAdmin ? (
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={update.isPending} disabled={!changed}>
            Save calendar
          </Button>
        </div>
      ) : null}
    </form>
  );
}

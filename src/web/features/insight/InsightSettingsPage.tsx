import { useState } from 'react';
import { MEASURES, MEASURE_LABELS } from '../../../core/insight/measures.ts';
import type { InsightSettings } from '../../../contract/insight.ts';
import { useIsAdmin } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Button } from '../../components/ui/Button.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useInsightSettings, useSaveInsightSettings } from './insight.api.ts';

const MILESTONES = [
  ['kickoff', 'Kickoff'],
  ['first_engagement', 'First engagement'],
  ['go_live', 'Go-live'],
  ['first_value', 'First value'],
  ['value_achieved', 'Value achieved'],
  ['onboarding_complete', 'Onboarding complete'],
] as const;

/** Which milestone ends each measure, and the benchmark opt-in (admins change them; everyone sees them). */
export function InsightSettingsPage() {
  useDocumentTitle('Insight settings');
  const settings = useInsightSettings();
  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SettingsForm initial={settings.data} />;
}

function SettingsForm({ initial }: { initial: InsightSettings }) {
  const isAdmin = useIsAdmin();
  const [form, setForm] = useState(initial);
  const save = useSaveInsightSettings();
  const notify = useToast();
  return (
    <div className="page insight">
      <header className="page-header">
        <h1 className="page-title">How the measures are defined</h1>
        <p className="page-description">Each measure runs from a project’s day 0 to the day the chosen milestone task is done.</p>
      </header>
      <form
        className="card stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(form, { onSuccess: () => notify('Definitions saved') });
        }}
      >
        {MEASURES.map((measure) => (
          <label key={measure} className="field">
            <span className="field-label">{MEASURE_LABELS[measure]} ends at</span>
            <select
              disabled={!isAdmin}
              value={form.definitions[measure]}
              onChange={(e) => setForm({ ...form, definitions: { ...form.definitions, [measure]: e.target.value as InsightSettings['definitions'][typeof measure] } })}
            >
              {MILESTONES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        ))}
        <fieldset className="stack">
          <legend>Anonymous benchmark</legend>
          <label className="insight-check">
            <input type="checkbox" disabled={!isAdmin} checked={form.benchmarkOptIn} onChange={(e) => setForm({ ...form, benchmarkOptIn: e.target.checked })} /> Lend this
            workspace’s durations, anonymously, to the benchmark of vendors in the same industry on this installation (aggregates only, shown from five workspaces)
          </label>
          <label className="field">
            <span className="field-label">Your company’s industry</span>
            <input disabled={!isAdmin} value={form.vendorIndustry ?? ''} onChange={(e) => setForm({ ...form, vendorIndustry: e.target.value || null })} placeholder="e.g. HR software" />
          </label>
        </fieldset>
        {save.isError && <p className="form-error">{save.error.message}</p>}
        {isAdmin ? (
          <div>
            <Button type="submit" variant="primary" busy={save.isPending}>
              Save
            </Button>
          </div>
        ) : (
          <p className="muted">Only an admin can change these.</p>
        )}
      </form>
    </div>
  );
}

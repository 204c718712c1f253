import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { AUDIT_KIND_LABELS, AUDIT_KINDS, type AuditKind } from '../../../contract/audit.ts';
import { formatDateTime } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useIsAdmin } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, SelectField, TextField } from '../../components/ui/Field.tsx';
import { AdminsOnly } from '../../components/ui/AdminsOnly.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { Pagination } from '../../components/ui/Pagination.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { ExportCsvButton } from '../imports/ExportCsvButton.tsx';
import { useMembers } from '../members/members.api.ts';
import { useAuditLog, useAuditSettings, useSaveAuditSettings, type AuditEntry } from './audit.api.ts';
import './audit.css';

const LIMIT = 50;

export function AuditLogPage() {
  useDocumentTitle('Audit log');
  if (!useIsAdmin()) {
    return (
      <AdminsOnly page="Audit log" title="Only admins read the audit log">
        Ask a workspace admin if you need to know who changed something.
      </AdminsOnly>
    );
  }
  return <AuditLog />;
}

function AuditLog() {
  const [params, setParams] = useSearchParams();
  const filter = { actor: params.get('actor') ?? '', kind: params.get('kind') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const offset = Number(params.get('offset') ?? 0) || 0;
  const log = useAuditLog({ ...filter, limit: LIMIT, offset });
  const members = useMembers();
  const set = (key: string, value: string) =>
    setParams((now) => {
      const next = new URLSearchParams(now);
      if (value) next.set(key, value);
      else next.delete(key);
      if (key !== 'offset') next.delete('offset');
      return next;
    });
  return (
    <div className="page">
      <PageHeader
        title="Audit log"
        description="Who signed in, changed a role, created a token or a webhook, exported data or changed a setting: when, from which address and browser, and what it was before. Nobody can edit or delete an entry."
        actions={<ExportCsvButton path="/audit-log/export.csv" query={filter} />}
      />
      <form className="card card-pad audit-filters" aria-label="Filter the audit log" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label="Who"
          placeholder="Anyone"
          options={(members.data ?? []).map((member) => ({ value: member.id, label: member.name }))}
          value={filter.actor}
          onChange={(event) => set('actor', event.target.value)}
        />
        <SelectField label="What" placeholder="Everything" options={AUDIT_KINDS.map((kind) => ({ value: kind, label: AUDIT_KIND_LABELS[kind] }))} value={filter.kind} onChange={(event) => set('kind', event.target.value)} />
        <TextField label="From" type="date" value={filter.from} onChange={(event) => set('from', event.target.value)} />
        <TextField label="To" type="date" value={filter.to} onChange={(event) => set('to', event.target.value)} />
      </form>
      {log.isPending ? (
        <div className="card">
          <LoadingState label="Loading the audit log…" />
        </div>
      ) : log.isError ? (
        <ErrorState title="Could not load the audit log" error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.entries.length === 0 ? (
        <div className="card">
          <EmptyState title={Object.values(filter).some(Boolean) ? 'Nothing matches these filters' : 'Nothing recorded yet'}>
            {Object.values(filter).some(Boolean) ? 'Widen the dates or choose “Anyone” and “Everything”.' : 'Sign-ins, role changes, tokens, webhooks, exports and settings changes appear here as they happen.'}
          </EmptyState>
        </div>
      ) : (
        <div className="card card-pad">
          <ul className="audit-entries">
            {log.data.entries.map((entry) => (
              <AuditRow key={entry.id} entry={entry} />
            ))}
          </ul>
          <Pagination total={log.data.total} limit={LIMIT} offset={offset} onOffsetChange={(next) => set('offset', String(next))} noun="entries" />
        </div>
      )}
      <RetentionCard />
    </div>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const changed = entry.before !== null || entry.after !== null;
  return (
    <li className="audit-entry">
      <div className="audit-entry-head">
        <strong>{entry.summary}</strong>
        <span className="muted nowrap">{formatDateTime(entry.at)}</span>
      </div>
      <p className="muted audit-meta">
        {AUDIT_KIND_LABELS[entry.kind as AuditKind] ?? entry.kind} · {entry.actorName}
        {entry.ip && ` · ${entry.ip}`}
        {entry.userAgent && <span className="audit-agent"> · {entry.userAgent}</span>}
      </p>
      {changed && (
        <details>
          <summary>Before and after</summary>
          <div className="audit-diff">
            <div>
              <p className="field-label">Before</p>
              <pre>{entry.before === null ? '—' : JSON.stringify(entry.before, null, 2)}</pre>
            </div>
            <div>
              <p className="field-label">After</p>
              <pre>{entry.after === null ? '—' : JSON.stringify(entry.after, null, 2)}</pre>
            </div>
          </div>
        </details>
      )}
    </li>
  );
}

function RetentionCard() {
  const settings = useAuditSettings();
  const save = useSaveAuditSettings();
  const notify = useToast();
  const [days, setDays] = useState<string | undefined>();
  const problem = formProblem(save.error, ['retentionDays']);
  const shown = days ?? String(settings.data?.retentionDays ?? '');
  return (
    <form
      className="card card-pad audit-retention"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(Number(shown), { onSuccess: (saved) => notify(`The audit log keeps ${saved.retentionDays} days`) });
      }}
    >
      <h2 className="card-title">How long entries are kept</h2>
      <p className="muted">Each night, entries older than this are deleted. That is the only way an entry ever goes.</p>
      <div className="audit-retention-row">
        <TextField label="Days" type="number" min={30} max={3650} value={shown} onChange={(event) => setDays(event.target.value)} error={problem.fieldError('retentionDays')} />
        <Button type="submit" busy={save.isPending}>
          Save
        </Button>
      </div>
      <FormMessage message={problem.message} />
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { formatCount as formatNumber } from '../../app/format.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Button } from '../../components/ui/Button.tsx';
import { Field, FormMessage, Select, SelectField } from '../../components/ui/Field.tsx';
import { PageHeader, Section } from '../../components/ui/PageHeader.tsx';
import { errorText } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { exportUrl, useImportProgress, usePreviewAgain, useRunImport, useUploadImport, type ImportJob, type ImportKind, type ImportPreview } from './imports.api.ts';
import './imports.css';

const KINDS: { value: ImportKind; label: string }[] = [
  { value: 'accounts', label: 'Accounts' },
  { value: 'contacts', label: 'Contacts (people in accounts)' },
  { value: 'organizations', label: 'Organizations (departments, subsidiaries)' },
];
const STEPS = ['Upload', 'Dry run', 'Confirm', 'Progress', 'Report'] as const;

function Steps({ current }: { current: number }) {
  return (
    <ol className="import-steps" aria-label="Import steps">
      {STEPS.map((step, index) => (
        <li key={step} className={index === current ? 'is-current' : index < current ? 'is-done' : ''} aria-current={index === current ? 'step' : undefined}>
          {step}
        </li>
      ))}
    </ol>
  );
}

function Problems({ problems, total, caption }: { problems: ImportJob['problems']; total: number; caption: string }) {
  if (problems.length === 0) return <p className="muted">No bad rows.</p>;
  return (
    <div className="table-wrap">
      <Table caption={`${caption}${total > problems.length ? ` (the first ${problems.length} of ${total})` : ''}`}>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            <tr key={`${problem.row}-${index}`}>
              <td>{problem.row}</td>
              <td>{problem.column ?? '—'}</td>
              <td>{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function Counts({ items }: { items: [string, number][] }) {
  return (
    <dl className="import-counts">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{formatNumber(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function MappingEditor({ preview, onPreview, busy }: { preview: ImportPreview; onPreview: (mapping: Record<string, string>) => void; busy: boolean }) {
  const [mapping, setMapping] = useState(preview.mapping);
  const options = [{ value: '', label: "Don't import" }, ...preview.fields.map((f) => ({ value: f.field, label: `${f.label}${f.required ? ' (required)' : ''}` }))];
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onPreview(Object.fromEntries(Object.entries(mapping).filter(([, field]) => field)));
      }}
    >
      <div className="table-wrap">
        <Table caption="Columns of the file and what they fill">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Imported as</th>
            </tr>
          </thead>
          <tbody>
            {preview.headers.filter(Boolean).map((header) => (
              <tr key={header}>
                <td>{header}</td>
                <td>
                  <Select aria-label={`Field for column ${header}`} value={mapping[header] ?? ''} options={options} onChange={(event) => setMapping({ ...mapping, [header]: event.target.value })} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <Button type="submit" busy={busy}>
        Dry run again with these columns
      </Button>
    </form>
  );
}

export function ImportPage() {
  useDocumentTitle('Import CSV');
  const [kind, setKind] = useState<ImportKind>('contacts');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const upload = useUploadImport();
  const again = usePreviewAgain(preview?.import.id);
  const runImport = useRunImport();
  const progress = useImportProgress(runImport.data?.id);
  const job = progress.data ?? runImport.data;

  const step = job ? (job.status === 'running' ? 3 : 4) : confirming ? 2 : preview ? 1 : 0;

  const onUpload = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    upload.mutate({ kind, file }, { onSuccess: setPreview });
  };
  const restart = () => {
    setPreview(null);
    setConfirming(false);
    setFile(null);
    upload.reset();
    runImport.reset();
  };

  return (
    <div className="page import-page">
      <PageHeader title="Import CSV" description="Bring accounts, their people and organizations from a spreadsheet or a CRM export. Nothing is written until you confirm." />
      <Steps current={step} />

      {step === 0 && (
        <Section title="Upload a file" description="A CSV with a header row (UTF-8; commas, semicolons or tabs). Existing records are matched, so importing the same file twice changes nothing.">
          <form className="import-upload" onSubmit={onUpload}>
            <SelectField label="What the file holds" value={kind} options={KINDS} onChange={(event) => setKind(event.target.value as ImportKind)} />
            <Field label="CSV file" hint={<a href={exportUrl('/imports/template.csv', { kind })} download>Download a template for {kind}</a>}>
              {(control) => <input {...control} type="file" accept=".csv,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />}
            </Field>
            <FormMessage message={upload.error ? errorText(upload.error) : undefined} />
            <Button type="submit" variant="primary" disabled={!file} busy={upload.isPending}>
              Upload and dry run
            </Button>
          </form>
        </Section>
      )}

      {preview && step === 1 && (
        <>
          <Section title={`Dry run of ${preview.import.fileName}`} description={preview.matching}>
            <Counts items={[['Rows', preview.totalRows], ['Would create', preview.wouldCreate], ['Would update or keep', preview.wouldUpdate], ['Would skip', preview.wouldSkip]]} />
            <p className="muted">Read as separated by {preview.delimiter}. Nothing has been imported yet.</p>
            <div className="import-actions">
              <Button variant="primary" onClick={() => setConfirming(true)} disabled={preview.wouldCreate + preview.wouldUpdate === 0}>
                Continue
              </Button>
              <Button onClick={restart}>Choose another file</Button>
            </div>
          </Section>
          <Section title="Bad rows" count={preview.wouldSkip}>
            <Problems caption="Rows that will be skipped" problems={preview.problems} total={preview.problems.length} />
          </Section>
          <Section title="Columns" description="Suggested from the headers: change one if it is wrong.">
            <MappingEditor key={preview.import.id + JSON.stringify(preview.mapping)} preview={preview} busy={again.isPending} onPreview={(mapping) => again.mutate(mapping, { onSuccess: setPreview })} />
            <FormMessage message={again.error ? errorText(again.error) : undefined} />
          </Section>
        </>
      )}

      {preview && step === 2 && (
        <Section title="Confirm the import">
          <p>
            {formatNumber(preview.wouldCreate)} {kindNoun(preview.import.kind)} will be created and {formatNumber(preview.wouldUpdate)} updated (or kept as they are);{' '}
            {formatNumber(preview.wouldSkip)} bad rows will be skipped and listed in the report.
          </p>
          <FormMessage message={runImport.error ? errorText(runImport.error) : undefined} />
          <div className="import-actions">
            <Button variant="primary" busy={runImport.isPending} onClick={() => runImport.mutate(preview.import.id)}>
              Import {formatNumber(preview.wouldCreate + preview.wouldUpdate)} rows
            </Button>
            <Button onClick={() => setConfirming(false)}>Back</Button>
          </div>
        </Section>
      )}

      {job && (
        <Section title={job.status === 'running' ? 'Importing…' : job.status === 'done' ? 'Import report' : 'The import stopped'}>
          <progress className="import-progress" max={Math.max(job.totalRows, 1)} value={job.processedRows} aria-label="Import progress">
            {job.processedRows} of {job.totalRows}
          </progress>
          <p className="muted">
            {formatNumber(job.processedRows)} of {formatNumber(job.totalRows)} rows
          </p>
          <Counts items={[['Created', job.created], ['Updated', job.updated], ['Unchanged', job.unchanged], ['Skipped', job.skipped]]} />
          {job.error && <FormMessage message={job.error} />}
          {job.status !== 'running' && (
            <>
              <Problems caption="Rows skipped" problems={job.problems} total={job.skipped} />
              <div className="import-actions">
                <Link className="btn btn-primary" to="/accounts">
                  Back to accounts
                </Link>
                <Button onClick={restart}>Import another file</Button>
              </div>
            </>
          )}
        </Section>
      )}
    </div>
  );
}

const kindNoun = (kind: ImportKind) => ({ accounts: 'accounts', contacts: 'contacts', organizations: 'organizations' })[kind];

import { useState, type FormEvent } from 'react';
import { formProblem } from '../../app/formProblem.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, SelectField, TextAreaField, TextField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useCourses, useCreateRelease, usePublishRelease, useReleases, useWebinars } from './academy.api.ts';
import { shortDate } from './AcademyLayout.tsx';

export function ReleasesPage() {
  useDocumentTitle('Releases');
  const releases = useReleases();
  const courses = useCourses();
  const webinars = useWebinars();
  const publish = usePublishRelease();
  const notify = useToast();
  const [creating, setCreating] = useState(false);
  const titleOf = (list: { id: string; title: string }[] | undefined, id: string | null) => (id ? (list?.find((x) => x.id === id)?.title ?? '…') : null);
  return (
    <Section
      title="Releases"
      count={releases.data?.length}
      description="A release reaches only the contacts who use its product or modules: a delta course to take, a webinar to join."
      actions={<Button variant="primary" onClick={() => setCreating(true)}>Record a release</Button>}
    >
      {creating && <ReleaseForm onDone={() => setCreating(false)} />}
      {releases.isPending ? (
        <LoadingState />
      ) : releases.isError ? (
        <ErrorState error={releases.error} onRetry={() => void releases.refetch()} />
      ) : releases.data.length === 0 && !creating ? (
        <div className="card">
          <EmptyState title="No releases recorded" action={<Button variant="primary" onClick={() => setCreating(true)}>Record a release</Button>}>
            When the product ships, record the release with the modules it changes and a delta course or webinar: publishing tells exactly their users.
          </EmptyState>
        </div>
      ) : (
        <ul className="academy-grid" aria-label="Releases">
          {releases.data.map((r) => (
            <li key={r.id} className="card card-pad academy-card">
              <h3>
                {r.product} · {r.name}
              </h3>
              {r.modules.length > 0 && <p className="muted lesson-small">Modules: {r.modules.join(', ')}</p>}
              {r.courseId && <p className="lesson-small">Delta course: {titleOf(courses.data, r.courseId)}</p>}
              {r.webinarId && <p className="lesson-small">Webinar: {titleOf(webinars.data, r.webinarId)}</p>}
              {r.publishedAt ? (
                <div className="academy-row">
                  <Badge tone="green">Published {shortDate(r.publishedAt)}</Badge>
                  <span>Sent to {r.audienceCount ?? 0} contact{r.audienceCount === 1 ? '' : 's'}</span>
                </div>
              ) : (
                <div>
                  <Button
                    size="sm"
                    variant="primary"
                    busy={publish.isPending && publish.variables === r.id}
                    onClick={() => window.confirm(`Publish ${r.name} to the users of ${r.modules.length ? r.modules.join(', ') : r.product}?`) && publish.mutate(r.id, { onSuccess: (p) => notify(`Published to ${p.audienceCount ?? 0} contacts`), onError: (e) => notify(e.message, 'error') })}
                  >
                    Publish
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function ReleaseForm({ onDone }: { onDone: () => void }) {
  const create = useCreateRelease();
  const courses = useCourses();
  const webinars = useWebinars();
  const notify = useToast();
  const [product, setProduct] = useState('');
  const [name, setName] = useState('');
  const [modules, setModules] = useState('');
  const [notes, setNotes] = useState('');
  const [courseId, setCourseId] = useState('');
  const [webinarId, setWebinarId] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await create.mutateAsync({ product, name, modules: modules.split(',').map((m) => m.trim()).filter(Boolean), notes, courseId: courseId || null, webinarId: webinarId || null });
      notify('Release recorded: publish it when it ships');
      onDone();
    } catch {
      // shown below
    }
  };
  const problem = formProblem(create.error, ['product', 'name', 'modules', 'notes', 'courseId', 'webinarId']);
  return (
    <form className="card card-pad stack" style={{ marginBottom: 16 }} onSubmit={(e) => void submit(e)} noValidate aria-label="Record a release">
      <div className="academy-row">
        <TextField label="Product" value={product} onChange={(e) => setProduct(e.target.value)} error={problem.fieldError('product')} required />
        <TextField label="Release name" value={name} onChange={(e) => setName(e.target.value)} error={problem.fieldError('name')} required />
      </div>
      <TextField label="Modules affected" optional hint="Separated by commas; empty: every user of the product" value={modules} onChange={(e) => setModules(e.target.value)} error={problem.fieldError('modules')} />
      <TextAreaField label="Notes" optional rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      <div className="academy-row">
        <SelectField label="Delta course" optional value={courseId} onChange={(e) => setCourseId(e.target.value)} placeholder="None" options={(courses.data ?? []).map((c) => ({ value: c.id, label: c.title }))} error={problem.fieldError('courseId')} />
        <SelectField label="Webinar" optional value={webinarId} onChange={(e) => setWebinarId(e.target.value)} placeholder="None" options={(webinars.data ?? []).map((w) => ({ value: w.id, label: w.title }))} error={problem.fieldError('webinarId')} />
      </div>
      <FormMessage message={problem.message} />
      <div className="academy-row">
        <Button type="submit" variant="primary" busy={create.isPending}>
          Record release
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

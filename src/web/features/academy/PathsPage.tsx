import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { Link, useNavigate, useParams } from 'react-router';
import type { Audience, LearningPath, PathInput } from '../../../contract/academy.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button, ButtonLink } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, Select, TextAreaField, TextField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useArchivePath, useCourses, useCreatePath, usePath, usePaths, useSavePath } from './academy.api.ts';
import { AudienceFields, audienceText, EMPTY_AUDIENCE } from './AudienceFields.tsx';

export function PathsPage() {
  useDocumentTitle('Learning paths');
  const paths = usePaths();
  const newPath = (
    <ButtonLink to="/academy/paths/new" variant="primary">
      New learning path
    </ButtonLink>
  );
  return (
    <Section title="Learning paths" count={paths.data?.length} description="Ordered courses for a role, product or stage; passing one can issue a certificate." actions={newPath}>
      {paths.isPending ? (
        <LoadingState />
      ) : paths.isError ? (
        <ErrorState error={paths.error} onRetry={() => void paths.refetch()} />
      ) : paths.data.length === 0 ? (
        <div className="card">
          <EmptyState title="No learning paths yet" action={newPath}>
            Put courses in order for one audience (for example end users of a product), then add an enrolment rule so the right contacts are enrolled.
          </EmptyState>
        </div>
      ) : (
        <ul className="academy-grid" aria-label="Learning paths">
          {paths.data.map((path) => (
            <li key={path.id} className="card card-pad academy-card">
              <h3>
                <Link to={`/academy/paths/${path.id}`}>{path.title}</Link>
              </h3>
              <div className="academy-row">
                <Badge tone="blue">Version {path.version}</Badge>
                {path.certificateTitle && <Badge tone="green">{path.certificateTitle}</Badge>}
                {path.archived && <Badge>Archived</Badge>}
              </div>
              <p className="muted">
                {path.courseCount} course{path.courseCount === 1 ? '' : 's'} · {path.activeEnrolments} enrolled
              </p>
              <p className="muted lesson-small">For: {audienceText(path.audience)}</p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function PathEditorPage() {
  const { id = 'new' } = useParams();
  const path = usePath(id === 'new' ? '' : id);
  useDocumentTitle(id === 'new' ? 'New learning path' : (path.data?.title ?? 'Learning path'));
  if (id === 'new') return <PathEditor />;
  if (path.isPending) return <LoadingState />;
  if (path.isError) return <ErrorState error={path.error} onRetry={() => void path.refetch()} />;
  return <PathEditor key={`${path.data.id}-${path.data.version}`} path={path.data} />;
}

type Item = { courseId: string; kind: 'core' | 'elective' };

function PathEditor({ path }: { path?: LearningPath }) {
  const courses = useCourses();
  const create = useCreatePath();
  const save = useSavePath(path?.id ?? '');
  const archive = useArchivePath(path?.id ?? '');
  const notify = useToast();
  const navigate = useNavigate();
  const [title, setTitle] = useState(path?.title ?? '');
  const [description, setDescription] = useState(path?.description ?? '');
  const [audience, setAudience] = useState<Audience>(path?.audience ?? EMPTY_AUDIENCE);
  const [items, setItems] = useState<Item[]>(path?.courses.map((c) => ({ courseId: c.courseId, kind: c.kind })) ?? []);
  const [electives, setElectives] = useState(path?.electivesRequired ?? 0);
  const [minimumScore, setMinimumScore] = useState(path?.minimumScore === null || path?.minimumScore === undefined ? '' : String(path.minimumScore));
  const [certificate, setCertificate] = useState(path?.certificate?.title ?? '');
  const [validFor, setValidFor] = useState(path?.certificate ? (path.certificate.validForMonths === null ? '' : String(path.certificate.validForMonths)) : '24');
  const [adding, setAdding] = useState('');
  const mutation = path ? save : create;
  const titleOf = (courseId: string) => courses.data?.find((c) => c.id === courseId)?.title ?? path?.courses.find((c) => c.courseId === courseId)?.title ?? 'Course';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: z.input<typeof PathInput> = {
      title,
      description,
      audience,
      courses: items,
      electivesRequired: electives,
      minimumScore: minimumScore.trim() ? Number(minimumScore) : null,
      certificate: certificate.trim() ? { title: certificate.trim(), validForMonths: validFor.trim() ? Number(validFor) : null } : null,
    };
    try {
      const saved = await mutation.mutateAsync(input);
      notify(path ? `Published version ${saved.version}` : 'Learning path created');
      if (!path) void navigate(`/academy/paths/${saved.id}`);
    } catch {
      // shown below
    }
  };
  const move = (index: number, by: number) =>
    setItems((all) => {
      const next = [...all];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  const problem = formProblem(mutation.error, ['title', 'description', 'courses', 'electivesRequired', 'minimumScore', 'certificate', 'audience']);
  const available = (courses.data ?? []).filter((c) => !items.some((i) => i.courseId === c.id));

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-label="Learning path">
      <p className="lesson-small">
        <Link to="/academy/paths">← All learning paths</Link>
        {path && ` · version ${path.version}: saving publishes version ${path.version + 1}; running enrolments keep their version.`}
      </p>
      <div className="academy-split">
        <div className="stack">
          <div className="card card-pad stack">
            <TextField label="Path title" value={title} onChange={(e) => setTitle(e.target.value)} error={problem.fieldError('title')} required />
            <TextAreaField label="Description" optional rows={2} value={description} onChange={(e) => setDescription(e.target.value)} error={problem.fieldError('description')} />
          </div>
          <div className="card card-pad stack">
            <h2 className="card-title">Courses, in order</h2>
            {items.length === 0 ? (
              <p className="muted">No course yet: add the courses below, in the order learners take them. Mark at least one core.</p>
            ) : (
              <ol className="academy-lessons" aria-label="Courses in the path">
                {items.map((item, index) => (
                  <li key={item.courseId} className="academy-lesson academy-lesson-head">
                    <span className="academy-lesson-title">
                      {index + 1}. {titleOf(item.courseId)}
                    </span>
                    <span className="academy-row">
                      <Select
                        aria-label={`${titleOf(item.courseId)}: core or elective`}
                        value={item.kind}
                        onChange={(e) => setItems((all) => all.map((i, n) => (n === index ? { ...i, kind: e.target.value as Item['kind'] } : i)))}
                        options={[
                          { value: 'core', label: 'Core' },
                          { value: 'elective', label: 'Elective' },
                        ]}
                      />
                      <Button size="sm" variant="ghost" aria-label="Move up" disabled={index === 0} onClick={() => move(index, -1)}>
                        ↑
                      </Button>
                      <Button size="sm" variant="ghost" aria-label="Move down" disabled={index === items.length - 1} onClick={() => move(index, 1)}>
                        ↓
                      </Button>
                      <Button size="sm" variant="ghost" aria-label={`Remove ${titleOf(item.courseId)}`} onClick={() => setItems((all) => all.filter((_, n) => n !== index))}>
                        ×
                      </Button>
                    </span>
                  </li>
                ))}
              </ol>
            )}
            <div className="academy-row">
              <Select aria-label="Course to add" value={adding} onChange={(e) => setAdding(e.target.value)} placeholder={available.length ? 'Choose a course…' : 'Every course is in the path'} options={available.map((c) => ({ value: c.id, label: c.title }))} />
              <Button
                disabled={!adding}
                onClick={() => {
                  setItems((all) => [...all, { courseId: adding, kind: 'core' }]);
                  setAdding('');
                }}
              >
                Add course
              </Button>
            </div>
            {problem.fieldError('courses') && <p className="field-error">{problem.fieldError('courses')}</p>}
          </div>
          <div className="card card-pad stack">
            <h2 className="card-title">Who it is for</h2>
            <AudienceFields audience={audience} onChange={setAudience} />
          </div>
        </div>
        <div className="card card-pad stack">
          <h2 className="card-title">Completion</h2>
          <p className="muted lesson-small">Complete when every core course is done, plus the electives asked for{minimumScore ? `, with an average score of ${minimumScore}% or more` : ''}.</p>
          <TextField label="Electives required" type="number" min={0} value={electives} onChange={(e) => setElectives(Number(e.target.value))} error={problem.fieldError('electivesRequired')} />
          <TextField label="Minimum average score (%)" optional type="number" min={0} max={100} value={minimumScore} onChange={(e) => setMinimumScore(e.target.value)} error={problem.fieldError('minimumScore')} />
          <TextField label="Certificate title" optional hint="Passing the path issues it (e.g. Certified end user)" value={certificate} onChange={(e) => setCertificate(e.target.value)} error={problem.fieldError('certificate')} />
          {certificate.trim() && <TextField label="Valid for (months)" optional hint="Empty: never expires" type="number" min={1} max={120} value={validFor} onChange={(e) => setValidFor(e.target.value)} />}
          <FormMessage message={problem.message} />
          <Button type="submit" variant="primary" busy={mutation.isPending}>
            {path ? 'Publish a new version' : 'Create learning path'}
          </Button>
          {path && !path.archived && (
            <Button variant="ghost" busy={archive.isPending} onClick={() => window.confirm('Archive this path? Enrolled learners can finish it.') && archive.mutate(undefined, { onSuccess: () => notify('Path archived') })}>
              Archive path
            </Button>
          )}
        </div>
      </div>
    </form>
  );
}

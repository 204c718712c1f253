import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { formProblem } from '../../app/formProblem.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { FormMessage, TextAreaField, TextField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useCourses, useCreateCourse, useImportScorm } from './academy.api.ts';
import { shortDate } from './AcademyLayout.tsx';

export function CoursesPage() {
  useDocumentTitle('Academy courses');
  const courses = useCourses();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Section
        title="Courses"
        count={courses.data?.length}
        description="A course is an ordered list of lessons: text, video, files, embedded pages, quizzes, or a SCORM package."
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            New course
          </Button>
        }
      >
        {creating && <NewCourseForm onDone={() => setCreating(false)} />}
        <ScormImport />
        {courses.isPending ? (
          <LoadingState />
        ) : courses.isError ? (
          <ErrorState error={courses.error} onRetry={() => void courses.refetch()} />
        ) : courses.data.length === 0 ? (
          <div className="card">
            <EmptyState title="No courses yet" action={<Button variant="primary" onClick={() => setCreating(true)}>New course</Button>}>
              Write a first course (a welcome, a how-to, a quiz), or import a SCORM package your team already has. Then put courses in a learning path.
            </EmptyState>
          </div>
        ) : (
          <ul className="academy-grid" aria-label="Courses">
            {courses.data.map((course) => (
              <li key={course.id} className="card card-pad academy-card">
                <h3>
                  <Link to={`/academy/courses/${course.id}`}>{course.title}</Link>
                </h3>
                <div className="academy-row">
                  <Badge tone={course.source === 'scorm' ? 'purple' : 'blue'}>{course.source === 'scorm' ? 'SCORM' : 'Authored'}</Badge>
                  <span className="muted">
                    {course.lessonCount} lesson{course.lessonCount === 1 ? '' : 's'}
                    {course.estimatedMinutes ? ` · ${course.estimatedMinutes} min` : ''}
                  </span>
                </div>
                {course.summary && <p className="muted">{course.summary}</p>}
                <p className="muted lesson-small">
                  {course.product ? `${course.product}${course.modules.length ? ` · ${course.modules.join(', ')}` : ''} · ` : ''}updated {shortDate(course.updatedAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

const words = (text: string) => text.split(',').map((word) => word.trim()).filter(Boolean);

function NewCourseForm({ onDone }: { onDone: () => void }) {
  const create = useCreateCourse();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [product, setProduct] = useState('');
  const [modules, setModules] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const course = await create.mutateAsync({ title, summary, product: product.trim() || null, modules: words(modules) });
      onDone();
      void navigate(`/academy/courses/${course.id}`);
    } catch {
      // shown below
    }
  };
  const problem = formProblem(create.error, ['title', 'summary', 'product', 'modules']);
  return (
    <form className="card card-pad stack" onSubmit={(e) => void submit(e)} noValidate aria-label="New course">
      <TextField label="Course title" value={title} onChange={(e) => setTitle(e.target.value)} error={problem.fieldError('title')} required autoFocus />
      <TextAreaField label="Summary" optional value={summary} onChange={(e) => setSummary(e.target.value)} error={problem.fieldError('summary')} rows={2} />
      <div className="academy-row">
        <TextField label="Product" optional value={product} onChange={(e) => setProduct(e.target.value)} error={problem.fieldError('product')} />
        <TextField label="Modules" optional hint="Separated by commas" value={modules} onChange={(e) => setModules(e.target.value)} error={problem.fieldError('modules')} />
      </div>
      <FormMessage message={problem.message} />
      <div className="academy-row">
        <Button type="submit" variant="primary" busy={create.isPending}>
          Create course
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** A SCORM 1.2 or 2004 zip becomes a course with one SCORM lesson; the bar shows the upload. */
function ScormImport() {
  const importScorm = useImportScorm();
  const notify = useToast();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    setProgress(0);
    try {
      const course = await importScorm.mutateAsync({ file, onProgress: setProgress });
      notify(`Imported "${course.title}"`);
      void navigate(`/academy/courses/${course.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <div className="card card-pad stack" style={{ marginBottom: 16 }}>
      <label className="field-label" htmlFor="scorm-file">
        Import a SCORM package (.zip, SCORM 1.2 or 2004)
      </label>
      <input ref={input} id="scorm-file" type="file" accept=".zip,application/zip" onChange={(e) => void onFile(e.target.files?.[0])} disabled={progress !== null} />
      {progress !== null && (
        <div role="status">
          <progress className="academy-progress" max={1} value={progress} aria-label="Upload progress" />
          <span className="lesson-small">{progress < 1 ? `Uploading… ${Math.round(progress * 100)}%` : 'Checking the package…'}</span>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

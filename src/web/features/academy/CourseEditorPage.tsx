import { ScormPreview } from './ScormPreview.tsx';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Course, Lesson } from '../../../contract/academy.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { LessonBody } from '../../components/academy/LessonBody.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { FormMessage, TextAreaField, TextField } from '../../components/ui/Field.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useToast } from '../../components/ui/Toast.tsx';
import { useAddLesson, useArchiveCourse, useCourse, useCourseFeedback, useDeleteLesson, useReorderLessons, useUpdateCourse, useUpdateLesson } from './academy.api.ts';
import { KIND_LABELS, LessonForm } from './LessonForm.tsx';

export function CourseEditorPage() {
  const { id = '' } = useParams();
  const course = useCourse(id);
  useDocumentTitle(course.data?.title ?? 'Course');
  if (course.isPending) return <LoadingState />;
  if (course.isError) return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;
  return <CourseEditor course={course.data} />;
}

function CourseEditor({ course }: { course: Course }) {
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [preview, setPreview] = useState<Lesson | null>(null);
  const add = useAddLesson(course.id);
  const update = useUpdateLesson(course.id);
  const remove = useDeleteLesson(course.id);
  const reorder = useReorderLessons(course.id);
  const archive = useArchiveCourse(course.id);
  const notify = useToast();
  const move = (index: number, by: number) => {
    const ids = course.lessons.map((l) => l.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    reorder.mutate(ids, { onError: (e) => notify(e.message, 'error') });
  };
  return (
    <div className="stack">
      <p className="lesson-small">
        <Link to="/academy/courses">← All courses</Link>
      </p>
      <div className="academy-split">
        <Section
          title="Lessons"
          count={course.lessons.length}
          actions={
            course.source === 'authored' && (
              <Button variant="primary" onClick={() => setAdding(true)}>
                Add lesson
              </Button>
            )
          }
        >
          {adding && (
            <div className="card card-pad" style={{ marginBottom: 12 }}>
              <LessonForm
                busy={add.isPending}
                error={add.error}
                onCancel={() => setAdding(false)}
                onSave={(input) => 'content' in input && add.mutate(input, { onSuccess: () => { setAdding(false); notify('Lesson added'); } })}
              />
            </div>
          )}
          {course.lessons.length === 0 && !adding ? (
            <div className="card">
              <EmptyState title="No lessons yet" action={<Button variant="primary" onClick={() => setAdding(true)}>Add lesson</Button>}>
                Add a first lesson: a page of text, a video with its transcript, a file, an embedded page or a quiz.
              </EmptyState>
            </div>
          ) : (
            <ol className="academy-lessons" aria-label="Lessons">
              {course.lessons.map((lesson, index) => (
                <li key={lesson.id} className="academy-lesson">
                  {editing === lesson.id ? (
                    <LessonForm
                      lesson={lesson}
                      busy={update.isPending}
                      error={update.error}
                      onCancel={() => setEditing(null)}
                      onSave={(patch) => update.mutate({ lessonId: lesson.id, patch }, { onSuccess: () => { setEditing(null); notify('Lesson saved'); } })}
                    />
                  ) : (
                    <div className="academy-lesson-head">
                      <div>
                        <span className="academy-lesson-title">
                          {index + 1}. {lesson.title}
                        </span>{' '}
                        <Badge>{KIND_LABELS[lesson.content.kind]}</Badge>
                      </div>
                      <div className="academy-row">
                        <Button size="sm" onClick={() => setPreview(lesson)}>
                          Preview
                        </Button>
                        <Button size="sm" onClick={() => setEditing(lesson.id)}>
                          Edit
                        </Button>
                        <Button size="sm" variant="ghost" aria-label={`Move ${lesson.title} up`} disabled={index === 0 || reorder.isPending} onClick={() => move(index, -1)}>
                          ↑
                        </Button>
                        <Button size="sm" variant="ghost" aria-label={`Move ${lesson.title} down`} disabled={index === course.lessons.length - 1 || reorder.isPending} onClick={() => move(index, 1)}>
                          ↓
                        </Button>
                        {course.source === 'authored' && (
                          <Button size="sm" variant="ghost" aria-label={`Delete ${lesson.title}`} onClick={() => window.confirm(`Delete the lesson "${lesson.title}"?`) && remove.mutate(lesson.id)}>
                            Delete
                          </Button>
                        )}
                      </div>
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )}
        </Section>
        <div className="stack">
          <CourseDetails course={course} />
          <Feedback courseId={course.id} />
          {!course.archived && (
            <Button variant="ghost" busy={archive.isPending} onClick={() => window.confirm('Archive this course? Running paths keep it.') && archive.mutate(undefined, { onSuccess: () => notify('Course archived') })}>
              Archive course
            </Button>
          )}
        </div>
      </div>
      {preview && (
        <Dialog title={`Preview: ${preview.title}`} description="As the learner sees it in the portal." onClose={() => setPreview(null)} size="lg">
          {preview.content.kind === 'scorm' ? <ScormPreview courseId={course.id} lessonId={preview.id} title={preview.title} /> : <LessonBody content={preview.content} fileUrl={null} />}
        </Dialog>
      )}
    </div>
  );
}

function CourseDetails({ course }: { course: Course }) {
  const update = useUpdateCourse(course.id);
  const notify = useToast();
  const [title, setTitle] = useState(course.title);
  const [summary, setSummary] = useState(course.summary);
  const [product, setProduct] = useState(course.product ?? '');
  const [modules, setModules] = useState(course.modules.join(', '));
  const [minutes, setMinutes] = useState(course.estimatedMinutes ? String(course.estimatedMinutes) : '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        title,
        summary,
        product: product.trim() || null,
        modules: modules.split(',').map((m) => m.trim()).filter(Boolean),
        estimatedMinutes: minutes.trim() ? Number(minutes) : null,
      },
      { onSuccess: () => notify('Course saved') },
    );
  };
  const problem = formProblem(update.error, ['title', 'summary', 'product', 'modules', 'estimatedMinutes']);
  return (
    <form className="card card-pad stack" onSubmit={submit} noValidate aria-label="Course details">
      <h2 className="card-title">Course</h2>
      <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={problem.fieldError('title')} />
      <TextAreaField label="Summary" optional rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} error={problem.fieldError('summary')} />
      <TextField label="Product" optional value={product} onChange={(e) => setProduct(e.target.value)} error={problem.fieldError('product')} />
      <TextField label="Modules" optional hint="Separated by commas" value={modules} onChange={(e) => setModules(e.target.value)} error={problem.fieldError('modules')} />
      <TextField label="Minutes to complete" optional type="number" min={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} error={problem.fieldError('estimatedMinutes')} />
      <FormMessage message={problem.message} />
      <Button type="submit" busy={update.isPending}>
        Save course
      </Button>
    </form>
  );
}

function Feedback({ courseId }: { courseId: string }) {
  const feedback = useCourseFeedback(courseId);
  if (!feedback.data) return null;
  return (
    <div className="card card-pad">
      <h2 className="card-title">Feedback</h2>
      {feedback.data.count === 0 ? (
        <p className="muted">No ratings yet: learners rate a course when they finish it.</p>
      ) : (
        <>
          <p>
            {feedback.data.averageRating?.toFixed(1)} / 5 from {feedback.data.count} learner{feedback.data.count === 1 ? '' : 's'}
          </p>
          <ul className="academy-list">
            {feedback.data.entries.slice(0, 10).map((entry, index) => (
              <li key={index}>
                <span>
                  {'★'.repeat(entry.rating)} {entry.comment}
                </span>
                <span className="muted lesson-small">
                  {entry.contactName}, {entry.accountName}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

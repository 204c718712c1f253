import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { LessonBody } from '../components/academy/LessonBody.tsx';
import { Button } from '../components/ui/Button.tsx';
import { ErrorState, LoadingState } from '../components/ui/State.tsx';
import { lessonFileUrl, useCourseFeedback, useLessonProgress, usePortalCourse, useQuizAttempt, type PortalCourse, type PortalLessonView, type QuizResult } from './academy.api.ts';
import { ScormPlayer } from './ScormPlayer.tsx';

// The course player (loaded only when a course is opened): the lessons in order, the current one played, and
// a way on to the next. Quiz answers go to the server, which scores them; SCORM plays through scorm-again.

const STATUS_LABEL = { not_started: 'Not started', in_progress: 'In progress', completed: 'Done', passed: 'Passed', failed: 'Not passed yet' } as const;
const finished = (lesson: PortalLessonView) => lesson.progress.status === 'completed' || lesson.progress.status === 'passed';

export function PortalCoursePage() {
  const { courseId = '' } = useParams();
  const course = usePortalCourse(courseId);
  useDocumentTitle(course.data?.title ?? 'Course');
  if (course.isPending) return <LoadingState label="Opening the course…" />;
  if (course.isError) return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;
  return <CoursePlayer course={course.data} />;
}

function CoursePlayer({ course }: { course: PortalCourse }) {
  const [params, setParams] = useSearchParams();
  const chosen = params.get('lesson');
  const lesson = course.lessons.find((l) => l.id === chosen) ?? course.lessons.find((l) => l.id === course.resumeLessonId) ?? course.lessons[0];
  const index = lesson ? course.lessons.indexOf(lesson) : -1;
  const next = index >= 0 ? course.lessons[index + 1] : undefined;
  const open = (id: string) => {
    setParams({ lesson: id });
    window.scrollTo({ top: 0 });
  };
  return (
    <div className="learning-course">
      <p className="learning-small">
        <Link to="/portal/learning">← Your learning</Link>
      </p>
      <h1 className="portal-title">{course.title}</h1>
      {course.completed && <p className="learning-done" role="status">You completed this course.</p>}
      <nav aria-label="Lessons" className="portal-card learning-lessons">
        <ol>
          {course.lessons.map((l) => (
            <li key={l.id} className={finished(l) ? 'is-done' : ''}>
              <button type="button" className={`learning-lesson-link${l.id === lesson?.id ? ' is-current' : ''}`} aria-current={l.id === lesson?.id ? 'step' : undefined} onClick={() => open(l.id)}>
                <span>{l.title}</span>
                <span className="learning-small portal-muted">{STATUS_LABEL[l.progress.status]}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {lesson ? (
        <section className="portal-card" aria-label={lesson.title}>
          <h2 className="portal-section-title">{lesson.title}</h2>
          <Lesson key={lesson.id} lesson={lesson} onNext={next ? () => open(next.id) : undefined} />
        </section>
      ) : (
        <section className="portal-card">
          <p className="portal-muted">This course has no lessons yet.</p>
        </section>
      )}
      {course.completed && !course.feedbackGiven && <FeedbackForm courseId={course.id} />}
    </div>
  );
}

function Lesson({ lesson, onNext }: { lesson: PortalLessonView; onNext: (() => void) | undefined }) {
  const progress = useLessonProgress();
  const content = lesson.content;
  if (content.kind === 'quiz') return <QuizPlayer lesson={lesson} onNext={onNext} />;
  const nextButton = onNext && (
    <Button variant={finished(lesson) ? 'primary' : 'secondary'} onClick={onNext}>
      Next lesson
    </Button>
  );
  if (content.kind === 'scorm') {
    return (
      <div className="stack">
        <ScormPlayer lessonId={lesson.id} title={lesson.title} />
        <p className="learning-small portal-muted" role="status">
          {STATUS_LABEL[lesson.progress.status]}
          {lesson.progress.score !== null ? ` · score ${lesson.progress.score}%` : ''}
        </p>
        {nextButton}
      </div>
    );
  }
  return (
    <div className="stack">
      <LessonBody content={content} fileUrl={lessonFileUrl} />
      <div className="learning-actions">
        {finished(lesson) ? (
          <span className="learning-done">Done</span>
        ) : (
          <Button variant="primary" busy={progress.isPending} onClick={() => progress.mutate({ lessonId: lesson.id, status: 'completed' }, { onSuccess: () => onNext?.() })}>
            Mark as done{onNext ? ' and continue' : ''}
          </Button>
        )}
        {finished(lesson) && nextButton}
      </div>
      {progress.error && (
        <p className="form-error" role="alert">
          {progress.error.message}
        </p>
      )}
    </div>
  );
}

function QuizPlayer({ lesson, onNext }: { lesson: PortalLessonView; onNext: (() => void) | undefined }) {
  const content = lesson.content;
  const attempt = useQuizAttempt();
  const [answers, setAnswers] = useState<number[][]>(() => (content.kind === 'quiz' ? content.questions.map(() => []) : []));
  const [result, setResult] = useState<QuizResult | null>(null);
  if (content.kind !== 'quiz') return null;
  const attemptsLeft = result ? result.attemptsLeft : content.maxAttempts === null ? null : Math.max(0, content.maxAttempts - lesson.progress.attempts);
  const passed = result ? result.passed : lesson.progress.status === 'passed';
  const canTry = !passed && (attemptsLeft === null || attemptsLeft > 0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempt.mutate({ lessonId: lesson.id, answers }, { onSuccess: setResult });
  };
  const choose = (question: number, option: number, single: boolean, checked: boolean) =>
    setAnswers((all) => all.map((chosen, q) => (q !== question ? chosen : single ? [option] : checked ? [...chosen, option].sort() : chosen.filter((o) => o !== option))));
  return (
    <div className="stack">
      <p className="portal-muted learning-small">
        Pass mark {content.passMark}% · {content.maxAttempts === null ? 'as many attempts as you need' : `${attemptsLeft} of ${content.maxAttempts} attempts left`}
        {lesson.progress.score !== null && !result ? ` · your best so far ${lesson.progress.score}%` : ''}
      </p>
      {result && (
        <div className={`learning-result${result.passed ? ' is-passed' : ''}`} role="status">
          <strong>
            {result.passed ? 'Passed' : 'Not passed'}: {result.score}%
          </strong>{' '}
          ({result.correct.filter(Boolean).length} of {result.correct.length} correct
          {result.attemptsLeft !== null ? `, ${result.attemptsLeft} attempt${result.attemptsLeft === 1 ? '' : 's'} left` : ''})
        </div>
      )}
      {passed && !result && <p className="learning-done">You passed this quiz.</p>}
      {canTry ? (
        <form className="stack" onSubmit={submit} aria-label="Quiz">
          {content.questions.map((question, q) => (
            <fieldset key={q} className={`learning-question${result ? (result.correct[q] ? ' is-right' : ' is-wrong') : ''}`}>
              <legend>
                {q + 1}. {question.prompt}
              </legend>
              {question.choice === 'multiple' && <p className="learning-small portal-muted">Choose every correct answer.</p>}
              {question.options.map((option, o) => (
                <label key={o} className="learning-option">
                  <input
                    type={question.choice === 'single' ? 'radio' : 'checkbox'}
                    name={`question-${q}`}
                    checked={answers[q]?.includes(o) ?? false}
                    onChange={(e) => choose(q, o, question.choice === 'single', e.target.checked)}
                  />
                  <span>{option.text}</span>
                </label>
              ))}
            </fieldset>
          ))}
          <Button type="submit" variant="primary" busy={attempt.isPending} disabled={answers.some((a) => a.length === 0)} className="portal-wide-button">
            {result ? 'Try again' : 'Submit answers'}
          </Button>
        </form>
      ) : (
        !passed && <p className="form-error">No attempts left. Your team can help: reply to the last email you received from them.</p>
      )}
      {attempt.error && (
        <p className="form-error" role="alert">
          {attempt.error.message}
        </p>
      )}
      {passed && onNext && (
        <Button variant="primary" onClick={onNext}>
          Next lesson
        </Button>
      )}
    </div>
  );
}

function FeedbackForm({ courseId }: { courseId: string }) {
  const feedback = useCourseFeedback(courseId);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  if (feedback.isSuccess) return <p className="learning-done" role="status">Thank you for your feedback.</p>;
  return (
    <form
      className="portal-card stack"
      aria-label="Rate this course"
      onSubmit={(e) => {
        e.preventDefault();
        feedback.mutate({ rating, comment });
      }}
    >
      <h2 className="portal-section-title">How was this course?</h2>
      <div className="learning-stars" role="radiogroup" aria-label="Rating">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n}>
            <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} aria-label={`${n} out of 5`} />
            <span aria-hidden="true">{n <= rating ? '★' : '☆'}</span>
          </label>
        ))}
      </div>
      <label className="field-label" htmlFor="course-comment">
        Comment (optional)
      </label>
      <textarea id="course-comment" className="input textarea" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      <Button type="submit" disabled={rating === 0} busy={feedback.isPending}>
        Send
      </Button>
    </form>
  );
}

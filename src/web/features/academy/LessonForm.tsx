import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { Lesson, LessonInput } from '../../../contract/academy.ts';
import { formProblem } from '../../app/formProblem.ts';
import { Button } from '../../components/ui/Button.tsx';
import { FormMessage, SelectField, TextAreaField, TextField } from '../../components/ui/Field.tsx';
import { useUploadLessonFile } from './academy.api.ts';

type Kind = 'markdown' | 'video' | 'file' | 'embed' | 'quiz';
type Question = { prompt: string; choice: 'single' | 'multiple'; options: { text: string; correct: boolean }[] };

export const KIND_LABELS: Record<Kind | 'scorm', string> = {
  markdown: 'Text (markdown)',
  video: 'Video',
  file: 'File',
  embed: 'Embedded page',
  quiz: 'Quiz',
  scorm: 'SCORM package',
};

const blankQuestion = (): Question => ({ prompt: '', choice: 'single', options: [{ text: '', correct: true }, { text: '', correct: false }] });

/** Adds or edits one lesson; the fields follow its kind. A SCORM lesson comes from an import and only its title changes. */
export function LessonForm({
  lesson,
  busy,
  error,
  onSave,
  onCancel,
}: {
  lesson?: Lesson;
  busy: boolean;
  error: unknown;
  onSave: (input: z.input<typeof LessonInput> | { title: string }) => void;
  onCancel: () => void;
}) {
  const content = lesson?.content;
  const [title, setTitle] = useState(lesson?.title ?? '');
  const [kind, setKind] = useState<Kind>(content && content.kind !== 'scorm' ? content.kind : 'markdown');
  const [body, setBody] = useState(content?.kind === 'markdown' ? content.body : '');
  const [url, setUrl] = useState(content?.kind === 'video' ? (content.url ?? '') : content?.kind === 'embed' ? content.url : '');
  const [fileId, setFileId] = useState<string | null>(content?.kind === 'video' || content?.kind === 'file' ? content.fileId : null);
  const [fileName, setFileName] = useState(content?.kind === 'file' ? (content.fileName ?? '') : '');
  const [transcript, setTranscript] = useState(content?.kind === 'video' ? content.transcript : '');
  const [height, setHeight] = useState(content?.kind === 'embed' ? content.height : 600);
  const [questions, setQuestions] = useState<Question[]>(
    content?.kind === 'quiz' ? content.questions.map((q) => ({ ...q, options: q.options.map((o) => ({ text: o.text, correct: o.correct ?? false })) })) : [blankQuestion()],
  );
  const [passMark, setPassMark] = useState(content?.kind === 'quiz' ? content.passMark : 80);
  const [maxAttempts, setMaxAttempts] = useState<string>(content?.kind === 'quiz' ? (content.maxAttempts === null ? '' : String(content.maxAttempts)) : '3');
  const [upload, setUpload] = useState<{ progress: number } | null>(null);
  const [uploadError, setUploadError] = useState<string>();
  const uploadFile = useUploadLessonFile();
  const scorm = content?.kind === 'scorm';

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setUploadError(undefined);
    setUpload({ progress: 0 });
    try {
      const stored = await uploadFile(file, (progress) => setUpload({ progress }));
      setFileId(stored.id);
      setFileName(stored.fileName);
    } catch (e) {
      setUploadError(e instanceof Error ? e.message : String(e));
    } finally {
      setUpload(null);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (scorm) return onSave({ title });
    const attempts = maxAttempts.trim() === '' ? null : Number(maxAttempts);
    const built: z.input<typeof LessonInput>['content'] =
      kind === 'markdown'
        ? { kind, body }
        : kind === 'video'
          ? { kind, url: fileId ? null : url.trim() || null, fileId, transcript }
          : kind === 'file'
            ? { kind, fileId: fileId ?? '' }
            : kind === 'embed'
              ? { kind, url: url.trim(), height }
              : { kind, questions, passMark, maxAttempts: attempts };
    onSave({ title, content: built });
  };

  const setQuestion = (index: number, change: Partial<Question>) => setQuestions((all) => all.map((q, n) => (n === index ? { ...q, ...change } : q)));
  const problem = formProblem(error, ['title', 'content']);

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={lesson ? `Edit ${lesson.title}` : 'New lesson'}>
      <TextField label="Lesson title" value={title} onChange={(e) => setTitle(e.target.value)} error={problem.fieldError('title')} required />
      {!scorm && (
        <SelectField
          label="Kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
          options={(['markdown', 'video', 'file', 'embed', 'quiz'] as const).map((value) => ({ value, label: KIND_LABELS[value] }))}
        />
      )}
      {!scorm && kind === 'markdown' && <TextAreaField label="Text" hint="Markdown: # heading, **bold**, - list, [link](https://…)" rows={8} value={body} onChange={(e) => setBody(e.target.value)} />}
      {!scorm && (kind === 'video' || kind === 'embed') && (
        <TextField label={kind === 'video' ? 'Video link' : 'Page address'} type="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} optional={kind === 'video'} hint={kind === 'video' ? 'A YouTube, Vimeo or video file link, or upload a file below.' : undefined} />
      )}
      {!scorm && kind === 'embed' && <TextField label="Height (pixels)" type="number" min={200} max={2000} value={height} onChange={(e) => setHeight(Number(e.target.value))} />}
      {!scorm && (kind === 'video' || kind === 'file') && (
        <div className="field">
          <label className="field-label" htmlFor="lesson-file">
            {kind === 'video' ? 'Or upload a video file' : 'File'}
          </label>
          <input id="lesson-file" type="file" accept={kind === 'video' ? 'video/*' : undefined} onChange={(e) => void onFile(e.target.files?.[0])} disabled={upload !== null} />
          {upload && <progress className="academy-progress" max={1} value={upload.progress} aria-label="Upload progress" />}
          {fileId && <p className="field-hint">Uploaded: {fileName || 'file'}</p>}
          {uploadError && <p className="field-error" role="alert">{uploadError}</p>}
        </div>
      )}
      {!scorm && kind === 'video' && <TextAreaField label="Transcript" optional rows={4} value={transcript} onChange={(e) => setTranscript(e.target.value)} />}
      {!scorm && kind === 'quiz' && (
        <div>
          <div className="academy-row">
            <TextField label="Pass mark (%)" type="number" min={0} max={100} value={passMark} onChange={(e) => setPassMark(Number(e.target.value))} />
            <TextField label="Attempts allowed" type="number" min={1} max={20} hint="Empty: unlimited" value={maxAttempts} onChange={(e) => setMaxAttempts(e.target.value)} />
          </div>
          {questions.map((question, index) => (
            <fieldset key={index} className="academy-question">
              <legend>Question {index + 1}</legend>
              <TextField label={`Question ${index + 1} text`} value={question.prompt} onChange={(e) => setQuestion(index, { prompt: e.target.value })} />
              <SelectField
                label="Answers"
                value={question.choice}
                onChange={(e) => setQuestion(index, { choice: e.target.value as Question['choice'] })}
                options={[
                  { value: 'single', label: 'One correct answer' },
                  { value: 'multiple', label: 'Several correct answers' },
                ]}
              />
              {question.options.map((option, n) => (
                <div key={n} className="academy-option">
                  <input
                    type={question.choice === 'single' ? 'radio' : 'checkbox'}
                    name={`q${index}-correct`}
                    checked={option.correct}
                    aria-label={`Option ${n + 1} is correct`}
                    onChange={(e) =>
                      setQuestion(index, {
                        options: question.options.map((o, m) => (question.choice === 'single' ? { ...o, correct: m === n } : m === n ? { ...o, correct: e.target.checked } : o)),
                      })
                    }
                  />
                  <input
                    className="input"
                    aria-label={`Question ${index + 1} option ${n + 1}`}
                    value={option.text}
                    onChange={(e) => setQuestion(index, { options: question.options.map((o, m) => (m === n ? { ...o, text: e.target.value } : o)) })}
                  />
                  {question.options.length > 2 && (
                    <Button size="sm" variant="ghost" aria-label={`Remove option ${n + 1}`} onClick={() => setQuestion(index, { options: question.options.filter((_, m) => m !== n) })}>
                      ×
                    </Button>
                  )}
                </div>
              ))}
              <div className="academy-row">
                <Button size="sm" onClick={() => setQuestion(index, { options: [...question.options, { text: '', correct: false }] })}>
                  Add option
                </Button>
                {questions.length > 1 && (
                  <Button size="sm" variant="ghost" onClick={() => setQuestions((all) => all.filter((_, m) => m !== index))}>
                    Remove question
                  </Button>
                )}
              </div>
            </fieldset>
          ))}
          <Button size="sm" onClick={() => setQuestions((all) => [...all, blankQuestion()])}>
            Add question
          </Button>
        </div>
      )}
      <FormMessage message={problem.message ?? problem.fieldError('content')} />
      <div className="academy-row">
        <Button type="submit" variant="primary" busy={busy} disabled={upload !== null}>
          {lesson ? 'Save lesson' : 'Add lesson'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

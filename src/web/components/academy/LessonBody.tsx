import type { LessonContentView } from '../../../contract/academy.ts';
import { Markdown } from './Markdown.tsx';
import './lesson.css';

// How a lesson reads, the same for the learner (portal) and for staff previewing it. Quiz and SCORM lessons have
// players of their own; here they are described.

const YOUTUBE = /^https:\/\/(?:www\.)?(?:youtube\.com\/watch\?v=|youtu\.be\/)([\w-]{6,20})/;
const VIMEO = /^https:\/\/(?:www\.)?vimeo\.com\/(\d+)/;

/** A page that plays a video link inside the lesson: YouTube and Vimeo have embed addresses, other links are files. */
export function videoEmbedUrl(url: string): string | null {
  const youtube = YOUTUBE.exec(url);
  if (youtube) return `https://www.youtube-nocookie.com/embed/${youtube[1]}`;
  const vimeo = VIMEO.exec(url);
  if (vimeo) return `https://player.vimeo.com/video/${vimeo[1]}`;
  return null;
}

export function LessonBody({ content, fileUrl }: { content: LessonContentView; fileUrl: ((fileId: string) => string) | null }) {
  switch (content.kind) {
    case 'markdown':
      return content.body.trim() ? <Markdown source={content.body} /> : <p className="muted">This lesson has no text yet.</p>;
    case 'video': {
      const embed = content.url ? videoEmbedUrl(content.url) : null;
      const src = content.url ?? (content.fileId && fileUrl ? fileUrl(content.fileId) : null);
      return (
        <div className="lesson-video">
          {embed ? (
            <iframe className="lesson-frame lesson-frame-video" src={embed} title="Video" allow="fullscreen; picture-in-picture" sandbox="allow-scripts allow-same-origin allow-presentation" />
          ) : src ? (
            <video className="lesson-frame-video" controls preload="metadata" src={src} />
          ) : (
            <p className="muted">The video plays here for learners.</p>
          )}
          {content.url && (
            <p className="lesson-small">
              <a href={content.url} target="_blank" rel="noopener noreferrer">
                Open the video in a new tab
              </a>
            </p>
          )}
          {content.transcript.trim() && (
            <details className="lesson-transcript">
              <summary>Transcript</summary>
              <Markdown source={content.transcript} />
            </details>
          )}
        </div>
      );
    }
    case 'file':
      return fileUrl ? (
        <p>
          <a className="btn btn-secondary" href={fileUrl(content.fileId)} download>
            Download {content.fileName ?? 'the file'}
          </a>
        </p>
      ) : (
        <p>File: {content.fileName ?? 'uploaded file'} (learners download it).</p>
      );
    case 'embed':
      return (
        <iframe
          className="lesson-frame"
          src={content.url}
          title="Embedded page"
          style={{ height: content.height }}
          sandbox="allow-scripts allow-same-origin allow-forms allow-popups"
          referrerPolicy="no-referrer"
        />
      );
    case 'quiz':
      return (
        <div>
          <p className="muted">
            A quiz of {content.questions.length} question{content.questions.length === 1 ? '' : 's'}: pass mark {content.passMark}%,{' '}
            {content.maxAttempts === null ? 'unlimited attempts' : `${content.maxAttempts} attempt${content.maxAttempts === 1 ? '' : 's'}`}.
          </p>
          <ol className="quiz-preview">
            {content.questions.map((question, index) => (
              <li key={index}>
                <p>{question.prompt}</p>
                <ul>
                  {question.options.map((option, n) => (
                    <li key={n}>
                      {option.text}
                      {option.correct && <strong> (correct)</strong>}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      );
    case 'scorm':
      return (
        <p className="muted">
          A SCORM {content.version} package ({content.fileCount} files, starts at {content.launchHref}): learners play it in the portal.
        </p>
      );
  }
}

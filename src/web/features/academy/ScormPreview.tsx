import { useEffect, useState } from 'react';
import '../../components/academy/lesson.css';
import { startScormRuntime, stopScormRuntime } from '../../components/academy/scormRuntime.ts';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { useScormPreview } from './academy.api.ts';

/** A SCORM lesson played in the course editor as a learner would see it; its runtime records nothing. */
export function ScormPreview({ courseId, lessonId, title }: { courseId: string; lessonId: string; title: string }) {
  const preview = useScormPreview(courseId, lessonId);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<unknown>();
  const launch = preview.data;
  useEffect(() => {
    if (!launch) return;
    let live = true;
    startScormRuntime({ version: launch.version })
      .then(() => live && setReady(true))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
      stopScormRuntime();
    };
  }, [launch]);
  if (preview.isError) return <ErrorState title="This lesson could not start" error={preview.error} />;
  if (error) return <ErrorState title="This lesson could not start" error={error} />;
  if (!launch || !ready) return <LoadingState label="Starting the preview…" />;
  return (
    <>
      <p className="muted">A preview: what you do here is not recorded.</p>
      <iframe className="learning-scorm" src={launch.launchUrl} title={title} sandbox="allow-scripts allow-same-origin allow-forms allow-popups" />
    </>
  );
}

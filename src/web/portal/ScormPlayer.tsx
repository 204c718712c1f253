import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorState, LoadingState } from '../components/ui/State.tsx';
import { startScormRuntime, stopScormRuntime } from '../components/academy/scormRuntime.ts';
import { fetchScormLaunch, learningKeys, type ScormLaunch } from './academy.api.ts';
import { portalCsrfToken } from './portal.api.ts';

// A SCORM lesson: scorm-again (loaded only here) puts the runtime on this window — window.API for SCORM 1.2,
// window.API_1484_11 for 2004 — resumed from the CMI saved so far; the SCO, served from this origin, plays in an
// iframe and finds it on its parent. Every commit goes to the portal's commit route as flattened CMI.

export function ScormPlayer({ lessonId, title }: { lessonId: string; title: string }) {
  const queryClient = useQueryClient();
  const [launch, setLaunch] = useState<ScormLaunch | null>(null);
  const [error, setError] = useState<unknown>();
  const [unsaved, setUnsaved] = useState(false);
  useEffect(() => {
    let live = true;
    const refresh = () => {
      if (live) setUnsaved(false);
      void queryClient.invalidateQueries({ queryKey: learningKeys.all });
    };
    const failed = () => live && setUnsaved(true);
    fetchScormLaunch(lessonId)
      .then(async (data) => {
        await startScormRuntime(data, { csrfToken: portalCsrfToken() ?? '', onCommitted: refresh, onCommitError: failed });
        if (live) setLaunch(data);
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
      stopScormRuntime();
    };
  }, [lessonId, queryClient]);
  if (error) return <ErrorState title="This lesson could not start" error={error} />;
  if (!launch) return <LoadingState label="Starting the lesson…" />;
  return (
    <>
      <iframe className="learning-scorm" src={launch.launchUrl} title={title} sandbox="allow-scripts allow-same-origin allow-forms allow-popups" />
      {unsaved && (
        <p className="form-error" role="alert">
          Your progress in this lesson could not be saved just now. Check your connection; if this message stays, open the lesson again later.
        </p>
      )}
    </>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorState, LoadingState } from '../components/ui/State.tsx';
import { fetchScormLaunch, learningKeys, type ScormLaunch } from './academy.api.ts';
import { portalCsrfToken } from './portal.api.ts';

// A SCORM lesson: scorm-again (loaded only here) puts the runtime on this window — window.API for SCORM 1.2,
// window.API_1484_11 for 2004 — resumed from the CMI saved so far; the SCO, served from this origin, plays in an
// iframe and finds it on its parent. Every commit goes to the portal's commit route as flattened CMI.

type Runtime = { loadFromFlattenedJSON: (json: Record<string, unknown>, element?: string) => void; on: (event: string, callback: (...args: unknown[]) => void) => void };
export function scalarsOnly(commit: unknown): Record<string, string | number | boolean | null> {
  if (!commit || typeof commit !== 'object') return {};
  return Object.fromEntries(Object.entries(commit).filter(([, value]) => value === null || ['string', 'number', 'boolean'].includes(typeof value)));
}

type ScormWindow = Window & { API?: unknown; API_1484_11?: unknown };

async function startRuntime(launch: ScormLaunch, onCommitted: () => void, onCommitError: () => void): Promise<void> {
  const settings = {
    lmsCommitUrl: launch.commitUrl,
    dataCommitFormat: 'flattened',
    autocommit: true,
    autocommitSeconds: 30,
    // Commits go by fetch with the portal's CSRF header, the last one (on finish) too: a beacon cannot carry the
    // header. The SCO's commit call answers at once; the outcome arrives as CommitSuccess or CommitError.
    useAsynchronousCommits: true,
    asyncModeBeaconBehavior: 'never' as const,
    // scorm-again's flattened commit carries empty collections as objects ("cmi.interactions": {}); the route takes
    // them and reads them as nothing, so only the scalar elements, the ones it records, are sent.
    requestHandler: (commit: unknown) => scalarsOnly(commit),
    xhrWithCredentials: true,
    xhrHeaders: { 'x-csrf-token': portalCsrfToken() ?? '' },
    logLevel: 4 as const,
  };
  const target = window as ScormWindow;
  let api: Runtime;
  if (launch.version === '1.2') {
    // The package's ESM build exports the class by name; its types declare a default export.
    const scorm12 = (await import('scorm-again/scorm12')) as unknown as { Scorm12API: new (s: typeof settings) => Runtime };
    api = new scorm12.Scorm12API(settings);
    target.API = api;
  } else {
    const scorm2004 = (await import('scorm-again/scorm2004')) as unknown as { Scorm2004API: new (s: typeof settings) => Runtime };
    api = new scorm2004.Scorm2004API(settings);
    target.API_1484_11 = api;
  }
  if (Object.keys(launch.cmi).length > 0) api.loadFromFlattenedJSON(launch.cmi, '');
  api.on('CommitSuccess', onCommitted);
  api.on('CommitError', onCommitError);
}

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
        await startRuntime(data, refresh, failed);
        if (live) setLaunch(data);
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
      const target = window as ScormWindow;
      delete target.API;
      delete target.API_1484_11;
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

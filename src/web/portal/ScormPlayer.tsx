import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorState, LoadingState } from '../components/ui/State.tsx';
import { fetchScormLaunch, learningKeys, type ScormLaunch } from './academy.api.ts';
import { portalCsrfToken } from './portal.api.ts';

// A SCORM lesson: scorm-again (loaded only here) puts the runtime on this window — window.API for SCORM 1.2,
// window.API_1484_11 for 2004 — resumed from the CMI saved so far; the SCO, served from this origin, plays in an
// iframe and finds it on its parent. Every commit goes to the portal's commit route as flattened CMI.

type Runtime = { loadFromFlattenedJSON: (json: Record<string, unknown>, element?: string) => void; on: (event: string, callback: (...args: unknown[]) => void) => void };
type ScormWindow = Window & { API?: unknown; API_1484_11?: unknown };

async function startRuntime(launch: ScormLaunch, onCommitted: () => void): Promise<void> {
  const settings = {
    lmsCommitUrl: launch.commitUrl,
    dataCommitFormat: 'flattened',
    autocommit: true,
    autocommitSeconds: 30,
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
  for (const event of launch.version === '1.2' ? ['LMSCommit', 'LMSFinish'] : ['Commit', 'Terminate']) api.on(event, () => setTimeout(onCommitted, 100));
}

export function ScormPlayer({ lessonId, title }: { lessonId: string; title: string }) {
  const queryClient = useQueryClient();
  const [launch, setLaunch] = useState<ScormLaunch | null>(null);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: learningKeys.all });
    fetchScormLaunch(lessonId)
      .then(async (data) => {
        await startRuntime(data, refresh);
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
    <iframe
      className="learning-scorm"
      src={launch.launchUrl}
      title={title}
      sandbox="allow-scripts allow-same-origin allow-forms allow-popups"
    />
  );
}

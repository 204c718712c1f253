// The SCORM runtime for a lesson played in a page: scorm-again (loaded only when a SCORM lesson starts) puts the API
// on this window — window.API for SCORM 1.2, window.API_1484_11 for 2004 — resumed from the CMI saved so far; the SCO,
// served from this origin, plays in an iframe and finds it on its parent. With a commit URL every commit goes there as
// flattened CMI (the portal); without one nothing is recorded (the course editor's preview).

type Runtime = { loadFromFlattenedJSON: (json: Record<string, unknown>, element?: string) => void; on: (event: string, callback: (...args: unknown[]) => void) => void };

export function scalarsOnly(commit: unknown): Record<string, string | number | boolean | null> {
  if (!commit || typeof commit !== 'object') return {};
  return Object.fromEntries(Object.entries(commit).filter(([, value]) => value === null || ['string', 'number', 'boolean'].includes(typeof value)));
}

type ScormWindow = Window & { API?: unknown; API_1484_11?: unknown };

export interface RuntimeLaunch {
  version: '1.2' | '2004';
  /** Where commits go; absent, the runtime keeps everything in the page (a preview). */
  commitUrl?: string;
  cmi?: Record<string, string | number>;
}

export async function startScormRuntime(
  launch: RuntimeLaunch,
  options: { csrfToken?: string; onCommitted?: () => void; onCommitError?: () => void } = {},
): Promise<void> {
  const settings = {
    lmsCommitUrl: launch.commitUrl ?? false,
    dataCommitFormat: 'flattened',
    autocommit: launch.commitUrl !== undefined,
    autocommitSeconds: 30,
    // Commits go by fetch with the CSRF header, the last one (on finish) too: a beacon cannot carry the header. The
    // SCO's commit call answers at once; the outcome arrives as CommitSuccess or CommitError.
    useAsynchronousCommits: true,
    asyncModeBeaconBehavior: 'never' as const,
    // scorm-again's flattened commit carries empty collections as objects ("cmi.interactions": {}); the route takes
    // them and reads them as nothing, so only the scalar elements, the ones it records, are sent.
    requestHandler: (commit: unknown) => scalarsOnly(commit),
    xhrWithCredentials: true,
    xhrHeaders: { 'x-csrf-token': options.csrfToken ?? '' },
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
  if (launch.cmi && Object.keys(launch.cmi).length > 0) api.loadFromFlattenedJSON(launch.cmi, '');
  if (options.onCommitted) api.on('CommitSuccess', options.onCommitted);
  if (options.onCommitError) api.on('CommitError', options.onCommitError);
}

export function stopScormRuntime(): void {
  const target = window as ScormWindow;
  delete target.API;
  delete target.API_1484_11;
}

import fs from 'node:fs';
import path from 'node:path';

// The staff app's HTML, per address, with what the page at that address needs first announced up front: its code
// (the chunks, read from the build's manifest) and its first API reads. The browser fetches them while it fetches
// the app's entry, instead of discovering them only once the entry has run.

/** As much of Vite's .vite/manifest.json as this reads. */
interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Addresses whose page code is announced, with the page's source module (as the manifest names it). */
const PROJECT_ADDRESS = /^\/projects\/([0-9a-f-]{36})\/?(?:[?#].*)?$/i;
const PAGES: { address: RegExp; module: string }[] = [{ address: PROJECT_ADDRESS, module: 'features/projects/ProjectPage.tsx' }];

/** The manifest keys a chunk loads with it (itself and its static imports, recursively). */
function chunksOf(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key) || !manifest[key]) return seen;
  seen.add(key);
  for (const next of manifest[key].imports ?? []) chunksOf(manifest, next, seen);
  return seen;
}

/** The <link> tags that fetch a page's chunks and style sheets beside the entry (which loads what it needs itself). */
export function preloadLinks(manifest: Manifest, module: string, entry = 'index.html'): string {
  const loaded = chunksOf(manifest, entry);
  const loadedCss = new Set([...loaded].flatMap((key) => manifest[key]!.css ?? []));
  const chunks = [...chunksOf(manifest, module)].filter((key) => !loaded.has(key));
  const scripts = chunks.map((key) => `<link rel="modulepreload" crossorigin href="/${manifest[key]!.file}">`);
  // Preloaded, not applied: the page's loader adds the style sheet when the page runs, from the browser's cache.
  const styles = [...new Set(chunks.flatMap((key) => manifest[key]!.css ?? []))]
    .filter((file) => !loadedCss.has(file))
    .map((file) => `<link rel="preload" as="style" crossorigin href="/${file}">`);
  return [...scripts, ...styles].join('');
}

/**
 * The API reads the app makes as soon as its script runs (the session on every page; the project on a project's page,
 * see preloadRoute in App.tsx), asked for by the HTML itself: the browser fetches them beside the scripts, and the
 * app's own fetch of the same URL takes the answer, instead of asking only once the scripts have arrived and run.
 */
export function dataLinks(url: string): string {
  const reads = ['/api/v1/session'];
  const project = PROJECT_ADDRESS.exec(url);
  if (project) reads.push(`/api/v1/projects/${project[1]!}`);
  return reads.map((read) => `<link rel="preload" as="fetch" crossorigin href="${read}">`).join('');
}

/**
 * For the built app in `webDir`: a function from a request's URL to the staff app's HTML to send for it (with the
 * page's chunks announced where there is a manifest, and its first API reads). Without a manifest, no chunks.
 */
export function staffPageFor(webDir: string, index: Buffer): (url: string) => Buffer {
  const html = index.toString('utf8');
  if (!html.includes('</head>')) return () => index;
  const manifestFile = path.join(webDir, '.vite', 'manifest.json');
  const manifest = fs.existsSync(manifestFile) ? (JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest) : undefined;
  const pages = PAGES.filter((page) => manifest?.[page.module]).map((page) => ({ address: page.address, links: preloadLinks(manifest!, page.module) }));
  return (url) => {
    const chunks = pages.find((page) => page.address.test(url))?.links ?? '';
    return Buffer.from(html.replace('</head>', `${chunks}${dataLinks(url)}</head>`));
  };
}

import fs from 'node:fs';
import path from 'node:path';

// The staff app's HTML, per address, with the code of the page at that address announced up front: the browser
// fetches the page's chunks while it fetches the app's entry, instead of discovering them only once the entry has
// run (one step less before the project page shows). The chunks are read from the build's manifest.

/** As much of Vite's .vite/manifest.json as this reads. */
interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Addresses whose page code is announced, with the page's source module (as the manifest names it). */
const PAGES: { address: RegExp; module: string }[] = [{ address: /^\/projects\/[0-9a-f-]{36}\/?(?:[?#].*)?$/i, module: 'features/projects/ProjectPage.tsx' }];

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
 * For the built app in `webDir`: a function from a request's URL to the staff app's HTML to send for it (the
 * plain index.html, or one with the page's chunks announced). Without a manifest, always the plain page.
 */
export function staffPageFor(webDir: string, index: Buffer): (url: string) => Buffer {
  const manifestFile = path.join(webDir, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestFile)) return () => index;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  const html = index.toString('utf8');
  const pages = PAGES.filter((page) => manifest[page.module] && html.includes('</head>')).map((page) => ({
    address: page.address,
    html: Buffer.from(html.replace('</head>', `${preloadLinks(manifest, page.module)}</head>`)),
  }));
  return (url) => pages.find((page) => page.address.test(url))?.html ?? index;
}

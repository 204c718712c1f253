import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown } from 'vite';

const web = path.resolve(import.meta.dirname, 'src/web');
const src = path.resolve(import.meta.dirname, 'src');
const VENDOR = /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|cookie|set-cookie-parser)[\\/]/;

// The web app lives in src/web; the server serves the built files from dist/web.
// Two entries: the staff app (index.html) and the customer portal (portal.html), which must never load
// the staff app's code. The manifest lets bench/portal-bundle.mjs and the portal browser test check that.
export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    manifest: true,
    // Every browser Landfall supports has <link rel="modulepreload"> (Chrome 66, Safari 17, Firefox 115): no polyfill,
    // which was a file of its own on every first load.
    modulePreload: { polyfill: false },
    // rolldownOptions is Vite 8's name for rollupOptions (which it keeps only as a deprecated alias).
    rolldownOptions: {
      input: { index: path.join(web, 'index.html'), portal: path.join(web, 'portal.html') },
      output: {
        // React, the router and the query cache change far less often than the app: one hashed chunk of their own,
        // shared by both entries, stays in the browser's cache across deploys of the app. The heavy libraries of a
        // few pages (recharts, @dnd-kit, luxon, scorm-again) are left to the chunks of the pages that import them.
        // Our code that several chunks share is gathered into a few chunks (see appChunk); what one chunk alone uses
        // stays in it. Without following imports: a gathered module's own imports go where their own rule says.
        codeSplitting: {
          groups: [
            { name: 'vendor', test: VENDOR, priority: 2 },
            { name: appChunk, debugName: 'app', minShareCount: 2, priority: 1, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

/**
 * Writes a .br and a .gz beside every built script, style sheet, SVG and HTML page, so the server sends them
 * compressed without spending its own time on it (@fastify/static's preCompressed serves them by Accept-Encoding).
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'landfall-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(js|css|svg|html|json)$/.test(file));
      for (const file of files) {
        const full = path.join(outDir, file);
        const bytes = fs.readFileSync(full);
        if (bytes.length < 1024) continue;
        fs.writeFileSync(`${full}.br`, zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
        fs.writeFileSync(`${full}.gz`, zlib.gzipSync(bytes, { level: 9 }));
      }
    },
  };
}


/** The modules below `roots` (themselves included), by static imports only or by dynamic ones too. */
function modulesBelow(ctx: Rolldown.ChunkingContext, roots: string[], dynamic = false): Set<string> {
  const found = new Set<string>();
  const visit = (id: string) => {
    if (found.has(id)) return;
    found.add(id);
    const info = ctx.getModuleInfo(id);
    for (const next of [...(info?.importedIds ?? []), ...(dynamic ? (info?.dynamicallyImportedIds ?? []) : [])]) visit(next);
  };
  roots.forEach(visit);
  return found;
}

/** What appChunk needs to know of the module graph, worked out once per build. */
function readGraph(ctx: Rolldown.ChunkingContext) {
  const staffEntry = path.join(web, 'main.tsx');
  const portalEntry = path.join(web, 'portal', 'main.tsx');
  // The modules that bring, through their static imports, a library other than the vendor chunk's.
  const withLibrary = new Set<string>();
  const climb = (id: string) => {
    for (const importer of ctx.getModuleInfo(id)?.importers ?? []) {
      if (withLibrary.has(importer)) continue;
      withLibrary.add(importer);
      climb(importer);
    }
  };
  for (const id of modulesBelow(ctx, [staffEntry, portalEntry], true)) if (id.includes('node_modules') && !VENDOR.test(id)) climb(id);
  return {
    ctx,
    staff: modulesBelow(ctx, [staffEntry]),
    portal: modulesBelow(ctx, [portalEntry]),
    projectPage: modulesBelow(ctx, [path.join(web, 'features', 'projects', 'ProjectPage.tsx')]),
    // The dashboard is the heaviest first load (the charts): what it shares with the project page is left out of the
    // project-page chunk, so that opening the dashboard does not load the project page's code too.
    dashboard: modulesBelow(ctx, [path.join(web, 'features', 'insight', 'InsightApp.tsx')]),
    withLibrary,
  };
}
let graph: ReturnType<typeof readGraph> | undefined;

/**
 * The chunk for a module of ours that more than one chunk uses (null: left to Rolldown, which gives each set of users
 * a chunk of its own — the project page came as 38 files of a few hundred bytes each, six at a time over HTTP/1.1):
 * - what the portal loads up front and the staff app uses too (ui primitives, the fetch helper): one `ui` chunk;
 * - what the staff app's entry loads up front stays in the entry;
 * - what the project page needs (the page most opened, and opened cold from links in mail and chat): one chunk,
 *   which the other pages that share some of it load too — unless it brings a library with it (zod, luxon, the
 *   charts), which stays with the pages that use it.
 */
function appChunk(id: string, ctx: Rolldown.ChunkingContext): string | null {
  if (id.includes('node_modules')) return null;
  if (graph?.ctx !== ctx) graph = readGraph(ctx);
  // (Vite's helper that loads a chunk with its imports goes with the ui: both entries need it.)
  if (graph.portal.has(id) && (id.startsWith(src) || id.includes('vite/preload-helper'))) return 'ui';
  if (!id.startsWith(src) || graph.staff.has(id) || graph.withLibrary.has(id)) return null;
  return graph.projectPage.has(id) && !graph.dashboard.has(id) ? 'project-page' : null;
}

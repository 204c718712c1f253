// What the customer portal downloads on first load (gzipped JS), against the staff app; no staff code in it.
// Builds the web app with hidden source maps into dist/portal-bundle-bench (dist/web is left alone), walks each
// entry's static imports in .vite/manifest.json, and fails when a portal first-load chunk is staff-only or
// holds staff code, or when the portal's first load reaches 150 KB gzipped. Run: npm run bench -- portal-bundle
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const LIMIT_KB = 150;
const repo = path.resolve(import.meta.dirname, '..');
const outDir = path.join(repo, 'dist', 'portal-bundle-bench');
// The staff app's own code: its pages and features, its shell and session. The portal may share the ui
// primitives, the fetch helper and the core, never these.
const STAFF_CODE = /src\/web\/(main\.tsx|features\/|app\/(App|Layout|Logo|session)\.tsx)/;

const vite = path.join(repo, 'node_modules', '.bin', 'vite');
const build = spawnSync(vite, ['build', '--logLevel', 'warn', '--sourcemap', 'hidden', '--outDir', outDir, '--emptyOutDir'], { cwd: repo, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

/** @type {Record<string, {file: string, imports?: string[], dynamicImports?: string[], css?: string[]}>} */
const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8'));

/** The chunks an entry loads: its static imports, and with `dynamic` also what it may load later. */
function graph(entry, dynamic) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of [...(manifest[key].imports ?? []), ...(dynamic ? (manifest[key].dynamicImports ?? []) : [])]) visit(next);
  };
  visit(entry);
  return seen;
}

const gzipKb = (keys) =>
  [...keys].reduce((sum, key) => sum + zlib.gzipSync(fs.readFileSync(path.join(outDir, manifest[key].file)), { level: 9 }).length, 0) / 1024;

/** The source modules bundled into a chunk, from its (hidden) source map. */
const modulesOf = (key) => {
  const map = path.join(outDir, `${manifest[key].file}.map`);
  return fs.existsSync(map) ? JSON.parse(fs.readFileSync(map, 'utf8')).sources : [];
};

const portal = graph('portal.html', false);
const staff = graph('index.html', false);
const staffOnly = new Set([...graph('index.html', true)].filter((key) => !graph('portal.html', true).has(key)));
const offending = [...portal].filter((key) => staffOnly.has(key) || modulesOf(key).some((source) => STAFF_CODE.test(source)));

const result = {
  bench: 'portal-bundle',
  portal_first_load_js_gzip_kb: Number(gzipKb(portal).toFixed(1)),
  staff_first_load_js_gzip_kb: Number(gzipKb(staff).toFixed(1)),
  staff_chunks_in_portal: offending.length,
};
for (const key of offending) {
  console.error(`staff code in the portal's first load: ${manifest[key].file} (${modulesOf(key).filter((s) => STAFF_CODE.test(s)).join(', ')})`);
}
if (result.portal_first_load_js_gzip_kb >= LIMIT_KB) console.error(`the portal's first load is ${result.portal_first_load_js_gzip_kb} KB gzipped (limit ${LIMIT_KB} KB)`);
console.log(JSON.stringify(result));
if (offending.length > 0 || result.portal_first_load_js_gzip_kb >= LIMIT_KB) process.exit(1);

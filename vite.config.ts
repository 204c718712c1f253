import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const web = path.resolve(import.meta.dirname, 'src/web');

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
    // rolldownOptions is Vite 8's name for rollupOptions (which it keeps only as a deprecated alias).
    rolldownOptions: {
      input: { index: path.join(web, 'index.html'), portal: path.join(web, 'portal.html') },
      output: {
        // React, the router and the query cache change far less often than the app: one hashed chunk of their own,
        // shared by both entries, stays in the browser's cache across deploys of the app. The heavy libraries of a
        // few pages (recharts, @dnd-kit, luxon, scorm-again) are left to the chunks of the pages that import them.
        codeSplitting: {
          groups: [{ name: 'vendor', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|cookie|set-cookie-parser)[\\/]/ }],
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

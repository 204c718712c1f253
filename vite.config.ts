import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const web = path.resolve(import.meta.dirname, 'src/web');

// The web app lives in src/web; the server serves the built files from dist/web.
// Two entries: the staff app (index.html) and the customer portal (portal.html), which must never load
// the staff app's code. The manifest lets bench/portal-bundle.mjs and the portal browser test check that.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    manifest: true,
    // rolldownOptions is Vite 8's name for rollupOptions (which it keeps only as a deprecated alias).
    rolldownOptions: { input: { index: path.join(web, 'index.html'), portal: path.join(web, 'portal.html') } },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestEnv } from '../test/harness.ts';

let env: TestEnv;
let webDir: string;
const script = `console.log(${JSON.stringify('landfall '.repeat(400))});\n`;

beforeAll(async () => {
  // A built web app as `vite build` leaves it: hashed assets with their .br and .gz beside them.
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'landfall-web-'));
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><head><title>Landfall</title><script src="/assets/index-AbC123.js"></script></head>');
  // The manifest as Vite writes it: the project page's chunk imports one of its own, one of the entry's, and the entry.
  fs.mkdirSync(path.join(webDir, '.vite'));
  fs.writeFileSync(
    path.join(webDir, '.vite', 'manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/index-AbC123.js', imports: ['_vendor-V1.js'], css: ['assets/index-C1.css'] },
      '_vendor-V1.js': { file: 'assets/vendor-V1.js' },
      '_dates-D1.js': { file: 'assets/dates-D1.js', css: ['assets/dates-D2.css'] },
      'features/projects/ProjectPage.tsx': { file: 'assets/ProjectPage-P1.js', imports: ['_vendor-V1.js', 'index.html', '_dates-D1.js'] },
    }),
  );
  fs.writeFileSync(path.join(webDir, 'portal.html'), '<!doctype html><title>Portal</title>');
  fs.writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const asset = path.join(webDir, 'assets', 'index-AbC123.js');
  fs.writeFileSync(asset, script);
  fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(script));
  fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(script));
  env = await startTestEnv({ webDir });
});
afterAll(async () => {
  await env.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  env.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('the built web app', () => {
  it('sends a hashed script compressed as the browser accepts, and lets it be kept for good', async () => {
    const brotli = await get('/assets/index-AbC123.js', 'gzip, deflate, br');
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers['vary']).toMatch(/accept-encoding/i);

    const gzip = await get('/assets/index-AbC123.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('asks the browser to check again for what has no hash in its name: the pages and the icon', async () => {
    expect((await get('/favicon.svg')).headers['cache-control']).toBe('no-cache');
    const page = await get('/projects/some-project');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<title>Landfall</title>');
    expect((await get('/portal/projects/x')).body).toContain('<title>Portal</title>');
  });

  it("announces the project page's chunks in the HTML of a project's address, and only theirs", async () => {
    const project = (await get('/projects/4eb2bd6d-3bbe-4962-9857-b42089095e80')).body;
    expect(project).toContain('<link rel="modulepreload" crossorigin href="/assets/ProjectPage-P1.js">');
    expect(project).toContain('<link rel="modulepreload" crossorigin href="/assets/dates-D1.js">');
    expect(project).toContain('<link rel="preload" as="style" crossorigin href="/assets/dates-D2.css">');
    // What the entry loads itself is not announced twice.
    expect(project).not.toContain('vendor-V1.js');
    expect(project).not.toContain('modulepreload" crossorigin href="/assets/index-AbC123.js');
    expect(project.indexOf('ProjectPage-P1.js')).toBeLessThan(project.indexOf('</head>'));
    for (const other of ['/projects', '/projects/4eb2bd6d-3bbe-4962-9857-b42089095e80/handoff', '/accounts']) {
      expect((await get(other)).body).not.toContain('modulepreload');
    }
  });

  it('asks for the first API reads in the HTML, beside the scripts: the session everywhere, the project on its page', async () => {
    const project = (await get('/projects/4eb2bd6d-3bbe-4962-9857-b42089095e80?tab=gantt')).body;
    expect(project).toContain('<link rel="preload" as="fetch" crossorigin href="/api/v1/session">');
    expect(project).toContain('<link rel="preload" as="fetch" crossorigin href="/api/v1/projects/4eb2bd6d-3bbe-4962-9857-b42089095e80">');
    expect(project.indexOf('/api/v1/projects/')).toBeLessThan(project.indexOf('</head>'));
    const accounts = (await get('/accounts')).body;
    expect(accounts).toContain('<link rel="preload" as="fetch" crossorigin href="/api/v1/session">');
    expect(accounts).not.toContain('/api/v1/projects/');
    expect((await get('/portal/projects/x')).body).not.toContain('/api/v1/session');
  });
});

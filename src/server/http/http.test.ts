import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, startTestEnv, type TestEnv } from '../test/harness.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

describe('a new installation', () => {
  it('reports its health and database', async () => {
    const health = await httpClient(env.app).get('/api/health');
    expect(health.body).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('offers first-admin sign-up once, even to two people at the same moment', async () => {
    const visitor = httpClient(env.app);
    expect((await visitor.get('/api/v1/setup')).body).toEqual({ needsSetup: true });
    const bad = await visitor.post('/api/v1/setup', { workspaceName: '', name: 'Ann', email: 'not-an-email', password: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string[] }) => e.path[1])).toEqual(
      expect.arrayContaining(['workspaceName', 'email', 'password']),
    );
    expect((await visitor.get('/api/v1/setup')).body).toEqual({ needsSetup: true });

    const both = await Promise.all([
      visitor.post('/api/v1/setup', { workspaceName: 'Acme', name: 'Ann', email: 'ann@acme.test', password: 'a long password 1' }),
      visitor.post('/api/v1/setup', { workspaceName: 'Acme 2', name: 'Bob', email: 'bob@acme.test', password: 'a long password 2' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await visitor.get('/api/v1/setup')).body).toEqual({ needsSetup: false });
    const winner = both.find((r) => r.status === 201)!;
    expect(winner.body.member.role).toBe('admin');
  });
});

describe('HTTP rules', () => {
  it('answers malformed JSON, wrong media types and unknown routes with problem+json', async () => {
    const raw = await env.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(raw.statusCode).toBe(400);
    expect(raw.headers['content-type']).toContain('application/problem+json');
    expect(raw.json().detail).toMatch(/not valid JSON/);

    const form = await env.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().detail).toMatch(/JSON/);

    const missing = await httpClient(env.app).get('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('There is no GET /api/v1/nothing-here endpoint.');
  });

  it('asks to sign in, in problem+json, when no session is given', async () => {
    const response = await httpClient(env.app).get('/api/v1/accounts');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ status: 401, title: 'Not signed in' });
  });

  it('documents every API route in OpenAPI 3.1', async () => {
    const spec = (await httpClient(env.app).get('/api/openapi.json')).body;
    expect(spec.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{([\w*]+)\}/g, (_m, name: string) => (name === "*" ? "*" : `:${name}`))}`),
      ),
    );
    const apiRoutes = env.app.landfallRoutes.filter(
      (route) => route.url.startsWith('/api/v1/') || route.url.startsWith('/api/portal/v1/') || route.url === '/api/health',
    );
    for (const route of apiRoutes) expect(documented, `${route.method} ${route.url}`).toContain(`${route.method} ${route.url}`);
    const docs = await env.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('Swagger UI');
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, setCsrfToken } from './api.ts';

function stubFetch(response: () => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return response();
    }),
  );
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
});

describe('talking to the API', () => {
  it('sends the CSRF token on writes, and a JSON content type only when there is a body', async () => {
    setCsrfToken('t0k');
    const calls = stubFetch(() => new Response(JSON.stringify({ id: 'a1' }), { headers: { 'content-type': 'application/json' } }));
    await api.post('/accounts/a1/archive');
    await api.patch('/accounts/a1', { name: 'New name' });
    await api.get('/accounts');

    const [archive, patch, list] = calls.map((call) => ({ ...call, headers: new Headers(call.init.headers) }));
    expect(archive?.headers.get('x-csrf-token')).toBe('t0k');
    expect(archive?.headers.has('content-type')).toBe(false);
    expect(archive?.init.body).toBeUndefined();
    expect(patch?.headers.get('content-type')).toBe('application/json');
    expect(patch?.init.body).toBe('{"name":"New name"}');
    expect(list?.headers.has('x-csrf-token')).toBe(false);
    expect(calls.every((call) => call.init.credentials === 'same-origin')).toBe(true);
  });

  it('turns problem+json into an error that carries the detail, the field errors and Retry-After', async () => {
    stubFetch(
      () =>
        new Response(JSON.stringify({ title: 'Too many requests', status: 429, detail: 'Too many sign-in attempts.', errors: [] }), {
          status: 429,
          headers: { 'content-type': 'application/problem+json', 'retry-after': '60' },
        }),
    );
    const error = await api.post('/session', { email: 'a@b.co', password: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('Too many sign-in attempts.');
    expect((error as ApiError).retryAfter).toBe(60);
  });

  it('explains a server error that is not JSON in plain words', async () => {
    stubFetch(() => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = (await api.get('/accounts').catch((caught: unknown) => caught)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.message).toBe('Something went wrong on our side. Please try again in a moment.');
  });
});

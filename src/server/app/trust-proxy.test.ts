import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { startTestEnv, type TestEnv } from '../test/harness.ts';
import { buildApp, type App } from './app.ts';

let env: TestEnv;
beforeAll(async () => {
  // Behind https, as in production; TRUST_PROXY left at its default (off).
  const https = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'https://landfall.test' });
  env = await startTestEnv({ publicUrl: https.publicUrl, secureCookies: true, trustProxy: https.trustProxy });
});
afterAll(() => env.close());

const failSignIn = (app: App, remoteAddress: string, n: number, forwardedFor?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/session',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    remoteAddress,
    payload: JSON.stringify({ email: `guess-${remoteAddress}-${n}@nowhere.test`, password: 'wrong' }),
  });

describe('TRUST_PROXY', () => {
  it('is off by default, so after 30 failed sign-ins from an address a made-up X-Forwarded-For gets no fresh tries', async () => {
    expect(env.services.config.trustProxy).toBe(false);
    for (let n = 0; n < 30; n++) expect((await failSignIn(env.app, '198.51.100.7', n)).statusCode).toBe(400);
    expect((await failSignIn(env.app, '198.51.100.7', 30)).statusCode).toBe(429);
    expect((await failSignIn(env.app, '198.51.100.7', 31, '203.0.113.99')).statusCode).toBe(429);
  });

  it('believes the proxies it is told to: then each client behind the proxy has its own count', async () => {
    const behindProxy = await buildApp({ ...env.services, config: { ...env.services.config, trustProxy: ['10.0.0.5'] } });
    try {
      for (let n = 0; n < 30; n++) expect((await failSignIn(behindProxy, '10.0.0.5', n, '192.0.2.10')).statusCode).toBe(400);
      expect((await failSignIn(behindProxy, '10.0.0.5', 30, '192.0.2.10')).statusCode).toBe(429);
      expect((await failSignIn(behindProxy, '10.0.0.5', 31, '192.0.2.11')).statusCode).toBe(400);
      // Another address claiming to forward is not the proxy: its header is ignored.
      for (let n = 0; n < 30; n++) await failSignIn(behindProxy, '198.51.100.8', n, `192.0.2.${100 + n}`);
      expect((await failSignIn(behindProxy, '198.51.100.8', 30, '192.0.2.250')).statusCode).toBe(429);
    } finally {
      await behindProxy.close();
    }
  });

  it('reads off, a hop count or a list of addresses, and refuses anything else at start', () => {
    const trust = (TRUST_PROXY: string) => loadConfig({ TRUST_PROXY }).trustProxy;
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(trust('off')).toBe(false);
    expect(trust('1')).toBe(1);
    expect(trust('10.0.0.1, 10.1.0.0/16,::1')).toEqual(['10.0.0.1', '10.1.0.0/16', '::1']);
    expect(() => trust('yes please')).toThrow(/TRUST_PROXY: "yes please" is not an address/);
  });
});

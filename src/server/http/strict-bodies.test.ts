import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeWorkspace, signedInClient, startTestEnv, type TestEnv } from '../test/harness.ts';

/**
 * Every object a request body may carry refuses keys it does not know (a misspelt field would otherwise be dropped
 * and the caller told it worked). Read from the OpenAPI, so a new route is checked without touching this test.
 */

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

type JsonSchema = { [key: string]: unknown };

/** Paths inside a JSON schema of objects that accept keys they do not name. */
function lenientObjects(schema: unknown, at: string): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as JsonSchema;
  const found: string[] = [];
  if (node.type === 'object' && node.properties && node.additionalProperties !== false) found.push(at || '(body)');
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, property] of Object.entries(value)) found.push(...lenientObjects(property, at ? `${at}.${name}` : name));
    } else if (Array.isArray(value)) value.forEach((item) => found.push(...lenientObjects(item, at)));
    else if (typeof value === 'object') found.push(...lenientObjects(value, key === 'items' ? `${at}[]` : at));
  }
  return found;
}

describe('request bodies', () => {
  it('refuse unknown keys, at every depth, on every route', () => {
    const spec = env.app.swagger() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>> };
    const lenient: string[] = [];
    let bodies = 0;
    for (const [path, operations] of Object.entries(spec.paths)) {
      // SCIM (RFC 7643 §3): identity providers send attributes and extension schemas a service provider does not
      // support (Okta's locale, Entra's enterprise extension…), which the provider must ignore, not refuse.
      if (path.startsWith('/scim/v2/')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        if (!schema) continue;
        bodies++;
        for (const where of [...new Set(lenientObjects(schema, ''))]) lenient.push(`${method.toUpperCase()} ${path}: ${where}`);
      }
    }
    expect(bodies).toBeGreaterThan(40);
    expect(lenient).toEqual([]);
  });

  it('answer a key the route does not take with a 400 naming it where it was sent, and change nothing', async () => {
    const { admin } = await makeWorkspace(env.services, 'Strict');
    const api = await signedInClient(env, admin);
    const account = await makeAccount(admin.ctx, { contractValue: 1000 });

    const misspelt = await api.patch(`/api/v1/accounts/${account.id}`, { contractValue: 2000, contract_value: 3000 });
    expect(misspelt.status).toBe(400);
    expect(misspelt.headers['content-type']).toContain('application/problem+json');
    expect(misspelt.body.detail).toBe('contract_value: is not a field of this request');
    expect(misspelt.body.errors).toEqual([{ path: ['body', 'contract_value'], message: 'is not a field of this request' }]);
    expect((await api.get(`/api/v1/accounts/${account.id}`)).body.contractValue).toBe(1000);

    const nested = await api.patch(`/api/v1/accounts/${account.id}`, { owners: [{ role: 'csm', memberId: admin.id, since: '2026-01-01' }] });
    expect(nested.status).toBe(400);
    expect(nested.body.errors).toEqual([{ path: ['body', 'owners', 0, 'since'], message: 'is not a field of this request' }]);

    const question = await api.post('/api/v1/handoff-questions/00000000-0000-4000-8000-000000000000/answer', { answers: 'We bought it for the reports' });
    expect(question.status).toBe(400);
    expect(question.body.errors).toContainEqual({ path: ['body', 'answers'], message: 'is not a field of this request' });
  });
});

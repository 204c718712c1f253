// Local stand-ins for the CRM endpoints write-back uses, over real HTTP: HubSpot's CRM v3
// PATCH /crm/v3/objects/{deals|companies}/{id} ({ properties }, string values) and Salesforce's
// PATCH /services/data/vXX.X/sobjects/{Opportunity|Account}/{id} (custom __c fields; 204 No Content). Each checks
// the bearer token and that the record exists (deals/opportunities in `records`, companies/accounts in `companies`).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CrmWrite {
  path: string;
  token: string;
  body: Record<string, unknown>;
}

export interface FakeCrm {
  url: string;
  writes: CrmWrite[];
  /** The next answers are these statuses (one per request). */
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

export async function startFakeCrm(kind: 'hubspot' | 'salesforce', options: { token: string; records: string[]; companies?: string[] }): Promise<FakeCrm> {
  const writes: CrmWrite[] = [];
  const failures: number[] = [];
  const pattern = kind === 'hubspot' ? /^\/crm\/v3\/objects\/(deals|companies)\/([^/]+)$/ : /^\/services\/data\/v\d+\.\d\/sobjects\/(Opportunity|Account)\/([^/]+)$/;
  const server = http.createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    request.on('end', () => {
      const send = (status: number, body?: unknown) => {
        response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
        response.end(body === undefined ? undefined : JSON.stringify(body));
      };
      const match = pattern.exec(request.url ?? '');
      if (request.method !== 'PATCH' || !match) return send(404, { message: 'Not found' });
      if (request.headers.authorization !== `Bearer ${options.token}`) return send(401, kind === 'hubspot' ? { status: 'error', category: 'INVALID_AUTHENTICATION' } : [{ errorCode: 'INVALID_SESSION_ID' }]);
      const failure = failures.shift();
      if (failure) return send(failure, { message: 'try later' });
      const company = match[1] === 'companies' || match[1] === 'Account';
      const id = decodeURIComponent(match[2]!);
      if (!(company ? (options.companies ?? []) : options.records).includes(id)) return send(404, { message: 'Object not found' });
      const body = JSON.parse(raw) as Record<string, unknown>;
      if (kind === 'hubspot') {
        const properties = body.properties;
        if (typeof properties !== 'object' || properties === null) return send(400, { status: 'error', message: 'properties is required' });
        const bad = Object.entries(properties).find(([, value]) => typeof value !== 'string');
        if (bad) return send(400, { status: 'error', category: 'VALIDATION_ERROR', message: `Property values must be strings: ${bad[0]}` });
      } else {
        const bad = Object.keys(body).find((field) => !field.endsWith('__c'));
        if (bad) return send(400, [{ errorCode: 'INVALID_FIELD', message: `No such column '${bad}' on sobject` }]);
      }
      writes.push({ path: request.url!, token: options.token, body });
      if (kind === 'hubspot') return send(200, { id, properties: body.properties });
      send(204);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    writes,
    failNext: (...statuses) => failures.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// A local stand-in for Slack's Web API: the few methods Landfall calls (auth.test, chat.postMessage,
// conversations.create, users.info, users.lookupByEmail), over real HTTP, checking the bot token and arguments
// the way Slack does (a missing argument is an error, an unknown token is invalid_auth); and the response_url of a
// button press (/actions/…), which keeps what Landfall answered there.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  token: string | undefined;
  args: Record<string, unknown>;
}

export interface FakeSlack {
  url: string;
  calls: SlackCall[];
  /** Users the workspace has: Slack user id → email. */
  users: Map<string, string>;
  /** What was posted to response_urls, oldest first: the url and the JSON body. */
  responses: { url: string; body: Record<string, unknown> }[];
  /** A fresh response_url, as Slack puts one in each interaction payload. */
  responseUrl(): string;
  /** The next answers of a method are these errors (one per call). */
  failNext(method: string, ...errors: string[]): void;
  close(): Promise<void>;
}

const REQUIRED: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['channel'],
  'conversations.create': ['name'],
  'users.info': ['user'],
  'users.lookupByEmail': ['email'],
};

export async function startFakeSlack(validToken: string): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const responses: FakeSlack['responses'] = [];
  const users = new Map<string, string>();
  const failures = new Map<string, string[]>();
  const channels = new Map<string, string>();
  let counter = 0;

  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return { ok: true, team: 'Northwind HQ', team_id: 'T0NORTH', user_id: 'U0BOT', bot_id: 'B0BOT' };
      case 'conversations.create': {
        const name = String(args.name);
        if (!/^[a-z0-9_-]{1,80}$/.test(name)) return { ok: false, error: 'invalid_name_specials' };
        if ([...channels.values()].includes(name)) return { ok: false, error: 'name_taken' };
        const id = `C0NEW${String(++counter).padStart(4, '0')}`;
        channels.set(id, name);
        return { ok: true, channel: { id, name, is_channel: true } };
      }
      case 'chat.postMessage':
        if (!args.text && !args.blocks) return { ok: false, error: 'no_text' };
        return { ok: true, channel: args.channel, ts: `1700000000.${String(++counter).padStart(6, '0')}` };
      case 'users.info': {
        const email = users.get(String(args.user));
        return email ? { ok: true, user: { id: args.user, profile: { email } } } : { ok: false, error: 'user_not_found' };
      }
      case 'users.lookupByEmail': {
        const found = [...users].find(([, email]) => email === args.email);
        return found ? { ok: true, user: { id: found[0], profile: { email: found[1] } } } : { ok: false, error: 'users_not_found' };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      if ((request.url ?? '').startsWith('/actions/')) {
        responses.push({ url: request.url!, body: JSON.parse(body || '{}') as Record<string, unknown> });
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end(JSON.stringify({ ok: true }));
      }
      const method = (request.url ?? '').replace(/^\/(api\/)?/, '').split('?')[0]!;
      const type = String(request.headers['content-type'] ?? '');
      const args: Record<string, unknown> = type.includes('json') ? (JSON.parse(body || '{}') as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(body));
      const token = String(request.headers.authorization ?? '').replace(/^Bearer /, '') || (args.token as string | undefined);
      calls.push({ method, token, args });
      const send = (payload: Record<string, unknown>) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(payload));
      };
      if (!(method in REQUIRED)) return send({ ok: false, error: 'unknown_method' });
      if (token !== validToken) return send({ ok: false, error: token ? 'invalid_auth' : 'not_authed' });
      const missing = REQUIRED[method]!.find((name) => args[name] === undefined || args[name] === '');
      if (missing) return send({ ok: false, error: 'invalid_arguments', response_metadata: { messages: [`[ERROR] missing required field: ${missing}`] } });
      const failure = failures.get(method)?.shift();
      if (failure) return send({ ok: false, error: failure });
      send(answer(method, args));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    users,
    responses,
    responseUrl: () => `http://127.0.0.1:${port}/actions/T0NORTH/${String(++counter).padStart(6, '0')}/hook`,
    failNext: (method, ...errors) => failures.set(method, [...(failures.get(method) ?? []), ...errors]),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

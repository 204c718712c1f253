import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Serialized answers of one route, each kept with the workspace data version it was built at (see data_versions in
 * db/schema.ts). The version is read from the database with the actor on every request, so an answer is reused only
 * while the database still holds exactly the data it was built from, whichever process or connection wrote last.
 * Bounded by bytes, least recently used first out.
 */
export interface AnswerCache {
  get(key: string, version: number): Answer | undefined;
  set(key: string, answer: Answer): void;
}

export interface Answer {
  version: number | null;
  body: Buffer;
  etag: string;
}

export function answerCache(maxBytes: number): AnswerCache {
  const answers = new Map<string, Answer>();
  let bytes = 0;
  const remove = (key: string) => {
    const gone = answers.get(key);
    if (!gone) return;
    answers.delete(key);
    bytes -= gone.body.length;
  };
  return {
    get(key, version) {
      const answer = answers.get(key);
      if (!answer || answer.version !== version) return undefined;
      // Most recently used last: Map keeps insertion order.
      answers.delete(key);
      answers.set(key, answer);
      return answer;
    },
    set(key, answer) {
      remove(key);
      if (answer.body.length > maxBytes) return;
      answers.set(key, answer);
      bytes += answer.body.length;
      for (const oldest of answers.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
    },
  };
}

const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

/** If-None-Match compares weakly (RFC 9110 §13.1.2): W/"x" matches "x"; * matches any answer. */
function notModified(ifNoneMatch: string | undefined, etag: string) {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const candidate = tag.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === etag;
  });
}

/**
 * Sends a JSON answer from the cache when the workspace's data version is still the one it was built at, and builds,
 * serializes (through the route's response schema) and keeps it otherwise. `key` must name everything the answer
 * depends on besides the workspace's data (the workspace itself, the parsed query). Always answers with an ETag,
 * and 304 when the client already has this answer. `version` is the workspace's account data version unless another
 * version (read in this request, before building) is given.
 */
export async function sendCachedJson(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: AnswerCache,
  key: string,
  build: () => Promise<unknown>,
  version: number | null = request.dataVersion,
): Promise<void> {
  let answer = version === null ? undefined : cache.get(key, version);
  if (!answer) {
    const body = Buffer.from(reply.serialize(await build()) as string);
    answer = { version, body, etag: etagOf(body) };
    if (version !== null) cache.set(key, answer);
  }
  // Private (it depends on who asks) and checked with the server every time.
  reply.header('etag', answer.etag).header('cache-control', 'private, no-cache');
  if (notModified(request.headers['if-none-match'], answer.etag)) reply.code(304).send();
  else reply.type('application/json; charset=utf-8').send(answer.body);
}

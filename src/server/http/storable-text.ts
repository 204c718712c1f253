import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from './errors.ts';

/**
 * PostgreSQL cannot store the NUL character (U+0000) in text or JSON, and says so with an error that would be a 500.
 * So a request carrying one anywhere (a path parameter, the query, a body's values or keys) is refused here, once for
 * every route, before its handler runs: a 400 naming where it was.
 */
export function registerStorableText(app: FastifyInstance): void {
  // Before the access hook too: a token in the path is looked up before validation.
  app.addHook('onRequest', async (request) => refuseNul(request, ['params', 'query']));
  app.addHook('preValidation', async (request) => refuseNul(request, ['body']));
}

const NUL = '\u0000';

function refuseNul(request: FastifyRequest, parts: ('params' | 'query' | 'body')[]) {
  const errors: FieldError[] = [];
  for (const part of parts) findNul(request[part], [part], errors);
  if (errors.length === 0) return;
  const where = errors[0]!.path.slice(1).join('.') || errors[0]!.path[0];
  throw new AppError('invalid', `${where}: cannot contain the NUL character (U+0000)`, { errors });
}

/** Walks with a stack of its own, so a body nested ten thousand deep cannot overflow the call stack. */
function findNul(root: unknown, rootPath: (string | number)[], errors: FieldError[]): void {
  const message = 'cannot contain the NUL character (U+0000)';
  const stack: [unknown, (string | number)[]][] = [[root, rootPath]];
  while (stack.length > 0 && errors.length < 10) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) errors.push({ path, message });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push([item, [...path, index]]));
    } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes(NUL)) errors.push({ path: [...path, key], message });
        else stack.push([item, [...path, key]]);
      }
    }
  }
}

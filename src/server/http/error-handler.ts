import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { plainPath } from '../../contract/plain-errors.ts';
import { isForeignKeyViolation } from '../db/errors.ts';
import { AppError, type ErrorCode, type FieldError } from './errors.ts';

/** The HTTP status of each error code: the one mapping (SCIM's error format, modules/scim, uses it too). */
export const statusOf: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

const titles: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal server error',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: FieldError[];
}

function problem(status: number, detail: string, errors: FieldError[] = []): Problem {
  return { type: 'about:blank', title: titles[status] ?? 'Error', status, detail, errors };
}

function describeZodIssues(
  issues: { instancePath: string; keyword?: string; message?: string; params?: unknown }[],
  part: string,
): FieldError[] {
  return issues.flatMap((issue) => {
    const path = [part, ...issue.instancePath.split('/').filter(Boolean)].map((segment) =>
      /^\d+$/.test(segment) ? Number(segment) : segment,
    );
    // A key the request does not take is named where it was sent, one error each (zod reports them together).
    const keys = issue.keyword === 'unrecognized_keys' ? (issue.params as { keys?: string[] } | undefined)?.keys : undefined;
    if (keys?.length) return keys.map((key) => ({ path: [...path, key], message: NOT_A_FIELD }));
    return [{ path, message: issue.message ?? 'is invalid' }];
  });
}

const NOT_A_FIELD = 'is not a field of this request';

function summarise(errors: FieldError[]): string {
  const first = errors[0];
  if (!first) return 'The request is invalid.';
  const path = first.path.slice(1).length ? first.path.slice(1) : first.path;
  // A key the request does not take is named exactly as it was sent; a known field, as a person calls it.
  const where = first.message === NOT_A_FIELD ? path.join('.') : plainPath(path);
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return `${where}: ${first.message}${more}`;
}

/** Maps every error to application/problem+json (RFC 9457) in one place. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let body: Problem;
    if (error instanceof AppError) {
      body = problem(statusOf[error.code], error.message, error.errors);
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = describeZodIssues(error.validation, error.validationContext ?? 'body');
      body = problem(400, summarise(errors), errors);
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause?.issues }, 'response did not match its schema');
      body = problem(500, 'Something went wrong on our side. It has been logged.');
    } else if (isForeignKeyViolation(error)) {
      // A safety net: services check what they delete or link, and say which; this catches a check forgotten.
      request.log.warn({ err: error }, 'foreign key violation reached the error handler');
      body = problem(409, 'This change refers to something that no longer exists, or removes something other records still use. Nothing was changed.');
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      body = problem(error.statusCode, plainClientMessage(error));
    } else {
      request.log.error({ err: error }, 'unhandled error');
      body = problem(500, 'Something went wrong on our side. It has been logged.');
    }
    return reply.status(body.status).type('application/problem+json').send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body = problem(404, `There is no ${request.method} ${request.url.split('?')[0]} endpoint.`);
    return reply.status(404).type('application/problem+json').send(body);
  });
}

export function plainClientMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the request body as JSON (Content-Type: application/json).';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request says it carries JSON but the body is empty.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    default:
      if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
        return `The request body is not valid JSON: ${error.message}`;
      return error.message;
  }
}

// One error type with a small closed set of codes; the HTTP mapping lives in error-handler.ts.

export type ErrorCode = 'not_found' | 'invalid' | 'conflict' | 'unauthenticated' | 'forbidden' | 'rate_limited';

export interface FieldError {
  /** Where the problem is, e.g. ['body', 'email'] or ['query', 'limit']. */
  path: (string | number)[];
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[];
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, options: { errors?: FieldError[]; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.errors = options.errors ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

const article = (thing: string) => (/^[aeiou]/i.test(thing) ? 'an' : 'a');

export const notFound = (thing: string) =>
  new AppError('not_found', `No ${thing} with that id exists in this workspace (${article(thing)} ${thing} may have been removed).`);

export const invalid = (message: string, field?: { path: (string | number)[] }) =>
  new AppError('invalid', message, { errors: field ? [{ path: field.path, message }] : [] });

export const conflict = (message: string, field?: { path: (string | number)[] }) =>
  new AppError('conflict', message, { errors: field ? [{ path: field.path, message }] : [] });

export const unauthenticated = (message = 'Sign in to continue.') => new AppError('unauthenticated', message);

export const forbidden = (message: string) => new AppError('forbidden', message);

export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new AppError('rate_limited', message, { retryAfterSeconds });

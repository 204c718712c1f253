// The one way the web app talks to the server: JSON over fetch, problem+json errors, CSRF header on writes.

export interface FieldProblem {
  /** e.g. ['body', 'email'] or ['body', 'owners', 0, 'memberId'] */
  path: (string | number)[];
  message: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail: string;
  errors: FieldProblem[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds to wait, from Retry-After on a 429. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

let csrfToken: string | undefined;

/** Set from SessionInfo when signed in; cleared on sign-out. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

let onUnauthenticated: (() => void) | undefined;

/** Called when a request made while signed in comes back 401 (the session expired or was revoked). */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    title: response.statusText || 'Error',
    status: response.status,
    detail:
      response.status >= 500
        ? 'Something went wrong on our side. Please try again in a moment.'
        : `The request failed (${response.status}).`,
    errors: [],
  };
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return fallback;
  try {
    const body = (await response.json()) as Partial<Problem>;
    return {
      ...fallback,
      ...body,
      status: response.status,
      detail: body.detail || body.title || fallback.detail,
      errors: Array.isArray(body.errors) ? body.errors : [],
    };
  } catch {
    return fallback;
  }
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return send<T>(method, `/api/v1${path}`, body, csrfToken, () => onUnauthenticated?.());
}

/** One request: JSON (or a FormData upload) in, JSON out, a problem+json error thrown as ApiError. */
export async function send<T>(
  method: Method,
  url: string,
  body: unknown,
  csrf: string | undefined,
  unauthenticated?: () => void,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body instanceof FormData) {
    init.body = body; // the browser sets multipart/form-data with its boundary
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;

  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError({
      title: 'Network error',
      status: 0,
      detail: 'Could not reach Landfall. Check your connection and try again.',
      errors: [],
    });
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    const retryAfter = Number(response.headers.get('retry-after')) || undefined;
    if (response.status === 401 && csrf) unauthenticated?.();
    throw new ApiError(problem, retryAfter);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
  /** A file as multipart/form-data in a field named "file". */
  upload: <T>(method: 'POST' | 'PUT', path: string, file: File) => {
    const body = new FormData();
    body.append('file', file);
    return request<T>(method, path, body);
  },
};

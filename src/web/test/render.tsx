// Test helpers: render a page inside the app's providers, with the network (fetch) answered by handlers.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, vi } from 'vitest';
import type { MemberRole } from '../../core/people.ts';
import { setCsrfToken } from '../app/api.ts';
import { SessionProvider } from '../app/session.tsx';
import { ToastProvider } from '../components/ui/Toast.tsx';
import type { Account } from '../features/accounts/accounts.api.ts';
import type { SessionInfo } from '../features/auth/auth.api.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
});

export function makeSession(role: MemberRole = 'onboarding_manager'): SessionInfo {
  return {
    member: { id: '00000000-0000-4000-8000-000000000001', name: 'Dana Whitfield', email: 'dana@vendor.test', role, createdAt: '2026-01-05T10:00:00.000Z' },
    workspace: { id: '00000000-0000-4000-8000-0000000000aa', name: 'Northwind Cloud', timezone: 'America/New_York', workingWeekdays: [1, 2, 3, 4, 5], holidays: [], holidayCountry: null, holidayRegion: null, publicHolidays: [] },
    csrfToken: 'csrf-test-token',
  };
}

export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

type Handler = (request: SentRequest) => { status?: number; body?: unknown; headers?: Record<string, string> };

/** Answers fetch('/api/v1/…') from `handlers`, keyed "METHOD /path" (no query string); records every request. */
export function mockApi(handlers: Record<string, Handler>) {
  const requests: SentRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const request: SentRequest = {
      method,
      path,
      query: url.searchParams,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    requests.push(request);
    const handler = handlers[`${method} ${path}`];
    if (!handler) {
      return new Response(JSON.stringify({ title: 'Not found', status: 404, detail: `No handler for ${method} ${path}`, errors: [] }), {
        status: 404,
        headers: { 'content-type': 'application/problem+json' },
      });
    }
    const answer = handler(request);
    const status = answer.status ?? 200;
    const isProblem = status >= 400;
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? null), {
      status,
      headers: { 'content-type': isProblem ? 'application/problem+json' : 'application/json', ...answer.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests };
}

export const problem = (status: number, detail: string, errors: { path: (string | number)[]; message: string }[] = []) => ({
  status,
  body: { type: 'about:blank', title: 'Invalid request', status, detail, errors },
});

/** Shows the current URL so tests can read what the app put in the address bar. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

export function renderPage(
  element: ReactNode,
  { path = '/', url = '/', session = makeSession() }: { path?: string; url?: string; session?: SessionInfo } = {},
) {
  setCsrfToken(session.csrfToken);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <MemoryRouter initialEntries={[url]}>
          <SessionProvider session={session}>
            <Routes>
              <Route path={path} element={element} />
              <Route path="*" element={<p>Elsewhere</p>} />
            </Routes>
            <LocationProbe />
          </SessionProvider>
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
}

export function makeAccount(overrides: Partial<Account> = {}): Account {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    name: 'Zephyr Logistics',
    domain: 'zephyr.io',
    industry: 'Logistics',
    segment: 'enterprise' as const,
    touchModel: 'high' as const,
    complexity: 'high' as const,
    contractValue: 250000,
    currency: 'USD',
    contractSignedOn: '2026-10-01',
    renewalOn: '2027-10-01',
    products: ['Platform'],
    timezone: 'America/New_York',
    laerStage: 'land' as const,
    owners: [],
    contactCount: 0,
    createdAt: '2026-10-01T09:00:00.000Z',
    updatedAt: '2026-10-01T09:00:00.000Z',
    archivedAt: null,
    ...overrides,
  };
}

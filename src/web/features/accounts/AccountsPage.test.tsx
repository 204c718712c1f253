// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeAccount, makeSession, mockApi, renderPage } from '../../test/render.tsx';
import { AccountsPage } from './AccountsPage.tsx';

const location = () => screen.getByTestId('location').textContent;

function serve(page: { items: unknown[]; total: number }) {
  return mockApi({
    'GET /accounts': (request) => ({
      body: { ...page, limit: Number(request.query.get('limit')), offset: Number(request.query.get('offset')) },
    }),
    'GET /accounts/facets': () => ({ body: { industries: ['Logistics', 'Retail'], products: [] } }),
    'GET /members': () => ({ body: [] }),
  });
}

describe('the accounts list', () => {
  it('loads the view the URL describes, and shows where it is in the list', async () => {
    const api = serve({ items: [makeAccount()], total: 10_000 });
    renderPage(<AccountsPage />, { path: '/accounts', url: '/accounts?segment=enterprise&sort=-contractValue&page=3' });

    expect(await screen.findByRole('link', { name: 'Zephyr Logistics' })).toBeTruthy();
    const list = api.requests.find((request) => request.path === '/accounts');
    expect(Object.fromEntries(list?.query ?? [])).toEqual({
      segment: 'enterprise',
      status: 'active',
      sort: '-contractValue',
      limit: '50',
      offset: '100',
    });
    expect((screen.getByLabelText('Segment') as HTMLSelectElement).value).toBe('enterprise');
    expect(screen.getByRole('navigation', { name: 'Pagination' }).textContent).toContain('101–150 of 10,000 accounts');
    expect(screen.getByRole('columnheader', { name: /Contract value/ }).getAttribute('aria-sort')).toBe('descending');
    const row = screen.getByRole('link', { name: 'Zephyr Logistics' }).closest('tr');
    expect(within(row as HTMLElement).getByText('$250,000')).toBeTruthy();
    expect(within(row as HTMLElement).getByText('Oct 1, 2026')).toBeTruthy();
  });

  it('puts a changed filter and sort in the URL and starts again from the first page', async () => {
    serve({ items: [makeAccount()], total: 120 });
    renderPage(<AccountsPage />, { path: '/accounts', url: '/accounts?page=2' });
    await screen.findByRole('link', { name: 'Zephyr Logistics' });

    fireEvent.change(screen.getByLabelText('Complexity'), { target: { value: 'high' } });
    expect(location()).toBe('/accounts?complexity=high');

    fireEvent.click(screen.getByRole('button', { name: /Renewal/ }));
    expect(location()).toBe('/accounts?complexity=high&sort=renewalOn');
  });

  it('searches once typing pauses', async () => {
    const api = serve({ items: [makeAccount()], total: 1 });
    renderPage(<AccountsPage />, { path: '/accounts', url: '/accounts' });
    await screen.findByRole('link', { name: 'Zephyr Logistics' });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search accounts' }), { target: { value: 'zeph' } });
    expect(location()).toBe('/accounts');
    await waitFor(() => expect(location()).toBe('/accounts?q=zeph'));
    await waitFor(() => expect(api.requests.some((request) => request.query.get('q') === 'zeph')).toBe(true));
  });

  it('invites the first account when there are none', async () => {
    serve({ items: [], total: 0 });
    renderPage(<AccountsPage />, { path: '/accounts', url: '/accounts' });
    expect(await screen.findByText('No accounts yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Create your first account' }).getAttribute('href')).toBe('/accounts/new');
  });

  it('offers to clear filters when nothing matches them', async () => {
    serve({ items: [], total: 0 });
    renderPage(<AccountsPage />, { path: '/accounts', url: '/accounts?industry=Retail&q=nothing&sort=-name' });
    expect(await screen.findByText('No accounts match these filters')).toBeTruthy();
    fireEvent.click(within(screen.getByText('No accounts match these filters').parentElement as HTMLElement).getByRole('button', { name: 'Clear filters' }));
    expect(location()).toBe('/accounts?sort=-name');
  });

  it('does not offer to create accounts to a read-only leader', async () => {
    serve({ items: [], total: 0 });
    renderPage(<AccountsPage />, { path: '/accounts', url: '/accounts', session: makeSession('leader') });
    expect(await screen.findByText('No accounts yet')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /New account|Create your first account/ })).toBeNull();
  });
});

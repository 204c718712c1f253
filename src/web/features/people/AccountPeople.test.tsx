// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AccountPeople as People } from '../../../contract/turnover.ts';
import { makeAccount, mockApi, renderPage } from '../../test/render.tsx';
import { AccountPeople } from './AccountPeople.tsx';

const account = makeAccount();
const people: People = {
  figures: { currentUsers: 2, leftLast365Days: 1, averageHeadcount: 2.9, annualTurnoverRate: 0.345, openRisks: 1 },
  people: [
    { id: '00000000-0000-4000-8000-000000000002', name: 'Nia New', email: 'nia@acme.test', title: null, role: 'end_user', joinedOn: '2026-01-05', leftOn: null, modules: ['Billing'], current: true },
    { id: '00000000-0000-4000-8000-000000000003', name: 'Paul Lead', email: 'paul@acme.test', title: 'Ops', role: 'project_lead', joinedOn: null, leftOn: null, modules: [], current: true },
    { id: '00000000-0000-4000-8000-000000000001', name: 'Carla Champion', email: 'carla@acme.test', title: null, role: 'champion', joinedOn: '2025-01-06', leftOn: '2026-02-27', modules: [], current: false },
  ],
  risks: [
    {
      id: '00000000-0000-4000-8000-0000000000a1',
      accountId: account.id,
      kind: 'champion_left',
      contactId: '00000000-0000-4000-8000-000000000001',
      contactName: 'Carla Champion',
      role: 'champion',
      leftOn: '2026-02-27',
      owned: { openTasks: 3, metrics: 1, outcomes: 1, trainees: null },
      steps: [
        { key: 'name_successor', title: 'Name a successor', doneAt: null },
        { key: 'hand_over', title: 'Hand over open tasks and outcomes', doneAt: null },
        { key: 'realign_sponsor', title: 'Re-align the executive sponsor', doneAt: null },
      ],
      successorContactId: null,
      successorName: null,
      status: 'open',
      resolution: null,
      raisedAt: '2026-02-27T10:00:00.000Z',
      resolvedAt: null,
    },
  ],
  timeline: [{ on: '2026-02-27T12:00:00.000Z', kind: 'person_left', text: 'Carla Champion left (Champion)', href: null }],
};

describe('the People section of an account', () => {
  it('shows the turnover, the open risk with what the leaver owned, and names a successor among current people', async () => {
    const api = mockApi({
      [`GET /accounts/${account.id}/people`]: () => ({ body: people }),
      [`POST /accounts/${account.id}/risks/${people.risks[0]!.id}/successor`]: () => ({ body: { ...people.risks[0], successorContactId: people.people[0]!.id, successorName: 'Nia New' } }),
    });
    renderPage(<AccountPeople account={account} />);
    expect(await screen.findByText('35 %')).toBeTruthy();
    expect(screen.getByTitle(/People who left in the last 365 days/)).toBeTruthy();
    expect(screen.getByText(/3 open tasks · 1 metric of 1 outcome/)).toBeTruthy();
    expect(screen.getByText('Carla Champion left (Champion)')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Name a successor' }));
    const dialog = await screen.findByRole('dialog');
    const choices = within(dialog).getAllByRole('option').map((o) => o.textContent);
    expect(choices).toEqual(['Choose a person', 'Nia New', 'Paul Lead']);
    fireEvent.change(within(dialog).getByLabelText('Successor'), { target: { value: people.people[0]!.id } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Name successor' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'POST' && (r.body as { contactId: string }).contactId === people.people[0]!.id)).toBe(true));
  });
});

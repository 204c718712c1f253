// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, problem, renderPage } from '../../test/render.tsx';
import { ContactDialog } from './ContactDialog.tsx';

const accountId = '11111111-1111-4111-8111-111111111111';

function renderDialog(onClose = vi.fn()) {
  renderPage(<ContactDialog accountId={accountId} accountTimezone="America/New_York" organizations={[]} onClose={onClose} />);
  return onClose;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });

describe('adding a contact', () => {
  it('shows the server’s field error next to the field it names, and keeps what was typed', async () => {
    const api = mockApi({
      [`POST /accounts/${accountId}/contacts`]: () =>
        problem(400, 'email: must be an email address like name@company.com', [
          { path: ['body', 'email'], message: 'must be an email address like name@company.com' },
        ]),
    });
    const onClose = renderDialog();
    type('Name', 'Ana Ruiz');
    type('Email', 'ana@');
    type('Title', 'VP Operations');
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'champion' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add contact' }));

    const error = await screen.findByText('Email must be an email address like name@company.com');
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toContain(error.id);
    expect(screen.getByLabelText('Name', { exact: false }).getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('Please correct the highlighted field.');
    // Nothing typed is lost, and the dialog stays open.
    expect((screen.getByLabelText('Name', { exact: false }) as HTMLInputElement).value).toBe('Ana Ruiz');
    expect((screen.getByLabelText('Title', { exact: false }) as HTMLInputElement).value).toBe('VP Operations');
    expect(onClose).not.toHaveBeenCalled();

    const sent = api.requests[0];
    expect(sent?.headers.get('x-csrf-token')).toBe('csrf-test-token');
    expect(sent?.headers.get('content-type')).toBe('application/json');
    expect(sent?.body).toMatchObject({ name: 'Ana Ruiz', email: 'ana@', title: 'VP Operations', role: 'champion', leftOn: null });
  });

  it('says a role is required when none was chosen, rather than the validator’s list of options', async () => {
    mockApi({
      [`POST /accounts/${accountId}/contacts`]: () =>
        problem(400, 'role: Invalid option: expected one of "champion"|"executive_sponsor"', [
          { path: ['body', 'role'], message: 'Invalid option: expected one of "champion"|"executive_sponsor"' },
        ]),
    });
    renderDialog();
    type('Name', 'Ana Ruiz');
    fireEvent.click(screen.getByRole('button', { name: 'Add contact' }));
    expect(await screen.findByText('Role is required')).toBeTruthy();
  });

  it('shows a problem that names no field as a message for the whole form', async () => {
    mockApi({
      [`POST /accounts/${accountId}/contacts`]: () => ({
        status: 403,
        body: { title: 'Not allowed', status: 403, detail: 'Your role is read-only.', errors: [] },
      }),
    });
    renderDialog();
    fireEvent.click(screen.getByRole('button', { name: 'Add contact' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Your role is read-only.'));
  });

  it('closes once the contact is saved', async () => {
    mockApi({ [`POST /accounts/${accountId}/contacts`]: (request) => ({ status: 201, body: { id: 'c1', ...(request.body as object) } }) });
    const onClose = renderDialog();
    type('Name', 'Ana Ruiz');
    type('Email', 'ana@zephyr.io');
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'champion' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add contact' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});

// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ShownOnceDialog } from './ShownOnceDialog.tsx';

describe('a secret shown once', () => {
  it('warns that it is the only time, says where it goes, and offers the value to copy until Done', () => {
    const onClose = vi.fn();
    render(
      <ShownOnceDialog title="Copy your SCIM token" secret="token" label="SCIM token for Entra ID" value="lfscim_abc123" onClose={onClose}>
        Paste it into your identity provider now.
      </ShownOnceDialog>,
    );
    expect(screen.getByRole('note').textContent).toBe('This is the only time the token is shown. Paste it into your identity provider now.');
    expect(screen.getByLabelText<HTMLInputElement>('SCIM token for Entra ID').value).toBe('lfscim_abc123');
    expect(screen.getByLabelText<HTMLInputElement>('SCIM token for Entra ID').readOnly).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalled();
  });
});

import type { ReactNode } from 'react';
import { Button } from './Button.tsx';
import { CopyField } from './CopyField.tsx';
import { Dialog } from './Dialog.tsx';

/**
 * A secret Landfall keeps only hashed or sealed (an API token, a SCIM token, a webhook signing secret), shown the one
 * time it is made: the same warning everywhere, then where it goes (`children`), and the value with a Copy button.
 */
export function ShownOnceDialog({
  title,
  secret,
  label,
  value,
  onClose,
  children,
}: {
  title: string;
  /** What it is, in the warning: "token", "secret". */
  secret: string;
  /** The copy field's label, naming whose secret it is. */
  label: string;
  value: string;
  onClose: () => void;
  /** Where to put it and what to do if it is lost. */
  children: ReactNode;
}) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      }
    >
      <div className="dialog-body stack">
        <div className="callout callout-warning" role="note">
          <strong>This is the only time the {secret} is shown.</strong> {children}
        </div>
        <CopyField label={label} value={value} />
      </div>
    </Dialog>
  );
}

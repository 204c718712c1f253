import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

/** A button in the toast that reverses what it reports ("Undo"). */
export interface ToastAction {
  label: string;
  onClick: () => void;
}

interface Toast {
  id: number;
  message: string;
  tone: 'success' | 'error' | 'info';
  action?: ToastAction | undefined;
}

type Notify = (message: string, tone?: Toast['tone'], action?: ToastAction) => void;

const ToastContext = createContext<Notify>(() => {});

/** Short confirmations ("Account created") in a polite live region, gone after a few seconds. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const notify = useCallback<Notify>(
    (message, tone = 'success', action) => {
      const id = next.current++;
      setToasts((all) => [...all.slice(-3), { id, message, tone, action }]);
      // An undo stays long enough to be read and reached.
      window.setTimeout(() => dismiss(id), tone === 'error' || action ? 8000 : 4000);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" aria-live="polite" role="status">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`}>
            <span>{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                className="toast-action"
                onClick={() => {
                  toast.action!.onClick();
                  dismiss(toast.id);
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export const useToast = (): Notify => useContext(ToastContext);

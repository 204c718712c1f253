import type { ReactNode } from 'react';
import { Logo } from '../../app/Logo.tsx';
import './auth.css';

/** The centred card around sign-in, first-time setup and accepting an invitation. */
export function AuthLayout({ title, subtitle, children, footer }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="auth-screen">
      <main className="auth-card">
        <div className="auth-brand">
          <Logo />
          <span>Landfall</span>
        </div>
        <h1 className="auth-title">{title}</h1>
        {subtitle && <p className="auth-subtitle">{subtitle}</p>}
        {children}
      </main>
      {footer && <div className="auth-footer">{footer}</div>}
    </div>
  );
}

import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState.tsx';
import { PageHeader } from './PageHeader.tsx';

/** What a settings page shows someone who is not an admin: the page's title, who can use it, and whom to ask. */
export function AdminsOnly({ page, title, children }: { page: string; title: string; children: ReactNode }) {
  return (
    <div className="page page-narrow">
      <PageHeader title={page} />
      <div className="card">
        <EmptyState title={title}>{children}</EmptyState>
      </div>
    </div>
  );
}

import type { ReactNode } from 'react';

export function PageHeader({
  title,
  description,
  actions,
  breadcrumb,
  meta,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  breadcrumb?: ReactNode;
  meta?: ReactNode;
}) {
  return (
    <header className="page-header">
      {breadcrumb && <nav aria-label="Breadcrumb" className="breadcrumb">{breadcrumb}</nav>}
      <div className="page-header-row">
        <div className="page-header-text">
          <h1 className="page-title">{title}</h1>
          {meta && <div className="page-meta">{meta}</div>}
          {description && <p className="page-description">{description}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
    </header>
  );
}

export function Section({ title, count, actions, children, description }: { title: string; count?: number | undefined; actions?: ReactNode; children: ReactNode; description?: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className="section" aria-labelledby={id}>
      <header className="section-header">
        <div>
          <h2 className="section-title" id={id}>
            {title}
            {count !== undefined && <span className="section-count">{count}</span>}
          </h2>
          {description && <p className="section-description">{description}</p>}
        </div>
        {actions && <div className="section-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

import type { ReactNode } from 'react';

/** A dense data table in a scroll container; the caption names it for screen readers. */
export function Table({ caption, children, className }: { caption: string; children: ReactNode; className?: string }) {
  return (
    <div className="table-wrap">
      <table className={['table', className ?? ''].filter(Boolean).join(' ')}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export type SortDirection = 'ascending' | 'descending';

/** A column header that sorts by its column; the current sort is announced through aria-sort. */
export function SortHeader({
  label,
  direction,
  onSort,
  align,
  className,
}: {
  label: string;
  direction: SortDirection | undefined;
  onSort: () => void;
  align?: 'right';
  className?: string;
}) {
  return (
    <th scope="col" aria-sort={direction ?? 'none'} className={[align === 'right' ? 'num' : '', className ?? ''].filter(Boolean).join(' ')}>
      <button type="button" className={`sort-button${direction ? ' is-sorted' : ''}`} onClick={onSort}>
        {label}
        <span className="sort-icon" aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

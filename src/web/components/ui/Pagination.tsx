import { formatCount } from '../../app/format.ts';
import { Button } from './Button.tsx';

export interface PaginationProps {
  total: number;
  limit: number;
  offset: number;
  onOffsetChange: (offset: number) => void;
  noun?: string;
}

/** "1–50 of 10,000" with previous / next. */
export function Pagination({ total, limit, offset, onOffsetChange, noun = 'results' }: PaginationProps) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="pagination" aria-label="Pagination">
      <p className="pagination-range" aria-live="polite">
        <strong>
          {formatCount(first)}–{formatCount(last)}
        </strong>{' '}
        of {formatCount(total)} {noun}
      </p>
      <div className="pagination-controls">
        <span className="pagination-page">
          Page {formatCount(page)} of {formatCount(pages)}
        </span>
        <Button size="sm" disabled={offset <= 0} onClick={() => onOffsetChange(Math.max(0, offset - limit))}>
          Previous
        </Button>
        <Button size="sm" disabled={offset + limit >= total} onClick={() => onOffsetChange(offset + limit)}>
          Next
        </Button>
      </div>
    </nav>
  );
}

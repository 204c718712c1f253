import { exportUrl } from './imports.api.ts';
import type { Query } from '../../app/api.ts';

/** A download of the list as CSV, with the filters shown (the server streams it; cells are safe to open in a spreadsheet). */
export function ExportCsvButton({ path, query, label = 'Export CSV' }: { path: string; query?: Query; label?: string }) {
  return (
    <a className="btn btn-secondary" href={exportUrl(path, query)} download>
      {label}
    </a>
  );
}

import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/ui/Button.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { downloadCsv, toCsv, type Column } from './csv.ts';

/**
 * A figure: its chart, or the same numbers as a table (each row a link to the projects behind it when it has
 * some), and a CSV export of the table. An empty figure says so and what would fill it.
 */
export function ChartCard<Row>({
  title,
  subtitle,
  rows,
  columns,
  chart,
  empty,
  drill,
  file,
  headline,
}: {
  title: string;
  subtitle?: ReactNode;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  chart?: ReactNode;
  empty: string;
  drill?: (row: Row) => string | undefined;
  file: string;
  headline?: ReactNode;
}) {
  const [view, setView] = useState<'chart' | 'table'>(chart ? 'chart' : 'table');
  const id = `figure-${file}`;
  return (
    <section className="card insight-card" aria-labelledby={id}>
      <header className="insight-card-header">
        <div>
          <h2 className="insight-card-title" id={id}>
            {title}
          </h2>
          {subtitle && <p className="muted insight-card-subtitle">{subtitle}</p>}
        </div>
        {rows.length > 0 && (
          <div className="insight-card-actions">
            {chart && (
              <Button size="sm" variant="ghost" onClick={() => setView(view === 'chart' ? 'table' : 'chart')} aria-pressed={view === 'table'}>
                {view === 'chart' ? 'Table' : 'Chart'}
              </Button>
            )}
            <Button size="sm" variant="ghost" onClick={() => downloadCsv(`${file}.csv`, toCsv(columns, rows))}>
              CSV
            </Button>
          </div>
        )}
      </header>
      {headline}
      {rows.length === 0 ? (
        <p className="muted insight-empty">{empty}</p>
      ) : view === 'chart' && chart ? (
        <div className="insight-chart">{chart}</div>
      ) : (
        <Table caption={title}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const to = drill?.(row);
              return (
                <tr key={i}>
                  {columns.map((c, j) => {
                    const value = c.value(row);
                    const text = value === null ? '—' : String(value);
                    return <td key={c.key}>{j === 0 && to ? <Link to={to}>{text}</Link> : text}</td>;
                  })}
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </section>
  );
}

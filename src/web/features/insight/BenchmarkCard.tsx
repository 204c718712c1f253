import { Link } from 'react-router';
import { MEASURE_LABELS } from '../../../core/insight/measures.ts';
import { days } from './csv.ts';
import { useBenchmark } from './insight.api.ts';

/** The installation's anonymous benchmark by vendor industry: shown only from five contributing workspaces. */
export function BenchmarkCard() {
  const benchmark = useBenchmark();
  if (!benchmark.data) return null;
  const b = benchmark.data;
  return (
    <section className="card insight-card" aria-labelledby="benchmark-title">
      <h2 className="insight-card-title" id="benchmark-title">
        Benchmark{b.industry ? `: ${b.industry} vendors` : ''}
      </h2>
      {!b.optedIn ? (
        <p className="muted">
          Compare with other vendors of your industry on this installation, anonymously: <Link to="/insight/settings">join the benchmark</Link>.
        </p>
      ) : b.measures === null ? (
        <p className="muted">
          {b.workspaces} workspace{b.workspaces === 1 ? '' : 's'} of your industry contribute; figures show from {b.minimumWorkspaces}, so no one can be singled out.
        </p>
      ) : (
        <ul className="insight-tiles">
          {b.measures.map((m) => (
            <li key={m.measure} className="insight-tile">
              <span className="insight-tile-label">{MEASURE_LABELS[m.measure]}</span>
              <span className="insight-tile-value">{days(m.median)}</span>
              <span className="muted insight-tile-note">
                P75 {days(m.p75)} · {m.projects} projects, {b.workspaces} workspaces
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

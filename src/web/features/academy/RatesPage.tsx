import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Section } from '../../components/ui/PageHeader.tsx';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { Table } from '../../components/ui/Table.tsx';
import { useRates } from './academy.api.ts';
import { Bar, pct } from './AcademyLayout.tsx';

/** Completion and pass rates per path and per course, as bars in CSS (the app has no chart library). */
export function RatesPage() {
  useDocumentTitle('Academy rates');
  const rates = useRates();
  if (rates.isPending) return <LoadingState />;
  if (rates.isError) return <ErrorState error={rates.error} onRetry={() => void rates.refetch()} />;
  const { paths, courses } = rates.data;
  if (paths.length === 0 && courses.length === 0) {
    return (
      <div className="card">
        <EmptyState title="No figures yet">Rates appear once learners are enrolled: make a path and a rule, and watch completions come in here.</EmptyState>
      </div>
    );
  }
  return (
    <div className="stack">
      <p className="lesson-small">
        Every learning event is also kept as an xAPI statement:{' '}
        <a href="/api/v1/academy/xapi/statements?limit=10000" download="xapi-statements.json">
          download the statements (JSON)
        </a>
        .
      </p>
      <Section title="Paths" count={paths.length}>
        <div className="card card-flush">
          <Table caption="Completion per learning path">
            <thead>
              <tr>
                <th scope="col">Path</th>
                <th scope="col" className="num">Enrolled</th>
                <th scope="col">Completed</th>
              </tr>
            </thead>
            <tbody>
              {paths.map((p) => (
                <tr key={p.pathId}>
                  <td>{p.title}</td>
                  <td className="num">{p.enrolled}</td>
                  <td style={{ minWidth: 140 }}>
                    <Bar value={pct(p.completionRate)} label={`${pct(p.completionRate)}% (${p.completed})`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </Section>
      <Section title="Courses" count={courses.length}>
        <div className="card card-flush">
          <Table caption="Completion and quiz pass rate per course">
            <thead>
              <tr>
                <th scope="col">Course</th>
                <th scope="col">Completed</th>
                <th scope="col">Quiz pass rate</th>
                <th scope="col" className="num hide-phone">Rating</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((c) => (
                <tr key={c.courseId}>
                  <td>
                    {c.title}
                    <div className="muted lesson-small">{c.learners} learners</div>
                  </td>
                  <td style={{ minWidth: 120 }}>
                    <Bar value={pct(c.completionRate)} />
                  </td>
                  <td style={{ minWidth: 120 }}>{c.quizPassRate === null ? <span className="muted">No quiz</span> : <Bar value={pct(c.quizPassRate)} label={`${pct(c.quizPassRate)}% of ${c.quizAttempts}`} />}</td>
                  <td className="num hide-phone">{c.averageRating === null ? '—' : `${c.averageRating.toFixed(1)} ★`}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </Section>
    </div>
  );
}

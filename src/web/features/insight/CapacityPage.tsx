import { useState } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatShortDate } from '../../app/format.ts';
import { useSession } from '../../app/session.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { ErrorState, LoadingState } from '../../components/ui/State.tsx';
import { ChartCard } from './ChartCard.tsx';
import { useCapacity, type CapacityReport } from './capacity.api.ts';
import { MemberHoursCard } from './MemberHoursCard.tsx';

type Person = CapacityReport['people'][number];
type Week = Person['weeks'][number];

const STATE_LABEL = { ok: 'Room', nearly_full: 'Nearly full', over: 'Over-booked' } as const;
const load = (w: Week) => (w.available === 0 ? (w.booked + w.coming > 0 ? '∞' : '—') : `${Math.round(((w.booked + w.coming) / w.available) * 100)}%`);

/** Twelve weeks of work booked and coming against the hours each manager has, and a warning before anyone is over-booked. */
export function CapacityPage() {
  useDocumentTitle('Capacity');
  const { member } = useSession();
  const capacity = useCapacity();
  const [chosen, setChosen] = useState<string | null>(null);
  if (capacity.isPending) return <LoadingState />;
  if (capacity.isError) return <ErrorState error={capacity.error} onRetry={() => void capacity.refetch()} />;
  const c = capacity.data;
  const personId = chosen ?? c.warnings[0]?.memberId ?? c.people[0]?.id ?? null;
  const person = c.people.find((p) => p.id === personId);
  const everyone = c.people.flatMap((p) => p.weeks.map((w) => ({ person: p.name, ...w })));
  return (
    <div className="page insight capacity">
      <header className="page-header">
        <h1 className="page-title">Capacity</h1>
        <p className="page-description">Hours of work booked and coming for each onboarding and implementation manager, against the hours they have, for 12 weeks from {formatDate(c.today)}.</p>
      </header>
      {c.warnings.length > 0 && (
        <div className="callout callout-warning capacity-banner" role="alert">
          <strong>{c.warnings.some((w) => w.state === 'over') ? 'Over-booked soon' : 'Nearly full'}</strong>
          <ul>
            {c.warnings.map((w) => (
              <li key={w.memberId}>
                <button type="button" className="link-button" onClick={() => setChosen(w.memberId)}>
                  {w.text}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {c.people.length === 0 ? (
        <div className="card insight-empty-page">
          <p>Nobody to show yet: invite onboarding or implementation managers in Settings → Members, and their work appears here as projects start.</p>
        </div>
      ) : (
        <div className="insight-grid">
          <ChartCard
            title={person ? `${person.name}: demand and supply` : 'Demand and supply'}
            subtitle={
              <label className="capacity-person">
                <span>Person</span>
                <select className="input select input-sm" value={personId ?? ''} onChange={(event) => setChosen(event.target.value)}>
                  {c.people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>
            }
            rows={person?.weeks ?? []}
            file={`capacity-${(person?.name ?? 'person').toLowerCase().replace(/\W+/g, '-')}`}
            empty="No weeks to show."
            columns={[
              { key: 'week', label: 'Week of', value: (w) => w.week },
              { key: 'booked', label: 'Booked (h)', value: (w) => w.booked },
              { key: 'coming', label: 'Coming (h)', value: (w) => w.coming },
              { key: 'available', label: 'Available (h)', value: (w) => w.available },
              { key: 'load', label: 'Load', value: load },
              { key: 'state', label: 'State', value: (w) => STATE_LABEL[w.state] },
            ]}
            chart={
              <ResponsiveContainer width="100%" height={260}>
                <ComposedChart data={person?.weeks.map((w) => ({ ...w, label: w.week.slice(5) })) ?? []}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" fontSize={12} />
                  <YAxis fontSize={12} unit=" h" width={52} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="booked" name="Booked" stackId="d" fill="#2f54eb" />
                  <Bar dataKey="coming" name="Coming" stackId="d" fill="#a5b4fc" />
                  <Line dataKey="available" name="Available" stroke="#c53030" strokeWidth={2} type="stepAfter" dot={false} />
                </ComposedChart>
              </ResponsiveContainer>
            }
          />
          <ChartCard
            title="Everyone, week by week"
            subtitle="Load is booked and coming over available; above 90% is nearly full. Pick a name to see their weeks above."
            rows={everyone}
            chart={<CapacityHeatmap people={c.people} onPick={setChosen} picked={personId} />}
            file="capacity-team"
            empty="No weeks to show."
            columns={[
              { key: 'person', label: 'Person', value: (r) => r.person },
              { key: 'week', label: 'Week of', value: (r) => r.week },
              { key: 'booked', label: 'Booked (h)', value: (r) => r.booked },
              { key: 'coming', label: 'Coming (h)', value: (r) => r.coming },
              { key: 'available', label: 'Available (h)', value: (r) => r.available },
              { key: 'load', label: 'Load', value: load },
            ]}
          />
          <ChartCard
            title="Projects coming"
            subtitle="Won deals that are not projects yet, the playbook they will get and who the assignment rules would give them to."
            rows={c.coming}
            file="capacity-coming"
            empty="No won deal is waiting to become a project: every deal received has its project."
            columns={[
              { key: 'company', label: 'Company', value: (d) => d.company },
              { key: 'closedOn', label: 'Won on', value: (d) => d.closedOn },
              { key: 'playbook', label: 'Playbook', value: (d) => d.playbook?.name ?? 'none fits' },
              { key: 'hours', label: 'Manager hours', value: (d) => d.effortHours },
              { key: 'suggested', label: 'Would go to', value: (d) => d.suggested?.name ?? 'nobody yet' },
            ]}
          />
        </div>
      )}
      <p className="muted capacity-method">{c.method}</p>
      <MemberHoursCard people={c.people.map((p) => ({ id: p.id, name: p.name }))} self={{ id: member.id, name: member.name }} />
    </div>
  );
}

/** People down, the 12 weeks across, each cell the week's load coloured by its state: who is full when, at a glance. */
function CapacityHeatmap({ people, onPick, picked }: { people: readonly Person[]; onPick: (id: string) => void; picked: string | null }) {
  const weeks = people[0]?.weeks.map((w) => w.week) ?? [];
  return (
    <div className="capacity-heatmap" role="region" aria-label="Load per person and week" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">Person</th>
            {weeks.map((week) => (
              <th scope="col" key={week}>
                {formatShortDate(week)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id} aria-current={p.id === picked ? 'true' : undefined}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onPick(p.id)}>
                  {p.name}
                </button>
              </th>
              {p.weeks.map((w) => (
                <td key={w.week} className={`capacity-cell capacity-${w.state}`} title={`${p.name}, week of ${formatDate(w.week)}: ${w.booked} h booked, ${w.coming} h coming, ${w.available} h available — ${STATE_LABEL[w.state]}`}>
                  {load(w)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

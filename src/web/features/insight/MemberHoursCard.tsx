import { useState } from 'react';
import { formatDate } from '../../app/format.ts';
import { formProblem } from '../../app/formProblem.ts';
import { useIsAdmin } from '../../app/session.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { FormMessage } from '../../components/ui/Field.tsx';
import { useAddTimeOff, useMemberCapacity, useRemoveTimeOff, useSaveMemberCapacity, type MemberCapacity } from './capacity.api.ts';

/** A member's weekly hours, weekly digest and days off: their own to change, and an admin's for anyone. */
export function MemberHoursCard({ people, self }: { people: { id: string; name: string }[]; self: { id: string; name: string } }) {
  const isAdmin = useIsAdmin();
  const [memberId, setMemberId] = useState(self.id);
  const capacity = useMemberCapacity(memberId);
  const choices = isAdmin ? [self, ...people.filter((p) => p.id !== self.id)] : [self];
  return (
    <section className="card capacity-you" id="you" aria-labelledby="capacity-you-title">
      <header className="insight-card-header">
        <h2 className="insight-card-title" id="capacity-you-title">
          {memberId === self.id ? 'Your hours, days off and digest' : `Hours and days off of ${capacity.data?.member.name ?? '…'}`}
        </h2>
        {choices.length > 1 && (
          <select className="input select input-sm" aria-label="Whose hours" value={memberId} onChange={(event) => setMemberId(event.target.value)}>
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.id === self.id ? `${p.name} (you)` : p.name}
              </option>
            ))}
          </select>
        )}
      </header>
      {capacity.data && <MemberHoursForm key={memberId} data={capacity.data} isSelf={memberId === self.id} />}
    </section>
  );
}

function MemberHoursForm({ data, isSelf }: { data: MemberCapacity; isSelf: boolean }) {
  const save = useSaveMemberCapacity(data.member.id);
  const add = useAddTimeOff(data.member.id);
  const remove = useRemoveTimeOff(data.member.id);
  const [hours, setHours] = useState(String(data.weeklyHours));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const saveProblem = formProblem(save.error, ['weeklyHours']);
  const addProblem = formProblem(add.error, ['startsOn', 'endsOn', 'note']);
  return (
    <div className="capacity-you-body">
      {data.warning && <p className="callout callout-warning">{data.warning.text}</p>}
      <div className="inline-fields">
        <label className="mini-field mini-field-narrow">
          <span>Hours a week</span>
          <input className="input" type="number" min={0} max={80} step={0.5} value={hours} onChange={(event) => setHours(event.target.value)} />
        </label>
        <Button size="sm" disabled={hours === '' || Number(hours) === data.weeklyHours} busy={save.isPending} onClick={() => save.mutate({ weeklyHours: Number(hours) })}>
          Save hours
        </Button>
      </div>
      {saveProblem.fieldError('weeklyHours') && <p className="field-error">{saveProblem.fieldError('weeklyHours')}</p>}
      {isSelf && (
        <label className="checkbox-row">
          <input type="checkbox" checked={data.weeklyDigest} onChange={(event) => save.mutate({ weeklyDigest: event.target.checked })} />
          <span>Email me the dashboard’s key figures every Monday morning</span>
        </label>
      )}
      <h3 className="capacity-subtitle">Days off</h3>
      {data.timeOff.length === 0 ? (
        <p className="muted">No days off ahead. Add holidays and leave here so nobody books work on them.</p>
      ) : (
        <ul className="capacity-time-off">
          {data.timeOff.map((off) => (
            <li key={off.id}>
              <span>
                {off.startsOn === off.endsOn ? formatDate(off.startsOn) : `${formatDate(off.startsOn)} – ${formatDate(off.endsOn)}`}
                {off.note ? ` · ${off.note}` : ''}
              </span>
              <Button size="sm" variant="ghost" busy={remove.isPending && remove.variables === off.id} onClick={() => remove.mutate(off.id)} aria-label={`Remove days off from ${off.startsOn}`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-fields capacity-add-off"
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate({ startsOn: from, endsOn: to || from, note: note || null }, { onSuccess: () => (setFrom(''), setTo(''), setNote('')) });
        }}
      >
        <label className="mini-field">
          <span>From</span>
          <input className="input" type="date" required value={from} onChange={(event) => setFrom(event.target.value)} aria-invalid={addProblem.fieldError('startsOn') ? true : undefined} />
        </label>
        <label className="mini-field">
          <span>To</span>
          <input className="input" type="date" value={to} onChange={(event) => setTo(event.target.value)} aria-invalid={addProblem.fieldError('endsOn') ? true : undefined} />
        </label>
        <label className="mini-field">
          <span>Note</span>
          <input className="input" value={note} maxLength={200} placeholder="e.g. Holiday" onChange={(event) => setNote(event.target.value)} />
        </label>
        <Button size="sm" type="submit" disabled={!from} busy={add.isPending}>
          Add days off
        </Button>
      </form>
      {addProblem.fieldError('endsOn') && <p className="field-error">To: {addProblem.fieldError('endsOn')}</p>}
      <FormMessage message={addProblem.message ?? saveProblem.message} />
    </div>
  );
}

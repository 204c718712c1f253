// How far a project has come, as the project list, the project page and an account's projects show it.

/** Slip owed to the customer and to the vendor, side by side in one small bar. */
export function DelayBar({ customer, vendor }: { customer: number; vendor: number }) {
  const c = Math.max(customer, 0);
  const v = Math.max(vendor, 0);
  const total = c + v;
  const label = `${c} day${c === 1 ? '' : 's'} waiting on the customer, ${v} on the vendor`;
  if (total === 0) return <span className="muted" title="No slip">—</span>;
  return (
    <span className="delay" title={label}>
      <span className="delay-bar" aria-hidden="true">
        {c > 0 && <span className="delay-customer" style={{ flexGrow: c }} />}
        {v > 0 && <span className="delay-vendor" style={{ flexGrow: v }} />}
      </span>
      <span className="delay-text" aria-hidden="true">
        <span className="delay-key delay-key-customer">{c}</span> customer · <span className="delay-key delay-key-vendor">{v}</span> vendor
      </span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

export function Progress({ done, total }: { done: number; total: number }) {
  const share = total ? Math.round((done / total) * 100) : 0;
  return (
    <span className="progress" title={`${done} of ${total} tasks done`}>
      <span className="progress-track" aria-hidden="true">
        <span className="progress-fill" style={{ width: `${share}%` }} />
      </span>
      <span className="progress-text">
        {done}/{total}
      </span>
    </span>
  );
}

// The durable scheduled work of cadences and mail. Its state lives in the database, not in this process:
// project_cadences.next_run_at says when a project's cadence has something due, mail_outbox.send_after when a
// message may go. Both are claimed with FOR UPDATE SKIP LOCKED, so any number of `serve` and `worker`
// processes share the work, and a process that dies loses nothing (a claimed message's lease runs out and
// another process takes it over). Exactly-once comes from the outbox's unique keys, not from this loop.
import type { Services } from '../context.ts';
import { deliverDueMail, type DeliveryOptions } from '../mail/mail.service.ts';
import { runDueCadences } from '../modules/cadences/cadences.service.ts';

/** One pass: plan what cadences have due into the outbox, then deliver what is due. */
export async function runMailWork(services: Services, options: DeliveryOptions = {}) {
  const planned = await runDueCadences(services);
  const sent = await deliverDueMail(services, options);
  return { planned, sent };
}

// A small typed in-process event bus. `emit` runs every subscriber inside the caller's transaction (the
// ctx carries it), one after the other, so a reaction commits or rolls back with the change that caused it;
// a reaction that must do I/O later (mail, webhooks) writes an outbox row instead of doing it here.
// Subscribers and guards are registered once, by app/reactions.ts; a module never imports a sibling to tell
// it something.
import type { Ctx } from '../context.ts';
import type { DomainEvents, EventName, GuardName, Guards } from './catalogue.ts';

type Handler<P> = (ctx: Ctx, payload: P) => Promise<unknown> | unknown;
export type Reactions = { [E in EventName]?: Handler<DomainEvents[E]>[] };
export type GuardTable = { [G in GuardName]?: Handler<Guards[G]>[] };

let reactions: Reactions | undefined;
let guards: GuardTable = {};

/** Installs the table of what happens when (app/reactions.ts). Called once per process at start; idempotent. */
export function installReactions(table: Reactions, guardTable: GuardTable): void {
  reactions = table;
  guards = guardTable;
}

/** Announces that something happened; every subscriber runs now, in the same transaction. */
export async function emit<E extends EventName>(ctx: Ctx, event: E, payload: DomainEvents[E]): Promise<void> {
  if (!reactions) throw new Error(`"${event}" was announced before the reactions were installed (app/reactions.ts installAll).`);
  for (const handler of (reactions[event] ?? []) as Handler<DomainEvents[E]>[]) await handler(ctx, payload);
}

/** The set-based form of a reaction, run by emitMany: the same effect as the reaction once per payload, in fewer statements. */
type ManyHandler<P> = (ctx: Ctx, payloads: P[]) => Promise<unknown> | unknown;
const setBasedForms = new WeakMap<object, ManyHandler<never>>();

/** A reaction with a set-based form for emitMany (a CSV import's batch); emit still runs the single form. */
export function setBased<P>(single: Handler<P>, many: ManyHandler<P>): Handler<P> {
  setBasedForms.set(single, many as ManyHandler<never>);
  return single;
}

/**
 * Announces the same event for many things at once, in the caller's transaction: each reaction with a set-based form
 * gets every payload in one call, the others run once per payload, in order. Same effects as emit in a loop.
 */
export async function emitMany<E extends EventName>(ctx: Ctx, event: E, payloads: DomainEvents[E][]): Promise<void> {
  if (!reactions) throw new Error(`"${event}" was announced before the reactions were installed (app/reactions.ts installAll).`);
  if (payloads.length === 0) return;
  for (const handler of (reactions[event] ?? []) as Handler<DomainEvents[E]>[]) {
    const many = setBasedForms.get(handler) as ManyHandler<DomainEvents[E]> | undefined;
    if (many) await many(ctx, payloads);
    else for (const payload of payloads) await handler(ctx, payload);
  }
}

/** Asks every guard of a change whether it may happen; the first that refuses throws its AppError. */
export async function check<G extends GuardName>(ctx: Ctx, guard: G, payload: Guards[G]): Promise<void> {
  if (!reactions) throw new Error(`"${guard}" was checked before the guards were installed (app/reactions.ts installAll).`);
  for (const handler of (guards[guard] ?? []) as Handler<Guards[G]>[]) await handler(ctx, payload);
}

interface Waiter<Row> {
  resolve: (row: Row | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Looks rows up by key in batches, one query for all the keys asked for while Node handles one round of I/O (the
 * query leaves in setImmediate, after every request that arrived in that round has asked). A lookup never joins a
 * query already sent, so each answer is read from the database after its request arrived.
 */
export function batchedLookup<Row>(load: (keys: string[]) => Promise<Row[]>, keyOf: (row: Row) => string) {
  let pending: Map<string, Waiter<Row>[]> | undefined;

  async function send(batch: Map<string, Waiter<Row>[]>) {
    try {
      const rows = new Map((await load([...batch.keys()])).map((row) => [keyOf(row), row]));
      for (const [key, waiters] of batch) for (const waiter of waiters) waiter.resolve(rows.get(key));
    } catch (error) {
      for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
    }
  }

  return (key: string) =>
    new Promise<Row | undefined>((resolve, reject) => {
      if (!pending) {
        const batch = (pending = new Map());
        setImmediate(() => {
          pending = undefined;
          void send(batch);
        });
      }
      const waiters = pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else pending.set(key, [{ resolve, reject }]);
    });
}

// Finish-to-start links as people add them one at a time: would this one close a loop, and through which tasks.

export interface Link {
  predecessorId: string;
  successorId: string;
}

/**
 * The chain by which `taskId` already waits for `onId` (taskId, …, onId: each waits for the next), or null when it
 * does not. Adding the link "`taskId` before `onId`" would close a loop exactly when such a chain exists.
 */
export function dependencyChain(links: readonly Link[], taskId: string, onId: string): string[] | null {
  if (taskId === onId) return [taskId];
  const predecessors = new Map<string, string[]>();
  for (const link of links) {
    const list = predecessors.get(link.successorId);
    if (list) list.push(link.predecessorId);
    else predecessors.set(link.successorId, [link.predecessorId]);
  }
  // Breadth-first from taskId back through its predecessors, so the chain named is the shortest one.
  const cameFrom = new Map<string, string>([[taskId, taskId]]);
  const queue = [taskId];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    for (const before of predecessors.get(id) ?? []) {
      if (cameFrom.has(before)) continue;
      cameFrom.set(before, id);
      if (before === onId) {
        const chain = [onId];
        for (let at = id; at !== taskId; at = cameFrom.get(at)!) chain.push(at);
        chain.push(taskId);
        return chain.reverse();
      }
      queue.push(before);
    }
  }
  return null;
}

/**
 * Why "`successorId` waits for `predecessorId`" cannot be added, in the user's words ("Kickoff already depends on
 * Design"), or null when it can. `name` gives a task's title.
 */
export function linkRefusal(links: readonly Link[], predecessorId: string, successorId: string, name: (id: string) => string): string | null {
  if (predecessorId === successorId) return `${name(successorId)} cannot depend on itself.`;
  if (links.some((link) => link.predecessorId === predecessorId && link.successorId === successorId)) {
    return `${name(successorId)} already depends on ${name(predecessorId)}.`;
  }
  const chain = dependencyChain(links, predecessorId, successorId);
  if (!chain) return null;
  const through = chain.slice(1, -1).map(name);
  const via = through.length ? ` (through ${through.join(' → ')})` : '';
  return `${name(predecessorId)} already depends on ${name(successorId)}${via}, so ${name(successorId)} cannot also wait for it.`;
}

// Small helpers for the sentences Landfall writes (mails, summaries, error messages). Pure.

/** "1 task", "3 tasks"; `many` for irregular plurals. */
export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * The people a comment names with "@Name": a person is mentioned when "@" is followed by their whole name (any case),
 * not by a longer word ("@Ann" does not mention Ann in "@Anna"). The longest name wins where names share a start.
 */
export function mentionedIn<P extends { name: string }>(body: string, people: readonly P[]): P[] {
  const text = body.toLowerCase();
  const byLength = [...people].filter((p) => p.name.trim()).sort((a, b) => b.name.length - a.name.length);
  const taken: [number, number][] = [];
  const found: P[] = [];
  for (const person of byLength) {
    const needle = `@${person.name.trim().toLowerCase()}`;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (/[\p{L}\p{N}_]/u.test(text[end] ?? '')) continue;
      if (taken.some(([from, to]) => at < to && end > from)) continue;
      taken.push([at, end]);
      found.push(person);
      break;
    }
  }
  return found;
}

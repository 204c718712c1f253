import { z } from 'zod';

// What a person reads when a value is refused: plain words that follow the field's name ("Duration must be 0 or
// more"), never the validator's own ("Too small: expected number to be >=0"). Installed once for zod, so every schema
// of the contract, on the server and in the browser, speaks the same way; a schema's own message still wins.
// Runs in the browser too: zod only.

type Issue = Parameters<NonNullable<z.core.$ZodConfig['customError']>>[0];

const KIND_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
  bigint: 'a whole number',
};

const FORMAT_WORDS: Record<string, string> = {
  email: 'an email address like name@company.com',
  uuid: 'an id (a UUID)',
  guid: 'an id (a UUID)',
  url: 'a web address like https://example.com',
  date: 'a date written YYYY-MM-DD',
  datetime: 'a date and time like 2026-03-02T09:00:00Z',
  time: 'a time like 09:30',
  duration: 'a duration like P3D',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const shown = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value));

/** The plain sentence for one issue, or undefined to keep zod's own. */
export function plainIssue(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      if (issue.input === null) return 'cannot be empty (null)';
      return `must be ${KIND_WORDS[issue.expected] ?? issue.expected}`;
    case 'invalid_value': {
      const values = issue.values;
      if (values.length === 1) return `must be ${shown(values[0])}`;
      if (values.length <= 12) return `must be one of ${values.map(shown).join(', ')}`;
      return 'is not one of the values allowed here';
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'cannot be empty' : `must be at least ${plural(min, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? 'needs at least one item' : `needs at least ${plural(min, 'item')}`;
      return issue.inclusive === false ? `must be more than ${min}` : `must be ${min} or more`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${plural(max, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `can have at most ${plural(max, 'item')}`;
      return issue.inclusive === false ? `must be less than ${max}` : `must be ${max} or less`;
    }
    case 'invalid_format':
      return FORMAT_WORDS[issue.format] ? `must be ${FORMAT_WORDS[issue.format]}` : 'is not written the way it should be';
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      return 'is not any of the shapes accepted here';
    default:
      return undefined;
  }
}

z.config({ customError: plainIssue });

/**
 * Where an error is, in words a person uses: ['tasks', 4, 'durationDays'] → "task 5, duration days".
 * Positions count from 1; a list's name turns singular before its position.
 */
export function plainPath(path: readonly (string | number)[]): string {
  const words: string[] = [];
  for (const segment of path) {
    if (typeof segment === 'number') {
      const list = words.pop();
      const one = list ? list.replace(/ies$/, 'y').replace(/(ss|sh|ch|x)es$/, '$1').replace(/s$/, '') : 'item';
      words.push(`${one} ${segment + 1}`);
      continue;
    }
    words.push(segment.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase());
  }
  return words.join(', ');
}

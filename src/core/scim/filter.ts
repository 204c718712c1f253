// SCIM filters (RFC 7644 §3.4.2.2) as identity providers send them: `userName eq "x"`, and `and` of such.
// The grammar is parsed by scim2-parse-filter; this file limits what it may cost and what it may ask for.
import { parse, type Filter } from 'scim2-parse-filter';
import { scimInvalid } from './errors.ts';
import type { AttributeSchema } from './schemas.ts';

export const MAX_FILTER_LENGTH = 1000;
const MAX_FILTER_NODES = 20;

/** One `attribute eq "value"` of a list query, the attribute in its canonical spelling (`emails.value`). */
export interface Equality {
  attribute: string;
  value: string;
}

/** Parses a filter text, refusing one too long or too deep before and after the parser sees it. */
export function parseFilterText(text: string): Filter {
  if (text.length > MAX_FILTER_LENGTH) throw scimInvalid('invalidFilter', `The filter is longer than ${MAX_FILTER_LENGTH} characters.`);
  let filter: Filter;
  try {
    filter = parse(text);
  } catch (error) {
    throw scimInvalid('invalidFilter', `The filter "${text.slice(0, 100)}" cannot be read: ${(error as Error).message}.`);
  }
  if (countNodes(filter) > MAX_FILTER_NODES) throw scimInvalid('invalidFilter', `The filter has more than ${MAX_FILTER_NODES} parts.`);
  return filter;
}

function countNodes(filter: Filter): number {
  switch (filter.op) {
    case 'and':
    case 'or':
      return 1 + (filter as { filters: Filter[] }).filters.reduce((sum, f) => sum + countNodes(f), 0);
    case 'not':
      return 1 + countNodes((filter as { filter: Filter }).filter);
    case '[]':
      return 1 + countNodes((filter as { valFilter: Filter }).valFilter);
    default:
      return 1;
  }
}

/**
 * The equalities a list query's filter asks for, all of which must hold: `eq` joined by `and`, on the attributes a
 * resource can be looked up by. Anything else is refused with invalidFilter, saying what is supported.
 */
export function equalitiesOf(text: string, searchable: readonly string[], schema: AttributeSchema): Equality[] {
  const filter = parseFilterText(text);
  const out: Equality[] = [];
  const walk = (node: Filter): void => {
    if (node.op === 'and') {
      for (const part of (node as { filters: Filter[] }).filters) walk(part);
      return;
    }
    if (node.op !== 'eq') {
      throw scimInvalid('invalidFilter', `Only "eq" joined by "and" is supported in filters here, not "${node.op}".`);
    }
    const compare = node as { attrPath: string; compValue: unknown };
    const attribute = canonicalSearchPath(compare.attrPath, schema);
    if (!attribute || !searchable.includes(attribute)) {
      throw scimInvalid('invalidFilter', `Filtering by "${compare.attrPath}" is not supported; use one of ${searchable.join(', ')}.`);
    }
    if (typeof compare.compValue !== 'string') {
      throw scimInvalid('invalidFilter', `Compare "${compare.attrPath}" with a quoted string.`);
    }
    out.push({ attribute, value: compare.compValue });
  };
  walk(filter);
  return out;
}

function canonicalSearchPath(path: string, schema: AttributeSchema): string | undefined {
  const bare = path.replace(new RegExp(`^${schema.core.replace(/[.]/g, '\\.')}:`, 'i'), '');
  const [head, sub] = bare.split('.', 2);
  const attribute = schema.attributes.find((a) => a.name.toLowerCase() === head!.toLowerCase());
  if (!attribute) return undefined;
  if (sub === undefined) return attribute.name;
  const subName = attribute.sub?.find((s) => s.toLowerCase() === sub.toLowerCase());
  return subName ? `${attribute.name}.${subName}` : undefined;
}

/** Whether an element of a multi-valued attribute (`{type: "work", value: …}`) matches a value filter. */
export function elementMatches(element: unknown, filter: Filter): boolean {
  if (typeof element !== 'object' || element === null) return false;
  const record = element as Record<string, unknown>;
  const read = (name: string) => Object.entries(record).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  switch (filter.op) {
    case 'and':
      return (filter as { filters: Filter[] }).filters.every((f) => elementMatches(element, f));
    case 'or':
      return (filter as { filters: Filter[] }).filters.some((f) => elementMatches(element, f));
    case 'not':
      return !elementMatches(element, (filter as { filter: Filter }).filter);
    case 'pr':
      return read((filter as { attrPath: string }).attrPath) != null;
    case 'eq':
    case 'ne': {
      const { attrPath, compValue } = filter as { attrPath: string; compValue: unknown };
      const equal = String(read(attrPath)).toLowerCase() === String(compValue).toLowerCase();
      return filter.op === 'eq' ? equal : !equal;
    }
    default:
      throw scimInvalid('invalidFilter', `"${filter.op}" is not supported inside a path's brackets; use eq, ne, pr, and, or, not.`);
  }
}

// SCIM PATCH (RFC 7644 §3.5.2) over a resource in canonical form (see resources.ts canonicalResource), as Okta and
// Microsoft Entra send it: ops in any case (`Replace`), with or without a path, value-filtered paths
// (`emails[type eq "work"].value`, `members[value eq "…"]`) and extension attributes named by their URN. The whole
// request applies to a copy, so a bad operation leaves nothing half-changed.
import type { Filter } from 'scim2-parse-filter';
import { scimInvalid } from './errors.ts';
import { elementMatches, parseFilterText } from './filter.ts';
import type { AttributeDefinition, AttributeSchema } from './schemas.ts';

export type Resource = Record<string, unknown>;
type Op = 'add' | 'replace' | 'remove';

export const MAX_OPERATIONS = 1000;

interface Target {
  /** Under the extension's URN key instead of the resource itself. */
  extension: boolean;
  attribute: AttributeDefinition;
  filter: Filter | undefined;
  sub: string | undefined;
}

const PATH = /^([A-Za-z$][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z$][\w$-]*))?$/;

const byName = (list: readonly AttributeDefinition[], name: string) => list.find((a) => a.name.toLowerCase() === name.toLowerCase());
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a PATCH path; one that names nothing Landfall keeps is an invalidPath, as RFC 7644 asks. */
export function parsePath(path: string, schema: AttributeSchema): Target {
  let rest = path.trim();
  let extension = false;
  if (/^urn:/i.test(rest)) {
    const lower = rest.toLowerCase();
    if (lower.startsWith(`${schema.core.toLowerCase()}:`)) rest = rest.slice(schema.core.length + 1);
    else if (schema.extension && lower.startsWith(`${schema.extension.urn.toLowerCase()}:`)) {
      rest = rest.slice(schema.extension.urn.length + 1);
      extension = true;
    } else throw scimInvalid('invalidPath', `The path "${path}" names a schema this resource does not have.`);
  }
  const match = PATH.exec(rest);
  if (!match) throw scimInvalid('invalidPath', `The path "${path}" cannot be read; write it as attribute, attribute.sub or attribute[filter].sub.`);
  const [, name, filterText, subName] = match;
  const attributes = extension ? schema.extension!.attributes : schema.attributes;
  const attribute = byName(attributes, name!);
  if (!attribute || attribute.readOnly) throw scimInvalid('invalidPath', `"${name}" is not an attribute that can be changed here (path "${path}").`);
  let sub: string | undefined;
  if (subName !== undefined) {
    sub = attribute.sub?.find((s) => s.toLowerCase() === subName.toLowerCase());
    if (!sub) throw scimInvalid('invalidPath', `"${attribute.name}" has no sub-attribute "${subName}" (path "${path}").`);
  }
  if (filterText !== undefined && !attribute.multiValued) throw scimInvalid('invalidPath', `"${attribute.name}" has one value; a [filter] needs a multi-valued attribute.`);
  if (attribute.multiValued && sub !== undefined && filterText === undefined) {
    throw scimInvalid('invalidPath', `Say which of the ${attribute.name} to change, e.g. ${attribute.name}[type eq "work"].${sub}.`);
  }
  return { extension, attribute, filter: filterText === undefined ? undefined : parseFilterText(filterText), sub };
}

/** Applies a PATCH request's Operations to a copy of the resource and returns the copy. */
export function applyPatch(resource: Resource, operations: unknown, schema: AttributeSchema): Resource {
  if (!Array.isArray(operations) || operations.length === 0) throw scimInvalid('invalidSyntax', 'A PATCH needs a non-empty "Operations" list.');
  if (operations.length > MAX_OPERATIONS) throw scimInvalid('tooMany', `A PATCH may carry at most ${MAX_OPERATIONS} operations.`);
  const copy = structuredClone(resource);
  operations.forEach((operation: unknown, index) => {
    if (!isObject(operation)) throw scimInvalid('invalidSyntax', `Operation ${index + 1} is not an object.`);
    const extra = Object.keys(operation).filter((key) => !['op', 'path', 'value'].includes(key));
    if (extra.length) throw scimInvalid('invalidSyntax', `Operation ${index + 1} has unknown member(s) ${extra.join(', ')}.`);
    const op = typeof operation.op === 'string' ? operation.op.toLowerCase() : undefined;
    if (op !== 'add' && op !== 'replace' && op !== 'remove') {
      throw scimInvalid('invalidSyntax', `Operation ${index + 1}: "op" must be add, replace or remove.`);
    }
    if (operation.path !== undefined && typeof operation.path !== 'string') throw scimInvalid('invalidPath', `Operation ${index + 1}: "path" must be a string.`);
    const path = operation.path as string | undefined;
    if (path === undefined || path === '') {
      if (op === 'remove') throw scimInvalid('noTarget', `Operation ${index + 1}: remove needs a path.`);
      if (!isObject(operation.value)) throw scimInvalid('invalidValue', `Operation ${index + 1}: without a path, "value" must be an object of attributes.`);
      for (const [key, value] of Object.entries(operation.value)) {
        if (schema.extension && key.toLowerCase() === schema.extension.urn.toLowerCase() && isObject(value)) {
          for (const [extKey, extValue] of Object.entries(value)) applyOne(copy, op, `${schema.extension.urn}:${extKey}`, extValue, schema);
        } else applyOne(copy, op, key, value, schema);
      }
      return;
    }
    if (op !== 'remove' && operation.value === undefined) throw scimInvalid('invalidValue', `Operation ${index + 1}: ${op} needs a "value".`);
    applyOne(copy, op, path, operation.value, schema);
  });
  return copy;
}

function applyOne(resource: Resource, op: Op, path: string, value: unknown, schema: AttributeSchema): void {
  const target = parsePath(path, schema);
  const { attribute, sub, filter } = target;
  const urn = schema.extension?.urn;
  const container: Resource = target.extension ? (isObject(resource[urn!]) ? (resource[urn!] as Resource) : (resource[urn!] = {})) : resource;
  const name = attribute.name;

  if (filter) {
    const list = Array.isArray(container[name]) ? (container[name] as Resource[]) : [];
    const matching = list.filter((element) => elementMatches(element, filter));
    if (op === 'remove') {
      if (sub) for (const element of matching) delete element[sub];
      else container[name] = list.filter((element) => !matching.includes(element));
      return;
    }
    if (matching.length === 0) {
      // Entra replaces emails[type eq "work"].value on a user with no work email yet: the element is made.
      const seed = equalitiesIn(filter);
      if (!seed) throw scimInvalid('noTarget', `Nothing in ${name} matches the filter of "${path}".`);
      container[name] = [...list, sub ? { ...seed, [sub]: value } : { ...seed, ...subValues(attribute, value, path) }];
      return;
    }
    for (const element of matching) {
      if (sub) element[sub] = value;
      else Object.assign(element, subValues(attribute, value, path));
    }
    return;
  }

  if (sub) {
    const current = isObject(container[name]) ? (container[name] as Resource) : {};
    if (op === 'remove') delete current[sub];
    else current[sub] = value;
    container[name] = current;
    return;
  }

  if (attribute.multiValued) {
    const list = Array.isArray(container[name]) ? (container[name] as Resource[]) : [];
    const given = value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((element) => subValues(attribute, element, path));
    if (op === 'remove') {
      // Entra removes group members with {path: "members", value: [{value: id}]}; no value removes them all.
      const gone = new Set(given.map((element) => String(element.value)));
      container[name] = value === undefined ? [] : list.filter((element) => !gone.has(String(element.value)));
    } else if (op === 'add') {
      const known = new Set(list.map((element) => String(element.value)));
      container[name] = [...list, ...given.filter((element) => element.value === undefined || !known.has(String(element.value)))];
    } else container[name] = given;
    return;
  }

  if (op === 'remove') delete container[name];
  else if (attribute.type === 'complex') container[name] = { ...(isObject(container[name]) ? container[name] : {}), ...subValues(attribute, value, path) };
  else container[name] = value;
}

/** A complex value with its sub-attributes in canonical spelling; an unknown one is an invalidValue. */
export function subValues(attribute: AttributeDefinition, value: unknown, where: string): Resource {
  if (!isObject(value)) {
    // A manager given as its id alone (Entra), or a bare email.
    if (typeof value === 'string' && attribute.sub?.includes('value')) return { value };
    throw scimInvalid('invalidValue', `"${where}" takes an object with ${attribute.sub?.join(', ')}.`);
  }
  const out: Resource = {};
  for (const [key, sub] of Object.entries(value)) {
    const known = attribute.sub?.find((s) => s.toLowerCase() === key.toLowerCase());
    if (!known) throw scimInvalid('invalidValue', `"${attribute.name}" has no sub-attribute "${key}".`);
    out[known] = sub;
  }
  return out;
}

/** `type eq "work"` (or several joined by and) as the element it describes, or undefined for any other filter. */
function equalitiesIn(filter: Filter): Resource | undefined {
  if (filter.op === 'eq') {
    const { attrPath, compValue } = filter as { attrPath: string; compValue: unknown };
    return { [attrPath]: compValue };
  }
  if (filter.op !== 'and') return undefined;
  const parts = (filter as { filters: Filter[] }).filters.map(equalitiesIn);
  return parts.every(Boolean) ? Object.assign({}, ...parts) : undefined;
}

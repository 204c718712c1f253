// SCIM Users and Groups as Landfall keeps them: the resource in canonical form (attribute names spelled as in the
// schema, whatever case the client used), and what a member or a group is made of, read from it and checked.
import { ScimError, scimInvalid } from './errors.ts';
import { subValues, type Resource } from './patch.ts';
import type { AttributeDefinition, AttributeSchema } from './schemas.ts';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const MAX_TEXT = 1000;

/**
 * The resource a client sent (POST, PUT), with what Landfall keeps in canonical spelling. Attributes it does not know
 * (another vendor's extension, `password` — members here sign in through SSO or a link) are left out, as RFC 7644 lets a
 * service provider do; read-only ones (id, meta, a user's groups) are the server's to say.
 */
export function canonicalResource(body: unknown, schema: AttributeSchema): Resource {
  if (!isObject(body)) throw scimInvalid('invalidSyntax', 'The request body must be a JSON object.');
  const out: Resource = {};
  const take = (attributes: readonly AttributeDefinition[], source: Record<string, unknown>, into: Resource) => {
    for (const [key, value] of Object.entries(source)) {
      const attribute = attributes.find((a) => a.name.toLowerCase() === key.toLowerCase());
      if (!attribute || value === null || value === undefined) continue;
      if (attribute.multiValued) {
        if (!Array.isArray(value)) throw scimInvalid('invalidValue', `"${attribute.name}" must be a list.`);
        into[attribute.name] = value.map((element) => subValues(attribute, element, attribute.name));
      } else into[attribute.name] = attribute.type === 'complex' ? subValues(attribute, value, attribute.name) : value;
    }
  };
  take(schema.attributes, body, out);
  const extension = schema.extension;
  const extensionBody = extension && Object.entries(body).find(([key]) => key.toLowerCase() === extension.urn.toLowerCase())?.[1];
  if (extension && isObject(extensionBody)) {
    const into: Resource = {};
    take(extension.attributes, extensionBody, into);
    if (Object.keys(into).length) out[extension.urn] = into;
  }
  return out;
}

/** What a SCIM User makes of a member: the fields Landfall reads, checked. */
export interface ProvisionedUser {
  userName: string;
  externalId: string | null;
  email: string;
  name: string;
  active: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(resource: Resource, name: string, required = false): string | null {
  const value = resource[name];
  if (value === undefined || value === null || value === '') {
    if (required) throw scimInvalid('invalidValue', `"${name}" is required.`);
    return null;
  }
  if (typeof value !== 'string') throw scimInvalid('invalidValue', `"${name}" must be a string.`);
  if (value.length > MAX_TEXT || value.includes('\u0000')) throw scimInvalid('invalidValue', `"${name}" is too long or has a NUL character.`);
  return value.trim();
}

/** Entra sends booleans as strings ("False"); anything else that is not a boolean is refused. */
export function booleanValue(value: unknown, name: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  throw scimInvalid('invalidValue', `"${name}" must be true or false.`);
}

/** Checks a canonical User and normalises it in place (active as a boolean); returns what the member is made of. */
export function readUser(resource: Resource): ProvisionedUser {
  const userName = text(resource, 'userName', true)!;
  const externalId = text(resource, 'externalId');
  const displayName = text(resource, 'displayName');
  const name = isObject(resource.name) ? resource.name : {};
  for (const [key, value] of Object.entries(name)) {
    if (value !== null && typeof value !== 'string') throw scimInvalid('invalidValue', `"name.${key}" must be a string.`);
  }
  const emails = Array.isArray(resource.emails) ? (resource.emails as Resource[]) : [];
  for (const email of emails) {
    if (typeof email.value !== 'string' || !EMAIL.test(email.value)) throw scimInvalid('invalidValue', `"emails" has a value that is not an email address: ${JSON.stringify(email.value)?.slice(0, 100)}.`);
    if (email.primary !== undefined) email.primary = booleanValue(email.primary, 'emails.primary');
  }
  resource.active = resource.active === undefined ? true : booleanValue(resource.active, 'active');
  const chosen = emails.find((e) => e.primary === true) ?? emails.find((e) => String(e.type).toLowerCase() === 'work') ?? emails[0];
  const email = typeof chosen?.value === 'string' ? chosen.value : EMAIL.test(userName) ? userName : undefined;
  if (!email) throw scimInvalid('invalidValue', 'A user needs an email address: in "emails", or as a userName that is one.');
  const given = [name.givenName, name.familyName].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' ');
  const formatted = typeof name.formatted === 'string' && name.formatted.trim() ? name.formatted.trim() : undefined;
  return {
    userName,
    externalId,
    email: email.toLowerCase(),
    name: (displayName || formatted || given || userName).slice(0, 200),
    active: resource.active as boolean,
  };
}

export interface ProvisionedGroup {
  displayName: string;
  externalId: string | null;
  memberIds: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks a canonical Group; member values must be ids of Users (which the service checks exist). */
export function readGroup(resource: Resource): ProvisionedGroup {
  const displayName = text(resource, 'displayName', true)!;
  const members = Array.isArray(resource.members) ? (resource.members as Resource[]) : [];
  const memberIds = [...new Set(members.map((m) => m.value))];
  for (const id of memberIds) {
    if (typeof id !== 'string' || !UUID.test(id)) throw new ScimError(400, `"members" has a value that is not a User id here: ${JSON.stringify(id)?.slice(0, 100)}.`, 'invalidValue');
  }
  return { displayName, externalId: text(resource, 'externalId'), memberIds: (memberIds as string[]).map((id) => id.toLowerCase()) };
}

// The attributes Landfall's SCIM Users and Groups have (RFC 7643 §4), which PATCH paths and filters may name.

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

export interface AttributeDefinition {
  name: string;
  type: 'string' | 'boolean' | 'complex' | 'reference';
  multiValued?: boolean;
  /** Sub-attributes of a complex attribute. */
  sub?: readonly string[];
  /** Set by Landfall, never by the client (id, meta). */
  readOnly?: boolean;
  required?: boolean;
  /** Unique within the workspace (userName, displayName). */
  unique?: boolean;
}

export interface AttributeSchema {
  core: string;
  attributes: readonly AttributeDefinition[];
  /** An extension schema whose attributes live under its URN in the resource. */
  extension?: { urn: string; attributes: readonly AttributeDefinition[] };
}

const MULTI_SUB = ['value', 'type', 'primary', 'display'] as const;

export const USER_ATTRIBUTES: AttributeSchema = {
  core: USER_SCHEMA,
  attributes: [
    { name: 'userName', type: 'string', required: true, unique: true },
    { name: 'externalId', type: 'string' },
    { name: 'name', type: 'complex', sub: ['formatted', 'givenName', 'familyName', 'middleName', 'honorificPrefix', 'honorificSuffix'] },
    { name: 'displayName', type: 'string' },
    { name: 'nickName', type: 'string' },
    { name: 'title', type: 'string' },
    { name: 'userType', type: 'string' },
    { name: 'preferredLanguage', type: 'string' },
    { name: 'locale', type: 'string' },
    { name: 'timezone', type: 'string' },
    { name: 'profileUrl', type: 'reference' },
    { name: 'active', type: 'boolean' },
    { name: 'emails', type: 'complex', multiValued: true, sub: MULTI_SUB },
    { name: 'phoneNumbers', type: 'complex', multiValued: true, sub: MULTI_SUB },
    {
      name: 'addresses',
      type: 'complex',
      multiValued: true,
      sub: ['formatted', 'streetAddress', 'locality', 'region', 'postalCode', 'country', 'type', 'primary'],
    },
  ],
  extension: {
    urn: ENTERPRISE_SCHEMA,
    attributes: [
      { name: 'employeeNumber', type: 'string' },
      { name: 'costCenter', type: 'string' },
      { name: 'organization', type: 'string' },
      { name: 'division', type: 'string' },
      { name: 'department', type: 'string' },
      { name: 'manager', type: 'complex', sub: ['value', 'displayName', '$ref'] },
    ],
  },
};

export const GROUP_ATTRIBUTES: AttributeSchema = {
  core: GROUP_SCHEMA,
  attributes: [
    { name: 'displayName', type: 'string', required: true, unique: true },
    { name: 'externalId', type: 'string' },
    { name: 'members', type: 'complex', multiValued: true, sub: ['value', 'display', '$ref', 'type'] },
  ],
};

/** What /Schemas serves for one schema (RFC 7643 §7). */
export function schemaResource(id: string, name: string, attributes: readonly AttributeDefinition[]) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id,
    name,
    attributes: attributes.map((a) => ({
      name: a.name,
      type: a.type,
      multiValued: a.multiValued ?? false,
      required: a.required ?? false,
      caseExact: false,
      mutability: a.readOnly ? 'readOnly' : 'readWrite',
      returned: 'default',
      uniqueness: a.unique ? 'server' : 'none',
      ...(a.sub ? { subAttributes: a.sub.map((sub) => ({ name: sub, type: sub === 'primary' ? 'boolean' : 'string', multiValued: false, required: false, caseExact: false, mutability: 'readWrite', returned: 'default', uniqueness: 'none' })) } : {}),
    })),
    meta: { resourceType: 'Schema', location: `/Schemas/${id}` },
  };
}

import type { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { MAX_RESULTS } from './common.js';
import { scimJson, scimNotFound } from './errors.js';
import { GROUP_SCHEMA } from './groups.js';
import { MAX_OPERATIONS } from './patch.js';
import { ENTERPRISE_SCHEMA, USER_SCHEMA } from './user-attributes.js';

const SPC_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

type Attribute = {
  name: string;
  type: string;
  multiValued?: boolean;
  required?: boolean;
  mutability?: string;
  uniqueness?: string;
  subAttributes?: Attribute[];
};

const attribute = ({
  multiValued = false,
  required = false,
  mutability = 'readWrite',
  uniqueness = 'none',
  ...rest
}: Attribute): Record<string, unknown> => ({
  ...rest,
  multiValued,
  required,
  caseExact: false,
  mutability,
  returned: 'default',
  uniqueness,
  ...(rest.subAttributes === undefined ? {} : { subAttributes: rest.subAttributes.map(attribute) }),
});

/** The attributes this server keeps; others a client sends are accepted and ignored. */
const SCHEMAS = [
  {
    id: USER_SCHEMA,
    name: 'User',
    description: 'An employee of the advocacy program',
    attributes: [
      { name: 'userName', type: 'string', required: true, uniqueness: 'server' },
      { name: 'externalId', type: 'string' },
      { name: 'displayName', type: 'string' },
      {
        name: 'name',
        type: 'complex',
        subAttributes: [
          { name: 'formatted', type: 'string' },
          { name: 'givenName', type: 'string' },
          { name: 'familyName', type: 'string' },
        ],
      },
      {
        name: 'emails',
        type: 'complex',
        multiValued: true,
        subAttributes: [
          { name: 'value', type: 'string' },
          { name: 'type', type: 'string' },
          { name: 'primary', type: 'boolean' },
        ],
      },
      { name: 'preferredLanguage', type: 'string' },
      { name: 'locale', type: 'string' },
      { name: 'timezone', type: 'string' },
      { name: 'active', type: 'boolean' },
      {
        name: 'groups',
        type: 'complex',
        multiValued: true,
        mutability: 'readOnly',
        subAttributes: [
          { name: 'value', type: 'string' },
          { name: 'display', type: 'string' },
        ],
      },
    ].map(attribute),
  },
  {
    id: ENTERPRISE_SCHEMA,
    name: 'EnterpriseUser',
    description: "The employee's department: their team",
    attributes: [{ name: 'department', type: 'string' }].map(attribute),
  },
  {
    id: GROUP_SCHEMA,
    name: 'Group',
    description: 'A team',
    attributes: [
      { name: 'displayName', type: 'string', required: true, uniqueness: 'server' },
      { name: 'externalId', type: 'string' },
      {
        name: 'members',
        type: 'complex',
        multiValued: true,
        subAttributes: [
          { name: 'value', type: 'string' },
          { name: 'display', type: 'string' },
        ],
      },
    ].map(attribute),
  },
];

/** ServiceProviderConfig, ResourceTypes and Schemas (RFC 7644 §4), for the client to discover what is supported. */
export function discoveryRoutes(scim: Hono<AppEnv>, base: string): void {
  const meta = (resourceType: string, path: string) => ({ resourceType, location: `${base}/${path}` });

  scim.get('/ServiceProviderConfig', () =>
    scimJson({
      schemas: [SPC_SCHEMA],
      patch: { supported: true },
      bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
      filter: { supported: true, maxResults: MAX_RESULTS },
      changePassword: { supported: false },
      sort: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [
        {
          type: 'oauthbearertoken',
          name: 'Bearer token',
          description: 'A SCIM token created by a program admin in the admin UI (Settings → SCIM provisioning).',
          primary: true,
        },
      ],
      maxOperations: MAX_OPERATIONS,
      meta: meta('ServiceProviderConfig', 'ServiceProviderConfig'),
    }),
  );

  const resourceTypes = [
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'Employees',
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE_SCHEMA, required: false }],
      meta: meta('ResourceType', 'ResourceTypes/User'),
    },
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'Teams',
      schema: GROUP_SCHEMA,
      meta: meta('ResourceType', 'ResourceTypes/Group'),
    },
  ];
  const list = (items: unknown[]) => ({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
    totalResults: items.length,
    startIndex: 1,
    itemsPerPage: items.length,
    Resources: items,
  });

  scim.get('/ResourceTypes', () => scimJson(list(resourceTypes)));
  scim.get('/ResourceTypes/:id', (c) => {
    const found = resourceTypes.find((type) => type.id === c.req.param('id'));
    if (found === undefined) throw scimNotFound('No such resource type.');
    return scimJson(found);
  });
  const schemas = SCHEMAS.map((schema) => ({ schemas: [SCHEMA_SCHEMA], ...schema, meta: meta('Schema', `Schemas/${schema.id}`) }));
  scim.get('/Schemas', () => scimJson(list(schemas)));
  scim.get('/Schemas/:id', (c) => {
    const found = schemas.find((schema) => schema.id === c.req.param('id'));
    if (found === undefined) throw scimNotFound('No such schema.');
    return scimJson(found);
  });
}

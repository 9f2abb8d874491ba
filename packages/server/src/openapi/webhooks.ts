/** The webhook admin API: operations and schemas, merged into the document (./document.ts). */
import { WEBHOOK_EVENT_TYPES } from '../webhooks/events.js';
import type { Operation } from './document.js';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
const orNull = (schema: Schema): Schema => ({ ...schema, type: [schema.type as string, 'null'] });
const dateTime = str({ format: 'date-time' });
const eventType = str({ enum: [...WEBHOOK_EVENT_TYPES] });
const record = (properties: Record<string, Schema>): Schema => ({ type: 'object', properties, required: Object.keys(properties), additionalProperties: false });
const problem = (description: string) => ({ description, schema: 'ProblemDetails', contentType: 'application/problem+json' });

const endpointProperties: Record<string, Schema> = {
  id: str(),
  url: str({ format: 'uri' }),
  description: str(),
  events: { type: 'array', items: eventType },
  active: { type: 'boolean' },
  createdAt: dateTime,
  updatedAt: dateTime,
};

export const webhookSchemas: Record<string, Schema> = {
  WebhookEventType: eventType,
  WebhookEndpoint: record(endpointProperties),
  WebhookEndpointCreated: record({ ...endpointProperties, secret: str({ description: 'Signing secret; shown only in this response.' }) }),
  WebhookEndpointList: record({ items: { type: 'array', items: ref('WebhookEndpoint') } }),
  WebhookEndpointCreate: {
    type: 'object',
    properties: {
      url: str({ format: 'uri', maxLength: 2048 }),
      events: { type: 'array', items: eventType, minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true },
      description: str({ maxLength: 500 }),
    },
    required: ['url', 'events'],
    additionalProperties: false,
  },
  WebhookEndpointUpdate: {
    type: 'object',
    properties: {
      url: str({ format: 'uri', maxLength: 2048 }),
      events: { type: 'array', items: eventType, minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true },
      description: str({ maxLength: 500 }),
      active: { type: 'boolean' },
    },
    minProperties: 1,
    additionalProperties: false,
  },
  WebhookDelivery: record({
    id: str(),
    endpointId: str(),
    eventId: str({ description: 'Same for every attempt and replay of one event: dedupe on it.' }),
    eventType,
    status: str({ enum: ['pending', 'delivered', 'failed'] }),
    attempts: { type: 'integer', minimum: 0 },
    nextAttemptAt: orNull(dateTime),
    responseStatus: orNull({ type: 'integer' }),
    responseBody: orNull(str({ description: 'The first 1 KB of the last answer.' })),
    error: orNull(str()),
    replayOf: orNull(str()),
    createdAt: dateTime,
    updatedAt: dateTime,
    deliveredAt: orNull(dateTime),
  }),
  WebhookDeliveryPage: record({ items: { type: 'array', items: ref('WebhookDelivery') }, nextCursor: orNull(str()) }),
};

const admin = { tags: ['webhooks'], security: ['bearer' as const] };
const forbidden = { '403': problem('Not an admin') };

export const webhookOperations: Record<string, Record<string, Operation>> = {
  '/admin/webhooks': {
    get: { operationId: 'adminListWebhooks', summary: 'Webhook endpoints', ...admin, responses: { '200': { description: 'OK', schema: 'WebhookEndpointList' }, ...forbidden } },
    post: {
      operationId: 'adminCreateWebhook',
      summary: 'Register an endpoint for some event types (https; no private addresses unless the server allows them)',
      ...admin,
      body: { schema: 'WebhookEndpointCreate' },
      responses: { '201': { description: 'Created; the only response that shows the secret', schema: 'WebhookEndpointCreated' }, ...forbidden },
    },
  },
  '/admin/webhooks/{id}': {
    get: { operationId: 'adminGetWebhook', summary: 'One endpoint', ...admin, pathParams: ['id'], responses: { '200': { description: 'OK', schema: 'WebhookEndpoint' }, '404': problem('Unknown endpoint'), ...forbidden } },
    patch: {
      operationId: 'adminUpdateWebhook',
      summary: 'Change the URL, events, description or active flag',
      ...admin,
      pathParams: ['id'],
      body: { schema: 'WebhookEndpointUpdate' },
      responses: { '200': { description: 'OK', schema: 'WebhookEndpoint' }, '404': problem('Unknown endpoint'), ...forbidden },
    },
    delete: { operationId: 'adminDeleteWebhook', summary: 'Remove an endpoint (its delivery log stays)', ...admin, pathParams: ['id'], responses: { '204': { description: 'Removed' }, '404': problem('Unknown endpoint'), ...forbidden } },
  },
  '/admin/webhooks/{id}/deliveries': {
    get: {
      operationId: 'adminListWebhookDeliveries',
      summary: 'Delivery log of an endpoint, newest first',
      ...admin,
      pathParams: ['id'],
      query: { cursor: str({ maxLength: 500 }), limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
      responses: { '200': { description: 'OK', schema: 'WebhookDeliveryPage' }, '404': problem('Unknown endpoint'), ...forbidden },
    },
  },
  '/admin/webhooks/deliveries/{id}/replay': {
    post: {
      operationId: 'adminReplayWebhookDelivery',
      summary: 'Send a logged delivery again (a new delivery of the same event, signed at send time)',
      ...admin,
      pathParams: ['id'],
      responses: { '202': { description: 'Queued', schema: 'WebhookDelivery' }, '404': problem('Unknown delivery or endpoint'), ...forbidden },
    },
  },
};

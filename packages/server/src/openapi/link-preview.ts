/** The link preview used by the post editor: operation and schemas, merged into the document (./document.ts). */
import type { Operation } from './document.js';

type Schema = Record<string, unknown>;

const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
const orNull = (schema: Schema): Schema => ({ ...schema, type: [schema.type as string, 'null'] });
const problem = (description: string) => ({ description, schema: 'ProblemDetails', contentType: 'application/problem+json' });

export const linkPreviewSchemas: Record<string, Schema> = {
  LinkPreviewRequest: {
    type: 'object',
    properties: { url: str({ format: 'uri', maxLength: 2048 }) },
    required: ['url'],
    additionalProperties: false,
  },
  LinkPreview: {
    type: 'object',
    properties: {
      url: str({ format: 'uri', description: 'The link asked for.' }),
      finalUrl: str({ format: 'uri', description: 'Where the last redirect led.' }),
      title: orNull(str()),
      description: orNull(str()),
      imageUrl: orNull(str({ format: 'uri' })),
      siteName: orNull(str()),
    },
    required: ['url', 'finalUrl', 'title', 'description', 'imageUrl', 'siteName'],
    additionalProperties: false,
  },
};

export const linkPreviewOperations: Record<string, Record<string, Operation>> = {
  '/admin/preview': {
    post: {
      operationId: 'adminLinkPreview',
      summary:
        "A link's title, description, image and site name from its Open Graph tags, fetched by the server (5 s, 512 KiB, at most 3 redirects, public addresses only: every resolved address of every hop is checked)",
      tags: ['admin'],
      security: ['bearer'],
      body: { schema: 'LinkPreviewRequest' },
      responses: {
        '200': { description: 'OK', schema: 'LinkPreview' },
        '403': problem('Not an admin'),
        '422': problem('The link could not be previewed (field error on url: invalid_url, blocked_address, too_many_redirects, timeout, unreachable, http_status, not_html)'),
      },
    },
  },
};

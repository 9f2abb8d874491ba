import type { Hono } from 'hono';
import { fetchLinkPreview, LinkPreviewError } from './link-preview.js';
import { handle } from '../http/operation.js';
import { invalid } from '../http/problem.js';
import type { AppEnv, Services } from '../context.js';

/** `POST /admin/preview`: the post editor's preview of a link, fetched by the server. */
export function linkPreviewRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'adminLinkPreview', async (_c, { body: { url }, reply }) => {
    try {
      return reply(await fetchLinkPreview(url));
    } catch (error) {
      if (error instanceof LinkPreviewError) {
        throw invalid(422, `No preview for this link: ${error.message}`, [{ field: 'url', message: error.message, code: error.code }]);
      }
      throw error;
    }
  });
}

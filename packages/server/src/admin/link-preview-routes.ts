import type { Hono } from 'hono';
import { fetchLinkPreview, LinkPreviewError } from './link-preview.js';
import { readJson } from '../http/body.js';
import { invalid } from '../http/problem.js';
import type { AppEnv, Services } from '../context.js';

/** `POST /admin/preview`: the post editor's preview of a link, fetched by the server. */
export function linkPreviewRoutes(api: Hono<AppEnv>, s: Services): void {
  api.post('/admin/preview', async (c) => {
    const { url } = s.validator.body<{ url: string }>('adminLinkPreview', await readJson(c));
    try {
      return c.json(await fetchLinkPreview(url));
    } catch (error) {
      if (error instanceof LinkPreviewError) {
        throw invalid(422, `No preview for this link: ${error.message}`, [{ field: 'url', message: error.message, code: error.code }]);
      }
      throw error;
    }
  });
}

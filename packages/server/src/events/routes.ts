import type { Hono } from 'hono';
import { authenticate, bearerToken } from '../auth/middleware.js';
import type { AppEnv, Services } from '../context.js';
import { handle } from '../http/operation.js';
import { nowIso } from '../ids.js';

/**
 * `POST /events`: participation events, each counted once by its client-generated id.
 * sendBeacon posts text/plain and cannot set headers, so the token may come in the body.
 */
export function eventRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'sendEvents', async (c, { body, reply }) => {
    const me = await authenticate(s, bearerToken(c.req.header('authorization')) ?? body.accessToken ?? null);
    await s.limits.writes.take(me.id);
    const receivedAt = nowIso();
    let accepted = 0;
    for (let start = 0; start < body.events.length; start += 100) {
      const rows = body.events.slice(start, start + 100).map((event) => ({
        employee_id: me.id,
        id: event.id,
        type: event.type,
        at: new Date(event.at).toISOString(),
        post_id: event.postId ?? null,
        network: event.network ?? null,
        received_at: receivedAt,
      }));
      const inserted = await s.db
        .insertInto('events')
        .values(rows)
        .onConflict((oc) => oc.columns(['employee_id', 'id']).doNothing())
        .returning('id')
        .execute();
      accepted += inserted.length;
    }
    return reply({ accepted, duplicates: body.events.length - accepted });
  });
}

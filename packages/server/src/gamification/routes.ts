import type { Hono } from 'hono';
import type { AppEnv, Services } from '../context.js';
import { myPreferences, updatePreferences } from '../engagement/preferences.js';
import { handle } from '../http/operation.js';
import { conflict, invalid, notFound } from '../http/problem.js';
import { nowIso } from '../ids.js';
import { awardBadges } from './badges.js';
import { caps } from './caps.js';
import { recordAudit } from '../audit/audit.js';
import { allContests, contestRow, createContest, listContests, presentContest } from './contests.js';
import { gamificationDb } from './tables.js';
import { leaderboardSettings, saveLeaderboardSettings } from './leaderboard-settings.js';

/** Badges, contests, preferences and the caps admins can read. */
export function gamificationRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'listMyBadges', async (c, { reply }) =>
    reply({ items: await awardBadges(s.db, c.get('employee').id, s.config.rules.badges) }),
  );

  handle(api, s, 'listContests', async (c, { reply }) => reply({ items: await listContests(s.db, c.get('employee'), new Date()) }));

  handle(api, s, 'adminCreateContest', async (c, { body: input, reply }) => {
    if (Date.parse(input.endsAt) <= Date.parse(input.startsAt)) {
      throw invalid(422, 'A contest must end after it starts.', [
        { field: 'endsAt', message: 'must be after startsAt', code: 'out_of_range' },
      ]);
    }
    if (input.scope === 'team' && input.team === undefined)
      throw invalid(422, 'A team contest needs its team.', [
        { field: 'team', message: 'is required for a team contest', code: 'required' },
      ]);
    if (input.scope === 'company' && input.team !== undefined)
      throw invalid(422, 'A company contest has no team.', [{ field: 'team', message: 'only with scope team', code: 'invalid_value' }]);
    const now = new Date();
    const row = await s.db.transaction().execute(async (trx) => {
      const created = await createContest(trx, input, now);
      await recordAudit(trx, {
        actor: { kind: 'admin', id: c.get('employee').id },
        action: 'contest.create',
        target: { kind: 'contest', id: created.id },
        after: { ...input, id: created.id },
      });
      return created;
    });
    return reply(await presentContest(s.db, row, c.get('employee').id, now));
  });

  handle(api, s, 'adminCaps', async (_c, { reply }) => reply({ items: caps(s.config, await s.pointRules.at(nowIso())) }));

  handle(api, s, 'getPreferences', async (c, { reply }) => reply(await myPreferences(s.db, c.get('employee').id)));
  handle(api, s, 'updatePreferences', async (c, { body: input, reply }) => {
    return reply(await updatePreferences(s.db, c.get('employee').id, input, nowIso()));
  });

  // leaderboards and contests
  handle(api, s, 'adminGetLeaderboardSettings', async (_c, { reply }) => reply(await leaderboardSettings(s.db)));
  handle(api, s, 'adminSetLeaderboardSettings', async (c, { body, reply }) => {
    const updatedAt = nowIso();
    const after = await s.db.transaction().execute(async (trx) => {
      const before = await leaderboardSettings(trx);
      const next = { anonymous: body.anonymous ?? before.anonymous, top: body.top ?? before.top, updatedAt };
      await saveLeaderboardSettings(trx, next);
      await recordAudit(trx, {
        actor: { kind: 'admin', id: c.get('employee').id },
        action: 'settings.update',
        target: { kind: 'program', id: 'leaderboard' },
        before,
        after: next,
        at: updatedAt,
      });
      return next;
    });
    return reply(after);
  });

  handle(api, s, 'adminListContests', async (c, { reply }) => reply({ items: await allContests(s.db, c.get('employee').id, new Date()) }));

  /** The contest, still open to changes: not ended, not cancelled. */
  const openContest = async (db: typeof s.db, id: string, now: Date) => {
    const row = await contestRow(db, id);
    if (row === undefined) throw notFound(`No contest "${id}"`);
    if (row.cancelled_at !== null || Date.parse(row.ends_at) <= now.getTime()) throw conflict('The contest ended or was cancelled.');
    return row;
  };

  handle(api, s, 'adminUpdateContest', async (c, { params: { id }, body, reply }) => {
    const now = new Date();
    const adminId = c.get('employee').id;
    const row = await s.db.transaction().execute(async (trx) => {
      const current = await openContest(trx, id, now);
      if (body.startsAt !== undefined && Date.parse(current.starts_at) <= now.getTime())
        throw invalid(422, 'A contest that started keeps its start.', [
          { field: 'startsAt', message: 'cannot change once the contest started', code: 'invalid_value' },
        ]);
      const startsAt = body.startsAt === undefined ? current.starts_at : new Date(body.startsAt).toISOString();
      const endsAt = body.endsAt === undefined ? current.ends_at : new Date(body.endsAt).toISOString();
      if (Date.parse(endsAt) <= Date.parse(startsAt))
        throw invalid(422, 'A contest must end after it starts.', [
          { field: 'endsAt', message: 'must be after startsAt', code: 'out_of_range' },
        ]);
      const next = {
        ...current,
        ...(body.title === undefined ? {} : { title: body.title }),
        ...(body.description === undefined ? {} : { description: body.description }),
        ...(body.prize === undefined ? {} : { prize: body.prize }),
        ...(body.translations === undefined ? {} : { translations: JSON.stringify(body.translations) }),
        starts_at: startsAt,
        ends_at: endsAt,
      };
      const before = await presentContest(trx, current, adminId, now);
      await gamificationDb(trx)
        .updateTable('contests')
        .set({
          title: next.title,
          description: next.description,
          prize: next.prize,
          translations: next.translations,
          starts_at: startsAt,
          ends_at: endsAt,
        })
        .where('id', '=', id)
        .execute();
      await recordAudit(trx, {
        actor: { kind: 'admin', id: adminId },
        action: 'contest.update',
        target: { kind: 'contest', id },
        before,
        after: await presentContest(trx, next, adminId, now),
      });
      return next;
    });
    return reply(await presentContest(s.db, row, adminId, now));
  });

  handle(api, s, 'adminCancelContest', async (c, { params: { id }, reply }) => {
    const now = new Date();
    const adminId = c.get('employee').id;
    const row = await s.db.transaction().execute(async (trx) => {
      const current = await openContest(trx, id, now);
      const next = { ...current, cancelled_at: now.toISOString() };
      // The guarded update lets one of two concurrent cancels through; the other answers 409.
      const claimed = await gamificationDb(trx)
        .updateTable('contests')
        .set({ cancelled_at: next.cancelled_at })
        .where('id', '=', id)
        .where('cancelled_at', 'is', null)
        .executeTakeFirst();
      if (claimed.numUpdatedRows !== 1n) throw conflict('The contest ended or was cancelled.');
      await recordAudit(trx, {
        actor: { kind: 'admin', id: adminId },
        action: 'contest.cancel',
        target: { kind: 'contest', id },
        before: await presentContest(trx, current, adminId, now),
        after: await presentContest(trx, next, adminId, now),
      });
      return next;
    });
    return reply(await presentContest(s.db, row, adminId, now));
  });
}

import type { ContestInput, PreferencesInput } from '@advocacy-kit/core';
import type { Hono } from 'hono';
import type { AppEnv, Services } from '../context.js';
import { getPreferences, updatePreferences } from '../engagement/preferences.js';
import { readJson } from '../http/body.js';
import { invalid } from '../http/problem.js';
import { nowIso } from '../ids.js';
import { awardBadges } from './badges.js';
import { caps } from './caps.js';
import { createContest, listContests, presentContest } from './contests.js';

/** Badges, contests, preferences and the caps admins can read. */
export function gamificationRoutes(api: Hono<AppEnv>, s: Services): void {
  api.get('/me/badges', async (c) => c.json({ items: await awardBadges(s.db, c.get('employee').id, s.config.rules.badges) }));

  api.get('/contests', async (c) => c.json({ items: await listContests(s.db, c.get('employee'), new Date()) }));

  api.post('/admin/contests', async (c) => {
    const input = s.validator.body<ContestInput>('adminCreateContest', await readJson(c));
    if (Date.parse(input.endsAt) <= Date.parse(input.startsAt)) {
      throw invalid(422, 'A contest must end after it starts.', [{ field: 'endsAt', message: 'must be after startsAt', code: 'out_of_range' }]);
    }
    if (input.scope === 'team' && input.team === undefined) throw invalid(422, 'A team contest needs its team.', [{ field: 'team', message: 'is required for a team contest', code: 'required' }]);
    if (input.scope === 'company' && input.team !== undefined) throw invalid(422, 'A company contest has no team.', [{ field: 'team', message: 'only with scope team', code: 'invalid_value' }]);
    const now = new Date();
    const row = await createContest(s.db, input, now);
    return c.json(await presentContest(s.db, row, c.get('employee').id, now), 201);
  });

  api.get('/admin/caps', (c) => c.json({ items: caps(s.config) }));

  api.get('/me/preferences', async (c) => c.json(await getPreferences(s.db, c.get('employee').id)));
  api.put('/me/preferences', async (c) => {
    const input = s.validator.body<PreferencesInput>('updatePreferences', await readJson(c));
    return c.json(await updatePreferences(s.db, c.get('employee').id, input, nowIso()));
  });
}

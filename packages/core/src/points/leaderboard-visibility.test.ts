import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryBackend } from '../memory/memory-backend.js';
import { createLeaderboardVisibility } from './leaderboard-visibility.js';
import { until } from '../../test/helpers.js';

describe('createLeaderboardVisibility', () => {
  it('loads the opt-in (off by default), saves a change and tells the leaderboard to reload', async () => {
    const backend = memoryBackend();
    let reloads = 0;
    const visibility = createLeaderboardVisibility({ backend, onChange: () => reloads++ });
    const ready = await until(visibility.store, (s) => s.status === 'ready');
    assert.equal(ready.shown, false);
    await visibility.set(true);
    assert.equal(visibility.store.get().shown, true);
    assert.equal((await backend.getPreferences!()).showOnLeaderboard, true);
    assert.equal(reloads, 1);
  });

  it('keeps the failure and the previous choice when saving fails', async () => {
    const backend = memoryBackend();
    const visibility = createLeaderboardVisibility({ backend });
    await until(visibility.store, (s) => s.status === 'ready');
    backend.fail('network');
    await assert.rejects(visibility.set(true), { code: 'network' });
    assert.deepEqual([visibility.store.get().shown, visibility.store.get().error?.code], [false, 'network']);
  });
});

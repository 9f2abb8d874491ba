import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalyticsQuery } from '../backend/contract.js';
import { memoryBackend } from '../memory/memory-backend.js';
import { analyticsWindows, createAnalytics } from './analytics.js';
import { until } from '../../test/helpers.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');

describe('analyticsWindows', () => {
  it('ends a preset now and compares with the window of the same length before it', () => {
    const { current, previous } = analyticsWindows('7', NOW);
    assert.deepEqual(current, { from: '2026-06-08T12:00:00.000Z', to: '2026-06-15T12:00:00.000Z' });
    assert.deepEqual(previous, { from: '2026-06-01T12:00:00.000Z', to: '2026-06-08T11:59:59.999Z' });
  });

  it('takes a custom window as given', () => {
    const { current, previous } = analyticsWindows({ from: '2026-05-01T00:00:00.000Z', to: '2026-05-11T00:00:00.000Z' }, NOW);
    assert.deepEqual(current, { from: '2026-05-01T00:00:00.000Z', to: '2026-05-11T00:00:00.000Z' });
    assert.deepEqual(previous, { from: '2026-04-21T00:00:00.000Z', to: '2026-04-30T23:59:59.999Z' });
  });
});

describe('createAnalytics', () => {
  it('loads the current and previous summaries and the teams; a new window refetches', async () => {
    const backend = memoryBackend({ employeeId: 'emp-haruka', now: () => NOW });
    const asked: AnalyticsQuery[] = [];
    const real = backend.admin.getAnalytics.bind(backend.admin);
    backend.admin.getAnalytics = (query) => (asked.push(query), real(query));
    const analytics = createAnalytics({ backend, now: () => NOW });
    assert.equal(analytics.window.get(), '30');
    const stop = analytics.store.listen(() => undefined);
    const { data } = await until(analytics.store, (s) => s.status === 'ready');
    assert.equal(data!.current.from, analyticsWindows('30', NOW).current.from);
    assert.equal(data!.previous.to, analyticsWindows('30', NOW).previous.to);
    assert.ok(data!.teams.length > 0);
    analytics.setWindow('7');
    assert.equal(analytics.store.get().status, 'loading');
    const week = await until(analytics.store, (s) => s.status === 'ready');
    assert.equal(week.data!.current.from, analyticsWindows('7', NOW).current.from);
    const before = asked.length;
    analytics.setWindow('7');
    analytics.setWindow({ from: '2026-05-01', to: '2026-05-31' });
    await until(analytics.store, (s) => s.status === 'ready');
    assert.equal(asked.length, before + 2, 'the same window again fetched nothing');
    assert.equal(asked.at(-2)!.from, '2026-05-01');
    stop();
  });

  it('keeps an error until a refresh succeeds', async () => {
    const backend = memoryBackend({ employeeId: 'emp-haruka', now: () => NOW });
    backend.fail('timeout');
    const analytics = createAnalytics({ backend, now: () => NOW });
    const stop = analytics.store.listen(() => undefined);
    assert.equal((await until(analytics.store, (s) => s.status === 'error')).error?.code, 'timeout');
    backend.fail(null);
    await analytics.refresh();
    assert.equal(analytics.store.get().status, 'ready');
    stop();
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { badgeStandings } from './badges.js';

describe('badge rules', () => {
  it('awards first share, ten shares and first conversion at the moment they happened', () => {
    const shares = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, 2, 1 + i, 9)).toISOString()).reverse();
    const badges = badgeStandings(shares, ['2026-03-05T10:00:00.000Z']);
    const byId = Object.fromEntries(badges.map((b) => [b.id, b]));
    assert.equal(byId.first_share!.awardedAt, '2026-03-01T09:00:00.000Z');
    assert.equal(byId.ten_shares!.awardedAt, '2026-03-10T09:00:00.000Z');
    assert.deepEqual([byId.ten_shares!.progress, byId.ten_shares!.target], [10, 10]);
    assert.equal(byId.first_conversion!.awardedAt, '2026-03-05T10:00:00.000Z');
  });

  it('counts a streak only over consecutive Monday-to-Sunday weeks', () => {
    // Sun 1 Mar, Mon 2 Mar, Mon 9 Mar, (no share the week of 16 Mar), Mon 23 Mar.
    const gap = badgeStandings(['2026-03-01T20:00:00Z', '2026-03-02T08:00:00Z', '2026-03-09T08:00:00Z', '2026-03-23T08:00:00Z'], []).find(
      (b) => b.id === 'streak',
    )!;
    assert.deepEqual([gap.progress, gap.target, gap.awardedAt], [3, 4, null]);
    const full = badgeStandings(
      ['2026-03-01T20:00:00Z', '2026-03-02T08:00:00Z', '2026-03-09T08:00:00Z', '2026-03-16T08:00:00Z', '2026-03-17T08:00:00Z'],
      [],
    ).find((b) => b.id === 'streak')!;
    assert.equal(full.awardedAt, '2026-03-16T08:00:00.000Z');
  });
});

describe('badge rules with other thresholds', () => {
  it('moves the ten-shares badge and the streak to the configured counts', () => {
    const shares = ['2026-03-02T08:00:00Z', '2026-03-09T08:00:00Z', '2026-03-10T08:00:00Z'];
    const byId = Object.fromEntries(badgeStandings(shares, [], { tenShares: 3, streakWeeks: 2 }).map((b) => [b.id, b]));
    assert.deepEqual([byId.ten_shares!.target, byId.ten_shares!.awardedAt], [3, '2026-03-10T08:00:00.000Z']);
    assert.deepEqual([byId.streak!.target, byId.streak!.awardedAt], [2, '2026-03-09T08:00:00.000Z']);
  });
});

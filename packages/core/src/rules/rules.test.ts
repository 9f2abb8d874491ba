import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_RULES,
  clickAwardsPerPostDay,
  clickEarnsPoints,
  clickReference,
  clickReferencePrefix,
  conversionReference,
  estimatedReach,
  mergeRules,
  sharePoints,
  shareReference,
  suggestionReference,
  versionAt,
} from './index.js';

describe('the default rules', () => {
  it('are the documented points, cap, badges, reach and 6-3-1 targets', () => {
    assert.deepEqual(DEFAULT_RULES.points, { share: 10, click: 5, conversion: 50, suggestion: 20, clickDailyCapPerPost: 50 });
    assert.deepEqual(DEFAULT_RULES.badges, { tenShares: 10, streakWeeks: 4 });
    assert.equal(DEFAULT_RULES.reach.linkedin, 600);
    assert.deepEqual(DEFAULT_RULES.contentMix, { curated: 0.6, owned: 0.3, promotional: 0.1 });
  });

  it('cannot be changed by accident', () => {
    assert.throws(() => {
      (DEFAULT_RULES.points as { share: number }).share = 1;
    }, TypeError);
    assert.equal(DEFAULT_RULES.points.share, 10);
  });
});

describe('mergeRules', () => {
  it('replaces only the values an override sets, group by group', () => {
    const rules = mergeRules(DEFAULT_RULES, { points: { share: 5 }, badges: { streakWeeks: 2 }, reach: { line: 80 } });
    assert.deepEqual(rules.points, { ...DEFAULT_RULES.points, share: 5 });
    assert.deepEqual(rules.badges, { tenShares: 10, streakWeeks: 2 });
    assert.deepEqual(rules.reach, { ...DEFAULT_RULES.reach, line: 80 });
    assert.deepEqual(rules.contentMix, DEFAULT_RULES.contentMix);
  });

  it('keeps the base value where an override is undefined, and changes neither argument', () => {
    const base = mergeRules(DEFAULT_RULES, { points: { click: 3 } });
    const overrides = { points: { click: undefined, conversion: 0 } };
    const rules = mergeRules(base, overrides);
    assert.deepEqual([rules.points.click, rules.points.conversion], [3, 0]);
    assert.deepEqual([base.points.click, base.points.conversion], [3, 50]);
    assert.deepEqual(overrides, { points: { click: undefined, conversion: 0 } });
    assert.deepEqual(mergeRules(DEFAULT_RULES), DEFAULT_RULES);
  });
});

describe('share points per network', () => {
  it('pay a share to a network with a public post in full, and a copied or emailed link a fifth', () => {
    assert.deepEqual(
      ['linkedin', 'x', 'facebook', 'copy', 'email', 'native'].map((network) => sharePoints(DEFAULT_RULES, network)),
      [10, 10, 10, 2, 2, 2],
    );
  });

  it('make a few unique human clicks worth more than a share', () => {
    const { click, share } = DEFAULT_RULES.points;
    assert.ok(3 * click > share);
  });

  it('follow the share points and the weights an override sets, rounded, and weigh an unknown network 1', () => {
    const rules = mergeRules(DEFAULT_RULES, { points: { share: 7 }, networkWeights: { copy: 0.5, x: 1.5 } });
    assert.deepEqual(
      ['linkedin', 'x', 'copy', 'email', 'myspace'].map((network) => sharePoints(rules, network)),
      [7, 11, 4, 1, 7],
    );
    assert.equal(sharePoints(mergeRules(DEFAULT_RULES, { networkWeights: { linkedin: 0 } }), 'linkedin'), 0);
  });
});

describe('ledger references', () => {
  it('award a share once per employee, post and network', () => {
    assert.equal(shareReference('emp-ann', 'post-1', 'linkedin'), 'emp-ann:post-1:linkedin');
    assert.notEqual(shareReference('emp-ann', 'post-1', 'linkedin'), shareReference('emp-ann', 'post-1', 'x'));
  });

  it('name a click award by employee, post, UTC day and slot, under the prefix that counts them', () => {
    const reference = clickReference('emp-ann', 'post-1', '2026-03-18', 4);
    assert.equal(reference, 'emp-ann:post-1:2026-03-18:4');
    assert.ok(reference.startsWith(clickReferencePrefix('emp-ann', 'post-1', '2026-03-18')));
    assert.ok(!clickReference('emp-ann', 'post-1', '2026-03-19', 1).startsWith(clickReferencePrefix('emp-ann', 'post-1', '2026-03-18')));
    assert.ok(!clickReference('emp-ann', 'post-2', '2026-03-18', 1).startsWith(clickReferencePrefix('emp-ann', 'post-1', '2026-03-18')));
  });

  it("keep one pair's click references out of another's prefix, whatever the ids hold", () => {
    // Without encoding, employee "a:p" with post "d" would start with the prefix of employee "a", post "p".
    const prefix = clickReferencePrefix('a', 'p', '2026-03-18');
    assert.ok(!clickReference('a:p', '2026-03-18', '2026-03-18', 1).startsWith(prefix));
    assert.ok(!clickReference('a', 'p:2026-03-18', '2026-03-18', 1).startsWith(prefix));
  });

  it('award conversions and suggestions by their ids', () => {
    assert.equal(conversionReference('cnv_1'), 'cnv_1');
    assert.equal(suggestionReference('sug_1'), 'sug_1');
  });
});

describe('the click cap', () => {
  it("lets an employee earn click points from a post until the day's cap is reached", () => {
    const points = DEFAULT_RULES.points; // 5 per click, 50 per employee, post and day
    assert.equal(clickAwardsPerPostDay(points), 10);
    assert.equal(clickEarnsPoints(points, 9), true);
    assert.equal(clickEarnsPoints(points, 10), false);
  });

  it('never goes over the cap when it is not a multiple of the click points', () => {
    const points = { ...DEFAULT_RULES.points, click: 3, clickDailyCapPerPost: 10 };
    assert.equal(clickAwardsPerPostDay(points), 3);
    assert.equal(clickEarnsPoints(points, 3), false);
  });

  it('awards nothing when clicks earn no points or the cap is zero', () => {
    assert.equal(clickEarnsPoints({ ...DEFAULT_RULES.points, click: 0 }, 0), false);
    assert.equal(clickEarnsPoints({ ...DEFAULT_RULES.points, clickDailyCapPerPost: 0 }, 0), false);
  });
});

describe('estimated reach', () => {
  it('adds each network’s audience per share, and nothing for an unknown network', () => {
    const reach = mergeRules(DEFAULT_RULES, { reach: { linkedin: 100, x: 10 } }).reach;
    assert.equal(
      estimatedReach(reach, [
        ['linkedin', 3],
        ['x', 2],
        ['myspace', 7],
      ]),
      320,
    );
    assert.equal(estimatedReach(reach, new Map()), 0);
  });
});

describe('the version of the rules in effect', () => {
  const versions = [
    { id: 'a', rules: { points: { share: 5 } }, effectiveFrom: '2026-01-01T00:00:00.000Z' },
    { id: 'b', rules: { points: { share: 6 } }, effectiveFrom: '2026-02-01T00:00:00.000Z' },
    { id: 'c', rules: { points: { share: 7 } }, effectiveFrom: '2026-02-01T00:00:00.000Z' },
    { id: 'd', rules: {}, effectiveFrom: '2026-03-01T00:00:00.000Z' },
  ];

  it('is the last one that took effect by then, none before the first, and the last listed on a tie', () => {
    assert.equal(versionAt(versions, '2025-12-31T23:59:59.999Z'), undefined);
    assert.equal(versionAt(versions, '2026-01-01T00:00:00.000Z')?.id, 'a');
    assert.equal(versionAt(versions, '2026-02-15T00:00:00.000Z')?.id, 'c');
    assert.equal(versionAt([], '2026-02-15T00:00:00.000Z'), undefined);
  });

  it('applies over the defaults alone: an empty version brings the defaults back', () => {
    const at = (time: string) => mergeRules(DEFAULT_RULES, versionAt(versions, time)?.rules).points.share;
    assert.deepEqual([at('2026-01-02T00:00:00.000Z'), at('2026-03-02T00:00:00.000Z')], [5, DEFAULT_RULES.points.share]);
  });
});

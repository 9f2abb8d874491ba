import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGoals, createMemberList } from '../admin/pilots.js';
import { demoSeed } from '../memory/demo-seed.js';
import { memoryBackend } from '../memory/memory-backend.js';
import { goalProgress } from '../rules/goals.js';
import { createMembership } from './membership-store.js';
import { until } from '../../test/helpers.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const backend = (employeeId = 'emp-haruka') => memoryBackend({ employeeId, now: () => NOW });

describe('goalProgress', () => {
  const goal = { metric: 'shares' as const, target: 100, from: '2026-06-06', to: '2026-06-15' };
  const daily = (values: Record<string, number>) => new Map(Object.entries(values));

  it('expects the target at a linear pace and says whether the running total keeps up', () => {
    const onDay5 = goalProgress(goal, '2026-06-10', daily({ '2026-06-06': 20, '2026-06-09': 30 }));
    assert.deepEqual([onDay5.elapsedDays, onDay5.totalDays, onDay5.expected, onDay5.current, onDay5.status], [5, 10, 50, 50, 'on_track']);
    assert.deepEqual(
      onDay5.series.map((p) => p.value),
      [20, 20, 20, 50, 50],
    );
    assert.equal(goalProgress(goal, '2026-06-10', daily({ '2026-06-06': 49 })).status, 'behind');
    assert.equal(goalProgress(goal, '2026-06-08', daily({ '2026-06-06': 100 })).status, 'achieved');
    assert.equal(goalProgress(goal, '2026-06-20', daily({ '2026-06-06': 99 })).status, 'missed');
    const early = goalProgress(goal, '2026-06-01', daily({}));
    assert.deepEqual([early.status, early.expected, early.series], ['upcoming', 0, []]);
  });

  it('turns first shares into a share of members for participation', () => {
    const progress = goalProgress(
      { ...goal, metric: 'participation', target: 0.5 },
      '2026-06-15',
      daily({ '2026-06-07': 2, '2026-06-12': 1 }),
      4,
    );
    assert.equal(progress.current, 0.75);
    assert.equal(progress.status, 'achieved');
  });
});

describe('pilots stores', () => {
  it('an invited employee accepts from the membership store, and becomes a member', async () => {
    const membership = createMembership(backend('emp-tom'));
    const ready = await until(membership.store, (s) => s.status === 'ready');
    assert.equal(ready.membership?.state, 'invited');
    const answer = membership.respond('accept');
    assert.equal(membership.store.get().busy, 'accept');
    assert.equal((await answer).state, 'joined');
    assert.equal(membership.store.get().membership?.member, true);
  });

  it('the member list filters by state and invites; enrollment changes show', async () => {
    const list = createMemberList({ backend: backend() });
    await until(list.store, (s) => s.status === 'ready');
    await list.setFilter('not_joined');
    const { items } = await until(list.store, (s) => s.status === 'ready' && s.filter === 'not_joined');
    assert.deepEqual(
      items.map((m) => m.employeeId),
      ['emp-tom'],
    );
    await list.setEnrollment('invitation');
    assert.equal((await until(list.store, (s) => s.status === 'ready' && s.enrollment === 'invitation')).enrollment, 'invitation');
    await assert.rejects(list.invite({ employeeIds: ['emp-nobody'] }), (error: { code: string }) => error.code === 'validation');
    assert.equal(list.store.get().writeError?.fieldErrors[0]?.code, 'unknown_employee');
  });

  it('goals are created, archived and deleted through the store', async () => {
    const goals = createGoals({ backend: backend() });
    const { items } = await until(goals.store, (s) => s.status === 'ready');
    assert.equal(items.length, 3);
    const goal = await goals.create({ title: 'Clicks', metric: 'unique_clicks', target: 10, from: '2026-06-01', to: '2026-06-30' });
    assert.ok(goals.store.get().items.some((g) => g.id === goal.id));
    await goals.archive(goal.id);
    assert.ok(!goals.store.get().items.some((g) => g.id === goal.id));
    await goals.showArchived(true);
    assert.ok(goals.store.get().items.some((g) => g.id === goal.id && g.archived));
    await goals.remove(goal.id);
    assert.ok(!goals.store.get().items.some((g) => g.id === goal.id));
  });

  it('participation counts members who take part now: not a deactivated employee, not someone who declined', async () => {
    const seed = demoSeed(NOW);
    Object.assign(
      seed.employees.find((e) => e.id === 'emp-yui')!,
      { status: 'deactivated' },
    );
    const admin = memoryBackend({ seed, employeeId: 'emp-haruka', now: () => NOW });
    const window = { from: '2026-01-01', to: '2026-06-15' };
    const all = await admin.admin.getAnalytics(window);
    assert.equal(all.employees, 11, 'twelve employees, one deactivated');
    assert.ok(!all.topAdvocates.some((a) => a.employeeId === 'emp-yui'));
    await admin.as('emp-emily').respondToInvitation!('decline');
    const after = await admin.admin.getAnalytics(window);
    assert.equal(after.employees, 10);
    assert.equal(after.activeAdvocates, all.activeAdvocates - 1);
    const yui = (await admin.admin.listMembers!({ team: 'team-sales' })).items.find((m) => m.employeeId === 'emp-yui')!;
    assert.deepEqual([yui.active, yui.member], [false, false]);
  });
});

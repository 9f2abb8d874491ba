import type { DemoSeed } from '@advocacy-kit/core/memory';
import type { Post } from '@advocacy-kit/core';

const DAY = 86_400_000;

function post(id: string, overrides: Partial<Post>, now: Date): Post {
  const at = new Date(now.getTime() - 2 * DAY).toISOString();
  return {
    id,
    kind: 'curated',
    status: 'published',
    title: `Post ${id}`,
    summary: `Summary of ${id}`,
    url: `https://example.com/articles/${id}?ref=feed#top`,
    imageUrl: null,
    source: 'Example',
    locale: 'en',
    suggestedCommentary: { en: { default: 'Worth a read' } },
    hashtags: ['news'],
    topics: ['t-product'],
    audience: { teams: [], roles: [] },
    networks: [],
    publishAt: at,
    expireAt: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** A small company: two teams, three employees (one admin), posts covering the visibility rules. */
export function fixture(now: Date): DemoSeed {
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  return {
    teams: [
      { id: 'team-sales', name: 'Sales' },
      { id: 'team-eng', name: 'Engineering' },
    ],
    employees: [
      {
        id: 'emp-ann',
        displayName: 'Ann',
        team: 'team-sales',
        teamName: 'Sales',
        role: 'employee',
        locale: 'en',
        timeZone: 'UTC',
        avatarUrl: null,
        policyAcceptedAt: null,
        policyVersionAccepted: null,
      },
      {
        id: 'emp-bob',
        displayName: 'Bob',
        team: 'team-eng',
        teamName: 'Engineering',
        role: 'employee',
        locale: 'ja',
        timeZone: 'Asia/Tokyo',
        avatarUrl: null,
        policyAcceptedAt: null,
        policyVersionAccepted: null,
      },
      {
        id: 'emp-ada',
        displayName: 'Ada',
        team: 'team-eng',
        teamName: 'Engineering',
        role: 'admin',
        locale: 'en',
        timeZone: 'UTC',
        avatarUrl: null,
        policyAcceptedAt: ago(10),
        policyVersionAccepted: null,
      },
    ],
    topics: [
      { id: 't-product', names: { en: 'Product', ja: '製品' } },
      { id: 't-hiring', names: { en: 'Hiring', ja: '採用' } },
    ],
    posts: [
      post('p-1', { publishAt: ago(4), createdAt: ago(4), updatedAt: ago(4) }, now),
      post('p-2', { publishAt: ago(2), topics: ['t-hiring'], locale: 'ja', kind: 'owned', networks: ['linkedin', 'x'] }, now),
      post('p-3', { publishAt: ago(1), audience: { teams: ['team-eng'], roles: [] } }, now),
      post('p-draft', { status: 'draft' }, now),
      post('p-future', { publishAt: new Date(now.getTime() + DAY).toISOString() }, now),
      post('p-expired', { expireAt: ago(1) }, now),
    ],
    shares: [
      {
        id: 'shr-seed-1',
        postId: 'p-1',
        employeeId: 'emp-bob',
        network: 'x',
        commentary: 'seeded',
        // Old enough that all three clicks have happened (the last comes three days after the share).
        createdAt: ago(3.5),
        uniqueClicks: 3,
        conversions: [{ type: 'lead', value: 100, externalId: 'crm-seed-1' }],
      },
    ],
    suggestions: [],
  };
}

import { PROBLEM_TYPE_BASE, type AdvocacyError } from '@advocacy-kit/core/backend';
import { assert, assertEqual, expectError } from '../assert.js';
import type { Check } from '../check.js';

export const errorChecks: Check[] = [
  {
    id: 'errors.not-found',
    group: 'errors',
    name: 'an unknown post is not_found',
    async run(context) {
      await expectError('getPost with an unknown id', 'not_found', () => context.employee.getPost(context.unique('no-such-post')));
    },
  },
  {
    id: 'errors.validation-suggestion',
    group: 'errors',
    name: 'a suggestion with a malformed URL is a validation error naming the field',
    async run(context) {
      const error = await expectError('createSuggestion with url "not a url"', 'validation', () =>
        context.employee.createSuggestion({ url: 'not a url', note: '', topics: [] }),
      );
      const fields = error.fieldErrors.map((f) => f.field);
      assert(
        fields.some((field) => field.replace(/^\//, '') === 'url'),
        'fieldErrors names the url field',
        'a field error for "url"',
        fields,
      );
    },
  },
  {
    id: 'errors.validation-share',
    group: 'errors',
    name: 'a share to an unknown network is a validation error naming the field',
    async run(context) {
      const post = await context.createPost();
      const error = await expectError('createShare with network "myspace"', 'validation', () =>
        context.employee.createShare({
          postId: post.id,
          network: 'myspace' as never,
          commentary: '',
          idempotencyKey: context.unique('bad'),
        }),
      );
      const fields = error.fieldErrors.map((f) => f.field);
      assert(
        fields.some((field) => field.replace(/^\//, '') === 'network'),
        'fieldErrors names the network field',
        'a field error for "network"',
        fields,
      );
    },
  },
  {
    id: 'errors.validation-post',
    group: 'errors',
    name: 'an admin post without a title and with a bad URL is a validation error per field',
    async run(context) {
      const error = await expectError('admin createPost with an empty title and url "nope"', 'validation', () =>
        context.admin.admin.createPost({ kind: 'curated', title: '', summary: '', url: 'nope', locale: 'en' }),
      );
      const fields = error.fieldErrors.map((f) => f.field.replace(/^\//, ''));
      assert(
        fields.includes('url') && fields.includes('title'),
        'fieldErrors names title and url',
        'field errors for "title" and "url"',
        fields,
      );
    },
  },
  {
    id: 'errors.unauthorized',
    group: 'errors',
    name: 'a request with bad credentials is unauthorized',
    async run(context) {
      const factory = context.target.unauthenticated;
      if (!factory) return context.skip('the target has no unauthenticated backend (HTTP only)');
      const backend = await factory();
      await expectError('getMe with a bad token', 'unauthorized', () => backend.getMe());
      await expectError('listFeed with a bad token', 'unauthorized', () => backend.listFeed());
    },
  },
  {
    id: 'errors.forbidden',
    group: 'errors',
    name: 'an employee calling admin operations is forbidden',
    async run(context) {
      const admin = context.employee.admin;
      await expectError('admin.listPosts as an employee', 'forbidden', () => admin.listPosts());
      await expectError('admin.listSuggestions as an employee', 'forbidden', () => admin.listSuggestions());
      const today = new Date().toISOString().slice(0, 10);
      await expectError('admin.getAnalytics as an employee', 'forbidden', () => admin.getAnalytics({ from: today, to: today }));
      await expectError('admin.createPost as an employee', 'forbidden', () =>
        admin.createPost({
          kind: 'curated',
          title: `Forbidden [${context.runTag}]`,
          summary: '',
          url: 'https://example.com/forbidden',
          locale: 'en',
        }),
      );
    },
  },
  {
    id: 'errors.problem-details',
    group: 'errors',
    name: 'HTTP errors are problem+json with a stable type per error code',
    async run(context) {
      if (!context.target.http) return context.skip('the target does not speak HTTP');
      const errors: Array<[AdvocacyError, number[], string]> = [
        [
          await expectError('getPost with an unknown id', 'not_found', () => context.employee.getPost(context.unique('missing'))),
          [404],
          'not_found',
        ],
        [
          await expectError('createSuggestion with url "not a url"', 'validation', () =>
            context.employee.createSuggestion({ url: 'not a url', note: '', topics: [] }),
          ),
          [400, 422],
          'validation',
        ],
        [await expectError('admin.listPosts as an employee', 'forbidden', () => context.employee.admin.listPosts()), [403], 'forbidden'],
      ];
      if (context.target.unauthenticated) {
        const backend = await context.target.unauthenticated();
        errors.push([await expectError('getMe with a bad token', 'unauthorized', () => backend.getMe()), [401], 'unauthorized']);
      }
      for (const [error, statuses, slug] of errors) {
        assert(
          error.status !== undefined && statuses.includes(error.status),
          `${error.code}: the HTTP status is ${statuses.join(' or ')}`,
          statuses.join(' or '),
          error.status,
        );
        assertEqual(
          { type: error.problem?.type, status: error.problem?.status },
          { type: `${PROBLEM_TYPE_BASE}${slug}`, status: error.status },
          `${error.code}: the body is problem details with type ${PROBLEM_TYPE_BASE}${slug}`,
        );
      }
    },
  },
];

import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_RULES } from '@advocacy-kit/core/rules';
import { loadConfig, resolveConfig } from '../src/config.js';
import { forEachDatabase } from './support/databases.js';
import { API, API_KEY, json, SECRET, signToken, startHarness, type Harness } from './support/harness.js';

describe('configuration from the environment', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({ AUTH_JWT_SECRET: SECRET });
    assert.equal(config.port, 8787);
    assert.equal(config.publicUrl, 'http://localhost:8787');
    assert.equal(config.databaseUrl, null);
    assert.equal(config.sqliteFile, resolve('.data', 'advocacy.sqlite'));
    assert.equal(config.auth.demo, false);
    assert.equal(config.auth.rolesClaim, 'roles');
    assert.deepEqual(config.corsOrigins, []);
    assert.deepEqual(config.rules, DEFAULT_RULES);
    assert.deepEqual(config.rules.points, { share: 10, click: 5, clickDailyCapPerPost: 50, conversion: 50, suggestion: 20 });
    assert.equal(config.logLevel, 'info');
    assert.equal(config.databasePoolSize, 10);
    assert.equal(config.auth.signInCacheMs, 10_000);
  });

  it('reads the pool size and the sign-in cache time, and refuses a pool of none', () => {
    const config = loadConfig({ AUTH_JWT_SECRET: SECRET, DATABASE_POOL_SIZE: '40', AUTH_SIGN_IN_CACHE_MS: '0' });
    assert.equal(config.databasePoolSize, 40);
    assert.equal(config.auth.signInCacheMs, 0);
    assert.throws(() => loadConfig({ AUTH_JWT_SECRET: SECRET, DATABASE_POOL_SIZE: '0' }), /DATABASE_POOL_SIZE/);
    assert.throws(() => loadConfig({ AUTH_JWT_SECRET: SECRET, AUTH_SIGN_IN_CACHE_MS: 'soon' }), /AUTH_SIGN_IN_CACHE_MS/);
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      PUBLIC_URL: 'https://go.example.com/',
      DATABASE_URL: 'postgresql://db.example/advocacy',
      DATA_DIR: '/var/lib/advocacy',
      AUTH_JWKS_URL: 'https://login.example/jwks',
      AUTH_ISSUER: 'https://login.example/',
      AUTH_AUDIENCE: 'advocacy',
      AUTH_ROLES_CLAIM: 'groups',
      ADVOCACY_API_KEYS: 'crm=crm-key-0123456789abcdefghijklmnopqrs, shop=shop-key-0123456789abcdefghijklmnopqr ,',
      CORS_ORIGINS: 'https://intranet.example,https://cms.example',
      CLICK_SALT: 'pepper-with-at-least-32-bytes-0123456789',
      TRUST_PROXY: '1',
      LOG_LEVEL: 'warn',
      POINTS_SHARE: '5',
      POINTS_CLICK: '1',
      POINTS_CLICK_DAILY_CAP: '4',
      POINTS_CONVERSION: '100',
      POINTS_SUGGESTION: '0',
    });
    assert.equal(config.port, 9000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.publicUrl, 'https://go.example.com');
    assert.equal(config.databaseUrl, 'postgresql://db.example/advocacy');
    assert.equal(config.sqliteFile, '/var/lib/advocacy/advocacy.sqlite');
    assert.deepEqual(
      [config.auth.jwksUrl, config.auth.issuer, config.auth.audience, config.auth.rolesClaim],
      ['https://login.example/jwks', 'https://login.example/', 'advocacy', 'groups'],
    );
    assert.deepEqual(config.auth.apiKeys, [
      { source: 'crm', key: 'crm-key-0123456789abcdefghijklmnopqrs' },
      { source: 'shop', key: 'shop-key-0123456789abcdefghijklmnopqr' },
    ]);
    assert.deepEqual(config.corsOrigins, ['https://intranet.example', 'https://cms.example']);
    assert.equal(config.clickSalt, 'pepper-with-at-least-32-bytes-0123456789');
    assert.equal(config.trustProxy.hops, 1);
    assert.equal(config.logLevel, 'warn');
    assert.deepEqual(config.rules.points, { share: 5, click: 1, clickDailyCapPerPost: 4, conversion: 100, suggestion: 0 });
  });

  it('reads the rate limits as burst/perSecond, and refuses anything else', () => {
    const defaults = loadConfig({ AUTH_JWT_SECRET: SECRET }).rateLimits;
    assert.deepEqual(defaults.writes, { burst: 120, perSecond: 10 });
    const config = loadConfig({
      AUTH_JWT_SECRET: SECRET,
      RATE_LIMIT_WRITES: '30/0.5',
      RATE_LIMIT_CONVERSIONS: '500/50',
      RATE_LIMIT_REDIRECT: '1000/200',
    });
    assert.deepEqual(config.rateLimits, {
      writes: { burst: 30, perSecond: 0.5 },
      conversions: { burst: 500, perSecond: 50 },
      redirect: { burst: 1000, perSecond: 200 },
    });
    for (const bad of ['30', '0/1', '30/0', 'ten/1', '30/-1'])
      assert.throws(
        () => loadConfig({ AUTH_JWT_SECRET: SECRET, RATE_LIMIT_WRITES: bad }),
        /RATE_LIMIT_WRITES must be a burst and a rate per second such as 120\/10/,
      );
  });

  it('reads the identity provider claim settings (defaults, lists and paths)', () => {
    const defaults = loadConfig({ AUTH_JWT_SECRET: SECRET }).auth;
    assert.deepEqual(
      [defaults.subjectClaim, defaults.adminRoles, defaults.teamClaim, defaults.nameClaim, defaults.localeClaim, defaults.requiredScope],
      ['sub', ['admin'], 'team', 'name', 'locale', null],
    );
    const auth = loadConfig({
      AUTH_JWT_SECRET: SECRET,
      AUTH_SUBJECT_CLAIM: 'oid',
      AUTH_ROLES_CLAIM: 'roles,groups',
      AUTH_ADMIN_ROLES: 'Advocacy.Admin, Advocacy Admins',
      AUTH_TEAM_CLAIM: 'department',
      AUTH_NAME_CLAIM: 'display_name',
      AUTH_LOCALE_CLAIM: 'lang',
      AUTH_REQUIRED_SCOPE: 'user_impersonation',
    }).auth;
    assert.deepEqual(
      [auth.subjectClaim, auth.rolesClaim, auth.adminRoles, auth.teamClaim, auth.nameClaim, auth.localeClaim, auth.requiredScope],
      ['oid', 'roles,groups', ['Advocacy.Admin', 'Advocacy Admins'], 'department', 'display_name', 'lang', 'user_impersonation'],
    );
    assert.throws(() => loadConfig({ AUTH_JWT_SECRET: SECRET, AUTH_ADMIN_ROLES: ' , ' }), /AUTH_ADMIN_ROLES must list/);
    assert.throws(() => loadConfig({ AUTH_JWT_SECRET: SECRET, AUTH_REQUIRED_SCOPE: 'a b' }), /AUTH_REQUIRED_SCOPE is one scope/);
  });

  it('refuses to start without a way to verify tokens, or with nonsense values', () => {
    assert.throws(() => loadConfig({}), /AUTH_JWT_SECRET or AUTH_JWKS_URL/);
    assert.throws(() => loadConfig({ AUTH_JWT_SECRET: SECRET, PORT: 'eighty' }), /PORT must be a non-negative integer/);
    assert.throws(() => loadConfig({ AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'loud' }), /LOG_LEVEL must be one of/);
    assert.throws(() => resolveConfig({ auth: { demo: true, jwksUrl: 'https://login.example/jwks' } }), /Demo sign-in/);
  });

  it('lets demo sign-in run without a configured secret (the app keeps one in the database)', () => {
    const config = loadConfig({ ADVOCACY_DEMO_AUTH: '1' });
    assert.equal(config.auth.demo, true);
    assert.equal(config.auth.jwtSecret, null);
  });
});

describe('rules from the environment', () => {
  const env = { AUTH_JWT_SECRET: SECRET };

  it('takes any part of the rules as JSON in ADVOCACY_RULES, and the single POINTS_* variables over it', () => {
    const { rules } = loadConfig({
      ...env,
      ADVOCACY_RULES: JSON.stringify({ points: { share: 3, conversion: 80 }, badges: { streakWeeks: 2 }, reach: { line: 90 } }),
      POINTS_SHARE: '7',
    });
    assert.deepEqual(rules.points, { ...DEFAULT_RULES.points, share: 7, conversion: 80 });
    assert.deepEqual(rules.badges, { tenShares: 10, streakWeeks: 2 });
    assert.equal(rules.reach.line, 90);
    assert.deepEqual(rules.contentMix, DEFAULT_RULES.contentMix);
  });

  it('refuses an invalid override at start, naming the field and where it was set', () => {
    assert.throws(() => loadConfig({ ...env, POINTS_SHARE: '-1' }), /rules\.points\.share must be >= 0 \(set by POINTS_SHARE="-1"\)/);
    assert.throws(() => loadConfig({ ...env, POINTS_CLICK: 'two' }), /rules\.points\.click must be integer \(set by POINTS_CLICK="two"\)/);
    assert.throws(
      () => loadConfig({ ...env, ADVOCACY_RULES: '{"badges":{"tenShares":0}}' }),
      /rules\.badges\.tenShares must be >= 1 \(set by ADVOCACY_RULES\)/,
    );
    assert.throws(() => loadConfig({ ...env, ADVOCACY_RULES: '{"points":{"bonus":5}}' }), /rules\.points\.bonus is not a known rule/);
    assert.throws(() => loadConfig({ ...env, ADVOCACY_RULES: '{"reach":{"myspace":5}}' }), /rules\.reach\.myspace is not a known rule/);
    assert.throws(
      () => loadConfig({ ...env, ADVOCACY_RULES: '{"points":{"clickDailyCapPerShare":5}}' }),
      /rules\.points\.clickDailyCapPerShare is not a known rule: set rules\.points\.clickDailyCapPerPost/,
    );
    assert.throws(() => loadConfig({ ...env, ADVOCACY_RULES: '{"points":' }), /ADVOCACY_RULES must be JSON/);
    assert.throws(() => loadConfig({ ...env, ADVOCACY_RULES: '{"contentMix":{"curated":0.5}}' }), /rules\.contentMix must add up to 1/);
  });

  it('checks overrides given in code the same way', () => {
    assert.equal(resolveConfig({ auth: { jwtSecret: SECRET }, rules: { points: { click: 3 } } }).rules.points.click, 3);
    assert.throws(
      () => resolveConfig({ auth: { jwtSecret: SECRET }, rules: { points: { click: -3 } } }),
      /rules\.points\.click must be >= 0/,
    );
  });
});

forEachDatabase('points from rules set in the environment', (open) => {
  let h: Harness;
  before(async () => {
    const { rules } = loadConfig({ AUTH_JWT_SECRET: SECRET, POINTS_SHARE: '7', ADVOCACY_RULES: '{"points":{"conversion":80}}' });
    h = await startHarness(await open(), { rules, webhooks: { dispatchIntervalMs: 0 } });
  });
  after(() => h.close());

  it('awards the configured points for a share and a conversion', async () => {
    const ann = await signToken('emp-ann');
    const share = await json(
      await h.request('POST', `${API}/shares`, {
        token: ann,
        headers: { 'idempotency-key': 'rules-1' },
        body: { postId: 'p-1', network: 'xing', commentary: '' },
      }),
      201,
    );
    assert.equal(share.pointsAwarded, 7);
    const lead = await json(
      await h.request('POST', `${API}/conversions`, {
        headers: { 'x-api-key': API_KEY },
        body: { code: share.trackingCode, type: 'lead', externalId: 'rules-lead-1' },
      }),
      201,
    );
    const ledger = await json(await h.request('GET', `${API}/me/points?limit=100`, { token: ann }), 200);
    const awards = ledger.items.filter((row: { reference: string }) => row.reference === 'emp-ann:p-1:xing' || row.reference === lead.id);
    assert.deepEqual(awards.map((row: { reason: string; delta: number }) => [row.reason, row.delta]).sort(), [
      ['conversion', 80],
      ['share', 7],
    ]);
  });
});

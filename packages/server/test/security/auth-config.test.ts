import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../src/app.js';
import { loadConfig, resolveConfig } from '../../src/config.js';
import { loadSeed } from '../../src/seed.js';
import { forEachDatabase } from '../support/databases.js';
import { fixture } from '../support/fixture.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

// Findings of the security review about tokens and configuration, each proved by a test that
// failed before its fix.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(root, 'bin', 'advocacy-server.js');
const LONG_SECRET = 'a-secret-of-at-least-32-bytes-0123456789';
const HOUR = 3600;
const now = () => Math.floor(Date.now() / 1000);

/**
 * `advocacy-server start` with `env` only (plus a scratch data directory): a configuration it
 * refuses makes it exit at once; one it accepts would listen until the timeout kills it.
 */
function start(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'advocacy-refuse-'));
  try {
    return spawnSync(process.execPath, [BIN, 'start'], {
      cwd: root,
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      encoding: 'utf8',
      // Generous: a refusal exits within seconds, but a loaded machine can take a while to load the CLI.
      timeout: 120_000,
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function refusesToStart(env: Record<string, string>, message: RegExp): void {
  assert.throws(() => loadConfig(env), message);
  const result = start(env);
  assert.equal(
    result.status,
    1,
    `expected exit code 1, got ${result.status} (${result.signal ?? 'no signal'}): ${result.stdout}${result.stderr}`,
  );
  assert.match(result.stderr, message);
}

describe('security: configurations that refuse to start', () => {
  it('AUTH_JWKS_URL without AUTH_ISSUER and AUTH_AUDIENCE (any token the identity provider signed for any application would pass)', () => {
    const jwks = 'https://login.example/jwks';
    refusesToStart({ AUTH_JWKS_URL: jwks }, /AUTH_JWKS_URL needs AUTH_ISSUER and AUTH_AUDIENCE/);
    assert.throws(() => loadConfig({ AUTH_JWKS_URL: jwks, AUTH_ISSUER: 'https://login.example/' }), /AUTH_AUDIENCE/);
    assert.throws(() => loadConfig({ AUTH_JWKS_URL: jwks, AUTH_AUDIENCE: 'advocacy' }), /AUTH_ISSUER/);
    assert.throws(() => resolveConfig({ auth: { jwksUrl: jwks, issuer: 'https://login.example/' } }), /AUTH_AUDIENCE/);
    const lists = loadConfig({ AUTH_JWKS_URL: jwks, AUTH_ISSUER: 'https://a.example/, https://b.example/', AUTH_AUDIENCE: 'advocacy' });
    assert.deepEqual(lists.auth.issuer, ['https://a.example/', 'https://b.example/']);
    assert.equal(lists.auth.audience, 'advocacy');
  });

  it('AUTH_JWT_SECRET shorter than 32 bytes (guessable offline from one token)', () => {
    refusesToStart({ AUTH_JWT_SECRET: 'secret' }, /AUTH_JWT_SECRET must be at least 32 bytes/);
    assert.throws(() => resolveConfig({ auth: { jwtSecret: 'x'.repeat(31) } }), /at least 32 bytes/);
    assert.equal(resolveConfig({ auth: { jwtSecret: 'x'.repeat(32) } }).auth.jwtSecret, 'x'.repeat(32));
  });

  it('ADVOCACY_DEMO_AUTH=1 with NODE_ENV=production or with AUTH_JWT_SECRET (anyone could mint an admin token)', () => {
    refusesToStart({ ADVOCACY_DEMO_AUTH: '1', NODE_ENV: 'production' }, /ADVOCACY_DEMO_AUTH=1 .*NODE_ENV=production/);
    refusesToStart({ ADVOCACY_DEMO_AUTH: '1', AUTH_JWT_SECRET: LONG_SECRET }, /ADVOCACY_DEMO_AUTH=1 .*AUTH_JWT_SECRET/);
    assert.throws(() => resolveConfig({ auth: { demo: true, jwtSecret: LONG_SECRET } }), /AUTH_JWT_SECRET/);
  });

  it('AUTH_MAX_TOKEN_AGE that is not a positive duration', () => {
    const env = { AUTH_JWT_SECRET: LONG_SECRET };
    assert.equal(loadConfig(env).auth.maxTokenAgeSeconds, 24 * HOUR);
    assert.equal(loadConfig({ ...env, AUTH_MAX_TOKEN_AGE: '90m' }).auth.maxTokenAgeSeconds, 90 * 60);
    assert.equal(loadConfig({ ...env, AUTH_MAX_TOKEN_AGE: '3600' }).auth.maxTokenAgeSeconds, HOUR);
    refusesToStart({ ...env, AUTH_MAX_TOKEN_AGE: 'forever' }, /AUTH_MAX_TOKEN_AGE must be a duration/);
    assert.throws(() => loadConfig({ ...env, AUTH_MAX_TOKEN_AGE: '0' }), /AUTH_MAX_TOKEN_AGE must be a duration/);
  });

  it('PUBLIC_URL that is not an http(s) URL (every tracking link is built on it)', () => {
    const env = { AUTH_JWT_SECRET: LONG_SECRET };
    refusesToStart({ ...env, PUBLIC_URL: 'javascript:alert(1)//' }, /PUBLIC_URL must be an http\(s\) URL/);
    assert.throws(() => loadConfig({ ...env, PUBLIC_URL: 'go.example.com' }), /PUBLIC_URL must be an http\(s\) URL/);
    assert.throws(() => loadConfig({ ...env, PUBLIC_URL: 'https://go.example.com/?x=1' }), /PUBLIC_URL/);
    assert.throws(() => resolveConfig({ auth: { jwtSecret: LONG_SECRET }, publicUrl: 'ftp://go.example.com' }), /PUBLIC_URL/);
    assert.equal(loadConfig({ ...env, PUBLIC_URL: 'https://go.example.com/links/' }).publicUrl, 'https://go.example.com/links');
  });

  it('CORS_ORIGINS with "*", "null" or something that is not an origin', () => {
    const env = { AUTH_JWT_SECRET: LONG_SECRET };
    refusesToStart({ ...env, CORS_ORIGINS: '*' }, /CORS_ORIGINS lists origins one by one/);
    assert.throws(() => loadConfig({ ...env, CORS_ORIGINS: 'https://intranet.example,null' }), /CORS_ORIGINS .*"null"/);
    assert.throws(
      () => loadConfig({ ...env, CORS_ORIGINS: 'https://intranet.example/portal' }),
      /CORS_ORIGINS .*https:\/\/intranet\.example\b/,
    );
    assert.throws(() => resolveConfig({ auth: { jwtSecret: LONG_SECRET }, corsOrigins: ['*'] }), /CORS_ORIGINS/);
  });

  it('AUTH_JWKS_URL over plain http to another host (anyone on the path could swap the keys)', () => {
    const jwt = { AUTH_ISSUER: 'https://login.example/', AUTH_AUDIENCE: 'advocacy' };
    refusesToStart({ ...jwt, AUTH_JWKS_URL: 'http://login.example/jwks' }, /AUTH_JWKS_URL must be an https URL/);
    assert.equal(loadConfig({ ...jwt, AUTH_JWKS_URL: 'http://127.0.0.1:9000/jwks' }).auth.jwksUrl, 'http://127.0.0.1:9000/jwks');
  });

  it('DATABASE_URL that is not a PostgreSQL URL (the data went to an SQLite file instead, silently)', () => {
    refusesToStart(
      { AUTH_JWT_SECRET: LONG_SECRET, DATABASE_URL: 'mysql://db.example/advocacy' },
      /DATABASE_URL must be a postgres:\/\/ URL/,
    );
  });

  it('CLICK_SALT shorter than 32 bytes (visitor hashes could be reversed to addresses)', () => {
    refusesToStart({ AUTH_JWT_SECRET: LONG_SECRET, CLICK_SALT: 'pepper' }, /CLICK_SALT must be at least 32 bytes/);
  });
});

forEachDatabase('security: bearer tokens expire, within AUTH_MAX_TOKEN_AGE', (open) => {
  let h: Harness;
  before(async () => {
    h = await startHarness(await open());
  });
  after(() => h.close());

  const me = (token: string) => h.request('GET', `${API}/me`, { token });

  it('refuses a token without exp (it would be valid forever) with a 401 problem', async () => {
    const problem = await json(await me(await signToken('emp-ann', { expiresAt: null })), 401);
    assert.match(problem.detail, /expir/i);
  });

  it('refuses a token issued longer ago than the maximum age, though exp is still ahead', async () => {
    const problem = await json(await me(await signToken('emp-ann', { issuedAt: now() - 25 * HOUR, expiresAt: now() + HOUR })), 401);
    assert.match(problem.detail, /too old|maximum age/i);
  });

  it('refuses a token whose lifetime (exp - iat) is longer than the maximum age', async () => {
    const problem = await json(await me(await signToken('emp-ann', { issuedAt: now(), expiresAt: now() + 30 * 24 * HOUR })), 401);
    assert.match(problem.detail, /maximum age/i);
  });

  it('judges a token without iat by exp against now + the maximum age', async () => {
    await json(await me(await signToken('emp-ann', { issuedAt: null, expiresAt: now() + 30 * 24 * HOUR })), 401);
    await json(await me(await signToken('emp-ann', { issuedAt: null, expiresAt: now() + HOUR })), 200);
  });

  it('accepts a token within the maximum age', async () => {
    await json(await me(await signToken('emp-ann', { issuedAt: now() - 23 * HOUR, expiresAt: now() + HOUR })), 200);
    await json(await me(await signToken('emp-ann')), 200);
  });

  describe('with AUTH_MAX_TOKEN_AGE=10m', () => {
    let short: Harness;
    before(async () => {
      short = await startHarness(await open(), { auth: { maxTokenAgeSeconds: 600 } });
    });
    after(() => short.close());

    it('refuses a one-hour token and accepts a five-minute one', async () => {
      await json(await short.request('GET', `${API}/me`, { token: await signToken('emp-ann') }), 401);
      await json(await short.request('GET', `${API}/me`, { token: await signToken('emp-ann', { expiresAt: '5m' }) }), 200);
    });
  });
});

forEachDatabase('security: demo sign-in without a configured secret', (open) => {
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'advocacy-demo-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('mints tokens that survive a restart on the same database (the secret is kept there)', async () => {
    const database = await open();
    const config = () =>
      resolveConfig({
        databaseUrl: database.databaseUrl,
        sqliteFile: database.name === 'sqlite' ? join(dataDir, 'advocacy.sqlite') : database.sqliteFile,
        logLevel: 'silent',
        auth: { demo: true },
      });
    try {
      const first = await createApp(config());
      let token: string;
      try {
        await loadSeed(first.services.db, fixture(new Date()), first.services.config.rules);
        ({ token } = await json(
          await first.app.request(`${API}/auth/demo-token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ employeeId: 'emp-ann' }),
          }),
          200,
        ));
      } finally {
        await first.close();
      }
      const second = await createApp(config());
      try {
        const me = await json(await second.app.request(`${API}/me`, { headers: { authorization: `Bearer ${token}` } }), 200);
        assert.equal(me.id, 'emp-ann');
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  });
});

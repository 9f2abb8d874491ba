import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig, resolveConfig } from '../src/config.js';

describe('configuration from the environment', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({ AUTH_JWT_SECRET: 's' });
    assert.equal(config.port, 8787);
    assert.equal(config.publicUrl, 'http://localhost:8787');
    assert.equal(config.databaseUrl, null);
    assert.equal(config.sqliteFile, resolve('.data', 'advocacy.sqlite'));
    assert.equal(config.auth.demo, false);
    assert.equal(config.auth.rolesClaim, 'roles');
    assert.deepEqual(config.corsOrigins, []);
    assert.deepEqual(config.points, { share: 10, click: 2, clickDailyCapPerShare: 20, conversion: 50, suggestion: 20 });
    assert.equal(config.logLevel, 'info');
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
      ADVOCACY_API_KEYS: 'one, two ,',
      CORS_ORIGINS: 'https://intranet.example,https://cms.example',
      CLICK_SALT: 'pepper',
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
    assert.deepEqual(config.auth.apiKeys, ['one', 'two']);
    assert.deepEqual(config.corsOrigins, ['https://intranet.example', 'https://cms.example']);
    assert.equal(config.clickSalt, 'pepper');
    assert.equal(config.trustProxy, true);
    assert.equal(config.logLevel, 'warn');
    assert.deepEqual(config.points, { share: 5, click: 1, clickDailyCapPerShare: 4, conversion: 100, suggestion: 0 });
  });

  it('refuses to start without a way to verify tokens, or with nonsense values', () => {
    assert.throws(() => loadConfig({}), /AUTH_JWT_SECRET or AUTH_JWKS_URL/);
    assert.throws(() => loadConfig({ AUTH_JWT_SECRET: 's', PORT: 'eighty' }), /PORT must be a non-negative integer/);
    assert.throws(() => loadConfig({ AUTH_JWT_SECRET: 's', LOG_LEVEL: 'loud' }), /LOG_LEVEL must be one of/);
    assert.throws(() => resolveConfig({ auth: { demo: true, jwksUrl: 'https://login.example/jwks' } }), /Demo sign-in/);
  });

  it('lets demo sign-in run without a configured secret', () => {
    const config = loadConfig({ ADVOCACY_DEMO_AUTH: '1' });
    assert.equal(config.auth.demo, true);
    assert.ok((config.auth.jwtSecret ?? '').length >= 32);
  });
});

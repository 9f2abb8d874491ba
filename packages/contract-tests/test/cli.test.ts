import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { runCli, type CliIo } from '../src/cli.js';
import type { ContractReport } from '../src/index.js';
import { startReferenceServer, type ReferenceServer } from './reference-server.js';

let server: ReferenceServer;
before(async () => {
  server = await startReferenceServer();
});
after(() => server.close());

async function cli(args: string[], env: CliIo['env'] = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env });
  return { code, stdout, stderr };
}

const flags = () => [
  '--base-url',
  server.options.baseUrl,
  '--employee-token',
  server.options.employeeToken,
  '--other-employee-token',
  server.options.otherEmployeeToken,
  '--admin-token',
  server.options.adminToken,
  '--api-key',
  server.options.apiKey!,
];

test('prints one line per check grouped by capability and exits 0 when all pass', async () => {
  const { code, stdout } = await cli([...flags(), '--only', 'feed,errors']);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /^Feed visibility$/m);
  assert.match(stdout, /^Error shapes$/m);
  assert.doesNotMatch(stdout, /^Shares and tracking links$/m, '--only leaves other groups out');
  assert.match(stdout, /^ {2}✓ a request with bad credentials is unauthorized \(\d+ ms\)$/m);
  assert.match(stdout, /^16 passed, 0 failed \(/m);
});

test('--json prints the report for CI', async () => {
  const { code, stdout } = await cli([...flags(), '--only', 'events', '--json']);
  assert.equal(code, 0);
  const report = JSON.parse(stdout) as ContractReport;
  assert.deepEqual(
    report.results.map((r) => [r.id, r.status]),
    [['events.dedupe', 'passed']],
  );
  assert.equal(report.failed, 0);
});

test('exits 1 and names the broken expectation when a check fails', async () => {
  const { code, stdout } = await cli([
    '--base-url',
    server.options.baseUrl,
    '--employee-token',
    server.options.employeeToken,
    '--other-employee-token',
    server.options.otherEmployeeToken,
    '--admin-token',
    server.options.otherEmployeeToken,
    '--only',
    'identity',
  ]);
  assert.equal(code, 1);
  assert.match(stdout, /✗ the targets are two different employees and an admin/);
  assert.match(stdout, /identity\.roles: the admin target has the admin role\n\s+expected: "admin"\n\s+got: +"employee"/);
  assert.match(stdout, /^1 passed, 1 failed/m);
});

test('reads the settings from the environment', async () => {
  const { code } = await cli(['--only', 'identity.roles'], {
    ADVOCACY_BASE_URL: server.options.baseUrl,
    ADVOCACY_EMPLOYEE_TOKEN: server.options.employeeToken,
    ADVOCACY_OTHER_EMPLOYEE_TOKEN: server.options.otherEmployeeToken,
    ADVOCACY_ADMIN_TOKEN: server.options.adminToken,
  });
  assert.equal(code, 0);
});

test('--list names every check under its group', async () => {
  const { code, stdout } = await cli(['--list']);
  assert.equal(code, 0);
  assert.match(stdout, /^isolation: Isolation between employees$/m);
  assert.match(stdout, /^ {2}points\.share-awarded-once +a share retried three times with one key awards points once$/m);
});

test('exits 2 with usage on missing settings or unknown groups', async () => {
  const missing = await cli(['--base-url', server.options.baseUrl]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /Missing --employee-token, --other-employee-token, --admin-token/);
  const unknown = await cli([...flags(), '--only', 'feeds']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown check or group: feeds/);
});

test('--version prints the package version', async () => {
  const { code, stdout } = await cli(['--version']);
  assert.equal(code, 0);
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.equal(stdout, `${version}\n`);
});

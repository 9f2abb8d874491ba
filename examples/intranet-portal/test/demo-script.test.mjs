// What `pnpm demo` promises, on the real start script (scripts/start.mjs, on free ports and a
// temporary database): it says what each start step does and who to sign in as for each role;
// when the API server dies, the portal stays up, the script says it restarts the server and then
// that it is back, and the server answers again; Ctrl-C stops everything, leaving no process.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildPortal, PORTAL_DIR } from '../scripts/stack.mjs';

let start;
let dataDir;
after(() => {
  // Whatever the test did, nothing it started outlives it (the script runs in its own process group).
  if (start?.exitCode === null && start.signalCode === null) {
    try {
      process.kill(-start.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The script's children (pid and command line), from the process table. */
function childrenOf(pid) {
  return execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match && Number(match[2]) === pid)
    .map((match) => ({ pid: Number(match[1]), args: match[3] }));
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('the demo script keeps the portal up, restarts a dead API server, and stops everything on Ctrl-C', { timeout: 60_000 }, async () => {
  if (!existsSync(join(PORTAL_DIR, 'dist', 'index.html'))) buildPortal({ quiet: true });
  dataDir = mkdtempSync(join(tmpdir(), 'advocacy-demo-script-'));
  start = spawn(process.execPath, [join(PORTAL_DIR, 'scripts', 'start.mjs'), '--no-build'], {
    cwd: PORTAL_DIR,
    env: { ...process.env, DEMO_DATA_DIR: dataDir, PORTAL_PORT: '0', SERVER_PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so the test can press "Ctrl-C" on the whole group as a terminal does.
    detached: true,
  });
  let output = '';
  const waiters = new Set();
  const onOutput = (chunk) => {
    output += chunk;
    for (const waiter of waiters) waiter();
  };
  start.stdout.setEncoding('utf8').on('data', onOutput);
  start.stderr.setEncoding('utf8').on('data', onOutput);
  const exited = new Promise((done) => start.once('exit', (code, signal) => done({ code, signal })));
  /** Resolves with the match once the script has printed `pattern`; fails if it exits first. */
  const printed = (pattern, timeoutMs = 20_000) =>
    new Promise((done, fail) => {
      const timer = setTimeout(() => finish(new Error(`not printed within ${timeoutMs} ms: ${pattern}\n${output}`)), timeoutMs);
      const check = () => {
        const match = pattern.exec(output);
        if (match) finish(null, match);
        else if (start.exitCode !== null || start.signalCode !== null)
          finish(new Error(`the script exited before printing ${pattern}\n${output}`));
      };
      const finish = (error, match) => {
        clearTimeout(timer);
        waiters.delete(check);
        if (error) fail(error);
        else done(match);
      };
      waiters.add(check);
      start.once('exit', check);
      check();
    });

  // Each start step is announced, then the addresses and who to sign in as, per role.
  await printed(/Press Ctrl-C to stop\./);
  assert.match(output, /Starting the API server and the portal…/);
  assert.match(output, /Creating the database and loading the demo company \(first start\)…/);
  assert.match(output, /Loaded the demo company into .+ \(first start\)\./);
  assert.match(output, /Sign in as \(pick a person on the sign-in page\):/);
  assert.match(output, /admin \(employee page \+ \/admin\.html\)\s+佐藤 遥/);
  assert.match(output, /employee, English\s+Emily Clarke/);
  assert.match(output, /employee, Japanese\s+\p{Script=Han}+ \p{Script=Han}+/u);
  const portalUrl = /Open\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)[1];
  const apiUrl = /API\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/.exec(output)[1];
  assert.equal((await fetch(`${apiUrl}/health`)).status, 200);
  assert.equal((await fetch(`${portalUrl}/signin.html`)).status, 200);

  // The API server dies (killed outright, as a crash would): the portal keeps answering.
  const [server] = childrenOf(start.pid).filter((child) => child.args.includes('advocacy-server.js start'));
  assert.ok(server, `the script runs the API server as its child: ${JSON.stringify(childrenOf(start.pid))}`);
  process.kill(server.pid, 'SIGKILL');
  await printed(/The API server stopped \(SIGKILL\)\. The portal stays up; restarting the server in 2 s…/);
  assert.equal((await fetch(`${portalUrl}/signin.html`)).status, 200, 'the portal answers while the server is down');
  await printed(new RegExp(`The API server is back at ${apiUrl.replaceAll('.', '\\.')}\\.`));
  assert.equal((await fetch(`${apiUrl}/health`)).status, 200, 'the server answers again, on the same address');
  const restarted = childrenOf(start.pid).filter((child) => child.args.includes('advocacy-server.js start'));
  assert.equal(restarted.length, 1);
  assert.notEqual(restarted[0].pid, server.pid);

  // Ctrl-C: the terminal sends SIGINT to the whole group; the script stops its children and exits 0.
  const children = childrenOf(start.pid);
  assert.equal(children.length, 2, JSON.stringify(children));
  process.kill(-start.pid, 'SIGINT');
  assert.deepEqual(await exited, { code: 0, signal: null });
  for (const child of children) {
    for (let tries = 0; alive(child.pid) && tries < 50; tries++) await new Promise((done) => setTimeout(done, 100));
    assert.equal(alive(child.pid), false, `${child.args} is still running`);
  }
  await assert.rejects(fetch(`${apiUrl}/health`));
  await assert.rejects(fetch(`${portalUrl}/signin.html`));

  // One restart, no stop of the demo, no other complaint.
  assert.equal(output.match(/restarting the server/g).length, 1);
  assert.doesNotMatch(output, /unexpectedly|could not start|stopping the demo|stopped 5 times/i);
});

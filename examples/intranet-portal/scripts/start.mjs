// The demo: builds the portal, then starts the reference server (SQLite under `.data/`, demo
// sign-in, seeded on first start) and the portal together, and prints the URL.
// Ctrl-C stops both.
//
//   node scripts/start.mjs [--no-build]
//
// Environment: PORTAL_PORT (default 5173), SERVER_PORT (default 8787); a taken port is replaced
// by a free one (0: any free port). DEMO_DATA_DIR: the database's folder instead of `.data/`.
import { join, resolve } from 'node:path';
import { buildPortal, PORTAL_DIR, startStack } from './stack.mjs';

const port = (name, fallback) => Number(process.env[name] ?? fallback);

const say = (line) => console.log(`  ${line}`);

if (!process.argv.includes('--no-build')) {
  say('Building the portal (about 15 s)…');
  buildPortal({ quiet: true });
}

const dataDir = process.env.DEMO_DATA_DIR ? resolve(process.env.DEMO_DATA_DIR) : join(PORTAL_DIR, '.data');
const dataName = process.env.DEMO_DATA_DIR ? dataDir : '.data/';

say('Starting the API server and the portal…');
const stack = await startStack({
  dataDir,
  serverPort: port('SERVER_PORT', 8787),
  portalPort: port('PORTAL_PORT', 5173),
  logLevel: process.env.LOG_LEVEL ?? 'warn',
  onProgress: say,
});

console.log(`
  Advocacy Kit demo — intranet portal
  ${stack.seeded ? `Loaded the demo company into ${dataName} (first start).` : `Using the demo data in ${dataName}.`}

  Open  ${stack.url}/
  API   ${stack.server.url}/api/v1  (OpenAPI: ${stack.server.url}/openapi.json)
${await whoToSignInAs(stack.server.url)}
  Press Ctrl-C to stop.
`);

/** The banner's list of demo people by role and language, from the server's own demo sign-in. */
async function whoToSignInAs(serverUrl) {
  try {
    const response = await fetch(`${serverUrl}/api/v1/auth/demo-employees`);
    if (!response.ok) return '';
    const { items } = await response.json();
    const names = (list) =>
      list
        .slice(0, 3)
        .map((e) => e.displayName)
        .join(', ');
    const admins = items.filter((e) => e.role === 'admin');
    const employees = items.filter((e) => e.role !== 'admin');
    const japanese = employees.filter((e) => e.locale.startsWith('ja'));
    const english = employees.filter((e) => !e.locale.startsWith('ja'));
    const lines = ['', '  Sign in as (pick a person on the sign-in page):'];
    if (admins.length > 0) lines.push(`    admin (employee page + /admin.html)  ${names(admins)}`);
    if (english.length > 0) lines.push(`    employee, English                    ${names(english)}`);
    if (japanese.length > 0) lines.push(`    employee, Japanese                   ${names(japanese)}`);
    return `${lines.join('\n')}\n`;
  } catch {
    return '';
  }
}

let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

// The portal stays up when the API server stops, so its offline states show; the server is
// started again on the same port and database. A server that keeps dying ends the demo.
const restarts = [];
function watchServer(server) {
  server.child.once('exit', (code, signal) => {
    // Ctrl-C reaches the children too; that is a normal stop.
    if (stopping || signal === 'SIGINT' || code === 130) return void shutdown();
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && restarts[0] < now - 60_000) restarts.shift();
    if (restarts.length > 5) {
      console.error('  The API server stopped 5 times within a minute; stopping the demo (see the messages above).');
      return void shutdown(1);
    }
    console.error(`  The API server stopped (${signal ?? `exit code ${code}`}). The portal stays up; restarting the server in 2 s…`);
    setTimeout(() => {
      if (stopping) return;
      stack.restartServer().then(
        (restarted) => {
          say(`The API server is back at ${restarted.url}.`);
          watchServer(restarted);
        },
        (error) => {
          console.error(`  The API server could not start again: ${error.message}`);
          void shutdown(1);
        },
      );
    }, 2_000).unref();
  });
}
watchServer(stack.server);
stack.portal.child.once('exit', (code, signal) => {
  if (stopping || signal === 'SIGINT' || code === 130) return void shutdown();
  console.error(`  The portal stopped (${signal ?? `exit code ${code}`}); stopping the demo.`);
  void shutdown(1);
});

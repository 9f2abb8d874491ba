// The demo: builds the portal, then starts the reference server (SQLite under `.data/`, demo
// sign-in, seeded on first start) and the portal together, and prints the URL.
// Ctrl-C stops both.
//
//   node scripts/start.mjs [--no-build]
//
// Environment: PORTAL_PORT (default 5173), SERVER_PORT (default 8787); a taken port is replaced
// by a free one.
import { join } from 'node:path';
import { buildPortal, PORTAL_DIR, startStack } from './stack.mjs';

const port = (name, fallback) => Number(process.env[name] ?? fallback);

if (!process.argv.includes('--no-build')) buildPortal({ quiet: true });

const stack = await startStack({
  dataDir: join(PORTAL_DIR, '.data'),
  serverPort: port('SERVER_PORT', 8787),
  portalPort: port('PORTAL_PORT', 5173),
  logLevel: process.env.LOG_LEVEL ?? 'warn',
});

console.log(`
  Advocacy Kit demo — intranet portal
  ${stack.seeded ? 'Loaded the demo company into .data/ (first start).' : 'Using the demo data in .data/.'}

  Open  ${stack.url}/
  API   ${stack.server.url}/api/v1  (OpenAPI: ${stack.server.url}/openapi.json)

  Press Ctrl-C to stop.
`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
// If either process dies on its own, stop the other one too.
for (const part of [stack.server, stack.portal]) {
  part.child.once('exit', (code, signal) => {
    // Ctrl-C reaches the children too; that is a normal stop.
    if (stopping || signal === 'SIGINT' || code === 130) return void shutdown();
    console.error(`A demo process stopped unexpectedly (exit code ${code}); stopping the demo.`);
    void stack.stop().then(() => process.exit(1));
  });
}

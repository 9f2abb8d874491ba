// Serves dist/ with the strict CSP and prints the URL. PORT picks the port (default 8080).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { server, url } = await serveStatic(join(root, 'dist'), Number(process.env.PORT ?? 8080));
console.log(`CMS page with one script tag: ${url}/  (Ctrl-C to stop)`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));

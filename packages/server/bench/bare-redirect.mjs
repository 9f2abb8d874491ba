// The baseline: a bare node:http server redirecting from an in-memory Map, nothing else.
// The links ([code, destination] pairs) come from the JSON file named by BENCH_LINKS_FILE. On
// SIGUSR2 it writes its CPU time so far (µs, every thread) to fd 3 as one JSON line.
import { readFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:http';

const links = new Map(JSON.parse(readFileSync(process.env.BENCH_LINKS_FILE, 'utf8')));
const server = createServer((req, res) => {
  const destination = links.get(req.url.slice(3));
  if (req.url.startsWith('/r/') && destination !== undefined) {
    res.writeHead(302, { Location: destination }).end();
  } else {
    res.writeHead(404).end();
  }
});
server.listen(0, '127.0.0.1', () => writeSync(3, `${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`));
process.on('SIGUSR2', () => {
  const cpu = process.cpuUsage();
  writeSync(3, `${JSON.stringify({ cpuMicros: cpu.user + cpu.system })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

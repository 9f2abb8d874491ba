// Redirect benchmark: the real server (SQLite file, default settings) against a bare node:http
// server redirecting from a Map, in the same run, on loopback: 64 connections, a human user agent
// and a new visitor (X-Forwarded-For) per request, so every request is a unique human click that
// the server records. Load generator: wrk (one thread, bench/unique-visitors.lua) where it is
// installed, else autocannon (which takes a core of its own: figures are lower). With taskset and
// two cores or more, the server runs on core 0 and the load generator on core 1.
//
// Rounds, twice, alternately: bare (spread codes), ours (spread codes: 1,000 links), ours (hot
// link: every click on one code). Each run starts a fresh server and warms it up for 2 s over all
// the links (link cache, click worker, JIT; other visitors than the measured run's) before the
// measured run; each run of ours, once the server has stopped, counts the clicks stored against
// the redirects answered (warm-up included), and takes the server's CPU time per request of the measured
// run (every thread: less moved by other load on the machine than req/s). Prints ratios measured in this run and
// `bench: ` summary lines. Usage: node bench/redirect.mjs [--duration <s>] (default 10)
// [--against <dist folder>]. --against also runs ours from another build of the server (a copy of
// an older `dist` inside this package, so it finds the same dependencies) in each round, and prints
// its figures beside this build's, measured in the same run. Needs `pnpm build` first.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
if (!existsSync(join(here, '..', 'dist', 'index.js'))) {
  console.error('Build first: pnpm --filter @advocacy-kit/server build');
  process.exit(1);
}

// `pnpm bench -- --duration 5` may pass the `--` through.
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { duration: { type: 'string' }, against: { type: 'string' } },
});
const AGAINST = args.against === undefined ? null : resolve(args.against);
if (AGAINST !== null && !existsSync(join(AGAINST, 'index.js'))) {
  console.error(`--against: no index.js in ${AGAINST}`);
  process.exit(1);
}
const DURATION = Number(args.duration ?? process.env.BENCH_DURATION ?? 10);
if (!(DURATION > 0)) {
  console.error('--duration takes a number of seconds');
  process.exit(1);
}
const CONNECTIONS = 64;
const WARMUP_SECONDS = 2;
const SPREAD_CODES = 1_000;
const ROUNDS = 2;
const TARGET_OF_BARE = 0.8;
const TARGET_P99_MS = 10;
const TARGET_HOT = 0.9;
const HUMAN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

const found = (command, versionArgs) => spawnSync(command, versionArgs, { stdio: 'ignore' }).error === undefined;
const WRK = found('wrk', ['--version']);
const PIN = found('taskset', ['--version']) && availableParallelism() >= 2;
const pinned = (core, command, commandArgs) => (PIN ? ['taskset', ['-c', String(core), command, ...commandArgs]] : [command, commandArgs]);

const work = mkdtempSync(join(tmpdir(), 'advocacy-redirect-bench-'));
const links = Array.from({ length: SPREAD_CODES }, () => {
  const code = randomBytes(12).toString('base64url');
  return [
    code,
    `https://example.com/article?utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=post&utm_content=share&adv_ref=${code}`,
  ];
});
const linksFile = join(work, 'links.json');
writeFileSync(linksFile, JSON.stringify(links));
const codesFile = (name, codes) => {
  const path = join(work, `${name}.txt`);
  writeFileSync(path, `${codes.join('\n')}\n`);
  return path;
};
const SPREAD = {
  name: 'spread codes',
  file: codesFile(
    'spread',
    links.map(([code]) => code),
  ),
  codes: links.map(([code]) => code),
};
const HOT = { name: 'hot link', file: codesFile('hot', [links[0][0]]), codes: [links[0][0]] };

/** Starts a bench server (pinned to core 0); resolves with its URL and a way to stop it and read its last line. */
function start(script, dist = null) {
  const [command, commandArgs] = pinned(0, process.execPath, [join(here, script)]);
  const child = spawn(command, commandArgs, {
    env: { ...process.env, BENCH_LINKS_FILE: linksFile, ...(dist === null ? {} : { BENCH_DIST: dist }) },
    stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
  });
  const lines = [];
  let buffer = '';
  let waiting = null;
  child.stdio[3].on('data', (chunk) => {
    buffer += chunk.toString();
    let at;
    while ((at = buffer.indexOf('\n')) !== -1) {
      lines.push(JSON.parse(buffer.slice(0, at)));
      buffer = buffer.slice(at + 1);
      waiting?.();
    }
  });
  const next = () =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (lines.length > 0) {
          waiting = null;
          resolve(lines.shift());
        }
      };
      waiting = check;
      child.once('exit', (status) => lines.length === 0 && reject(new Error(`${script} exited with ${status}`)));
      check();
    });
  return next().then(({ url }) => ({
    url,
    /** The server's CPU time so far, in µs (every thread). */
    /** The server's CPU time so far in µs (every thread), and the clicks it answered but has not stored yet (null: the bare server). */
    async cpu() {
      const line = next();
      child.kill('SIGUSR2');
      const { cpuMicros, waiting: unstored } = await line;
      return { cpuMicros, unstored: unstored ?? null };
    },
    async stop() {
      const last = next().catch(() => null);
      child.kill('SIGTERM');
      return last;
    },
  }));
}

/** wrk, one thread, pinned to core 1: requests, answered redirects (no error status), req/s, p50 and p99 in ms. */
function wrk(url, target, seconds, firstVisitor) {
  const [command, commandArgs] = pinned(1, 'wrk', [
    '-t1',
    `-c${CONNECTIONS}`,
    `-d${seconds}s`,
    '--latency',
    '-s',
    join(here, 'unique-visitors.lua'),
    url,
  ]);
  const result = spawnSync(command, commandArgs, {
    env: { ...process.env, BENCH_CODES_FILE: target.file, BENCH_FIRST_VISITOR: String(firstVisitor) },
    encoding: 'utf8',
  });
  const line = result.stdout.split('\n').find((l) => l.startsWith('wrk-result '));
  if (line === undefined) throw new Error(`wrk gave no result: ${result.stdout}${result.stderr}`);
  const r = JSON.parse(line.slice('wrk-result '.length));
  const errors = r.connectErrors + r.readErrors + r.writeErrors + r.timeouts;
  return { rps: r.requests / r.seconds, p50: r.p50, p99: r.p99, answered: r.requests - r.statusErrors, others: r.statusErrors, errors };
}

/** autocannon in this process (it shares the cores with the server). */
async function autocannonLoad(url, target, seconds, firstVisitor) {
  const { default: autocannon } = await import('autocannon');
  let visitor = firstVisitor;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'user-agent': HUMAN },
    requests: [
      {
        setupRequest(request) {
          visitor = (visitor + 1) % 16_777_216;
          return {
            ...request,
            path: `/r/${target.codes[visitor % target.codes.length]}`,
            headers: { ...request.headers, 'x-forwarded-for': `10.${visitor >> 16}.${(visitor >> 8) & 255}.${visitor & 255}` },
          };
        },
      },
    ],
  });
  const redirects = result['3xx'];
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    answered: redirects,
    others: result.non2xx - redirects,
    errors: result.errors + result.timeouts,
  };
}

const load = WRK ? wrk : autocannonLoad;
const ms = (value) => value.toFixed(1).padStart(6);

/** Visitors of the warm-up come from a range of their own, so the measured run's clicks are new ones too. */
const MEASURED_FIRST_VISITOR = 8_388_608;

async function run(name, script, target, dist = null) {
  const server = await start(script, dist);
  // Warm-up: every link looked up once (the link cache), the click worker started, the JIT warm.
  const warmup = await load(server.url, SPREAD, WARMUP_SECONDS, 0);
  const cpuBefore = await server.cpu();
  const result = await load(server.url, target, DURATION, MEASURED_FIRST_VISITOR);
  // The server's CPU (every thread, the click writer's included) per request of the measured run.
  const cpuAfter = await server.cpu();
  const cpuPerAnswer = (cpuAfter.cpuMicros - cpuBefore.cpuMicros) / (result.answered + result.others);
  // Clicks answered but not stored when the load stopped: the click writer's backlog, stored after
  // the measured run (at the stop), so the req/s above did not pay for them.
  const backlog = cpuAfter.unstored;
  const shutdown = await server.stop();
  console.log(
    `${name.padEnd(22)} ${result.rps.toFixed(0).padStart(7)} req/s  p50 ${ms(result.p50)} ms  p99 ${ms(result.p99)} ms  ` +
      `CPU ${cpuPerAnswer.toFixed(1).padStart(5)} µs/answer  ` +
      `(${result.answered} answered, ${result.others} other statuses, ${result.errors} socket errors` +
      `${shutdown?.stored === undefined ? '' : `; ${shutdown.stored} clicks stored of ${warmup.answered + result.answered} answered with the warm-up, ${shutdown.left} left in the spool`}` +
      `${backlog === null ? '' : `; ${backlog} not yet stored when the load stopped`})`,
  );
  // Clicks answered in the warm-up are stored too: the stored count is checked against both.
  return {
    ...result,
    name,
    answeredInAll: warmup.answered + result.answered,
    cpuPerAnswer,
    backlog,
    stored: shutdown?.stored ?? null,
    left: shutdown?.left ?? null,
  };
}

const load1 = () => loadavg()[0].toFixed(1);
console.log(
  `redirect benchmark: ${CONNECTIONS} connections, ${DURATION} s per run, ${ROUNDS} rounds, loopback, Node ${process.version}, ` +
    `${availableParallelism()} cores, load average ${load1()}`,
);
console.log(`load generator: ${WRK ? 'wrk (-t1, bench/unique-visitors.lua)' : 'autocannon (wrk not found)'}`);
console.log(`each run: a fresh server, ${WARMUP_SECONDS} s warm-up over all ${SPREAD_CODES} links, then ${DURATION} s measured`);
console.log(PIN ? 'cores: server on core 0, load generator on core 1 (taskset)' : 'cores: not pinned (no taskset or one core)');

const runs = { bare: [], spread: [], hot: [], againstSpread: [], againstHot: [] };
try {
  for (let round = 1; round <= ROUNDS; round++) {
    runs.bare.push(await run(`bare (spread codes)`, 'bare-redirect.mjs', SPREAD));
    runs.spread.push(await run(`ours (spread codes)`, 'advocacy-redirect.mjs', SPREAD));
    runs.hot.push(await run(`ours (hot link)`, 'advocacy-redirect.mjs', HOT));
    if (AGAINST !== null) {
      runs.againstSpread.push(await run(`against (spread codes)`, 'advocacy-redirect.mjs', SPREAD, AGAINST));
      runs.againstHot.push(await run(`against (hot link)`, 'advocacy-redirect.mjs', HOT, AGAINST));
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const mean = (list) => list.reduce((sum, r) => sum + r.rps, 0) / list.length;
const worstP99 = Math.max(...runs.spread.map((r) => r.p99));
const ofBare = mean(runs.spread) / mean(runs.bare);
const hotOfSpread = mean(runs.hot) / mean(runs.spread);
const ours = [...runs.spread, ...runs.hot, ...runs.againstSpread, ...runs.againstHot];
const answered = ours.reduce((sum, r) => sum + r.answeredInAll, 0);
const stored = ours.reduce((sum, r) => sum + (r.stored ?? 0), 0);
const short = ours.filter((r) => r.stored === null || r.stored < r.answeredInAll);
const verdict = (met) => (met ? 'met' : 'NOT met');
const percent = (ratio) => `${(ratio * 100).toFixed(0)}%`;

console.log(`load average at the end ${load1()}; ratios are of mean req/s over the ${ROUNDS} rounds, p99 the worse run`);
console.log(
  `bench: redirect (spread codes) ${percent(ofBare)} of bare (target ≥ ${percent(TARGET_OF_BARE)}), p99 ${worstP99.toFixed(1)} ms ` +
    `(target ≤ ${TARGET_P99_MS} ms): ${verdict(ofBare >= TARGET_OF_BARE && worstP99 <= TARGET_P99_MS)}`,
);
console.log(
  `bench: redirect (hot link) ${percent(hotOfSpread)} of spread codes (target ≥ ${percent(TARGET_HOT)}): ${verdict(hotOfSpread >= TARGET_HOT)}`,
);
const meanCpu = (list) => list.reduce((sum, r) => sum + r.cpuPerAnswer, 0) / list.length;
const [bareCpu, spreadCpu, hotCpu] = [meanCpu(runs.bare), meanCpu(runs.spread), meanCpu(runs.hot)];
// CPU time per answer moves far less with other load on the machine than req/s does: on a core of
// its own, a server's throughput is about the inverse of it.
console.log(
  `bench: redirect server CPU per answer (every thread, click writer included): bare ${bareCpu.toFixed(1)} µs, ` +
    `ours ${spreadCpu.toFixed(1)} µs spread codes and ${hotCpu.toFixed(1)} µs hot link; bare ÷ ours ${percent(bareCpu / spreadCpu)} (target ≥ ${percent(TARGET_OF_BARE)})`,
);
// Clicks stored after the load stopped were not paid for in the measured req/s: how many, of the measured answers.
const backlogs = ours.map((r) => `${r.name} ${r.backlog ?? '?'} of ${r.answered}`);
console.log(
  `bench: redirect clicks not yet stored when the load stopped (stored at the stop, after the measured run): ${backlogs.join('; ')}`,
);
const shortfall = short.map(
  (r) => `${r.name}: ${r.stored ?? 'none'} stored of ${r.answeredInAll} answered, ${r.left ?? '?'} left in the spool`,
);
console.log(
  `bench: redirect clicks stored ${stored} ≥ answered ${answered}, in every run: ${verdict(short.length === 0)}` +
    (short.length === 0 ? '' : ` (${shortfall.join('; ')})`),
);
if (AGAINST !== null) {
  const against = relative(process.cwd(), AGAINST);
  const figures = (list) =>
    `${percent(mean(list) / mean(runs.bare))} of bare, p99 ${Math.max(...list.map((r) => r.p99)).toFixed(1)} ms, CPU ${meanCpu(list).toFixed(1)} µs/answer`;
  console.log(
    `bench: redirect against ${against} (same run): spread codes ${figures(runs.againstSpread)} → ${figures(runs.spread)}; ` +
      `hot link ${figures(runs.againstHot)} → ${figures(runs.hot)}`,
  );
}

// The full-scale history as import files (docs/importing.md), shared by bench/bulk-load.mjs and
// bench/analytics.mjs: at scale 1, 100 000 employees in 100 teams, 2 000 posts, 2 000 000 shares,
// 10 000 000 unique clicks and 50 000 conversions spread over the year before `now`.
//
// Every row is a function of its index, so clicks and conversions find their share's time
// without keeping 2M shares in memory, and two runs at the same scale and `now` write the same files.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';

const TEAMS = 100;
const POSTS = 2_000;
const TOPICS = ['product', 'engineering', 'careers', 'industry', 'customers', 'events'];
// The networks of the generated shares: `xing` is left out, so a benchmark can add new shares.
const NETWORKS = ['linkedin', 'linkedin', 'linkedin', 'x', 'x', 'facebook', 'threads', 'bluesky', 'line', 'hatena'];
const KINDS = ['curated', 'curated', 'curated', 'curated', 'curated', 'curated', 'owned', 'owned', 'owned', 'promotional'];
const DAY = 86_400_000;
const YEAR_S = 365 * 86_400;

/** The row counts at a scale. */
export function sizes(scale) {
  return {
    employees: Math.round(100_000 * scale),
    posts: POSTS,
    shares: Math.round(2_000_000 * scale),
    clicks: Math.round(10_000_000 * scale),
    conversions: Math.round(50_000 * scale),
  };
}

/** "100k employees/2M shares/10M clicks" */
export function describe(scale) {
  const n = sizes(scale);
  const short = (value) =>
    value >= 1e6 ? `${+(value / 1e6).toFixed(1)}M` : value >= 1e3 ? `${+(value / 1e3).toFixed(1)}k` : String(value);
  return `${short(n.employees)} employees/${short(n.shares)} shares/${short(n.clicks)} clicks/${short(n.conversions)} conversions`;
}

/** Writes lines from `rows` (strings) to `path` in large chunks. */
async function writeLines(path, rows) {
  const out = createWriteStream(path);
  let chunk = [];
  for (const line of rows) {
    chunk.push(line);
    if (chunk.length === 10_000) {
      if (!out.write(chunk.join('\n') + '\n')) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length > 0) out.write(chunk.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
}

function* range(count, row) {
  for (let i = 0; i < count; i++) yield row(i);
}

/** Writes the import files for `scale` into `dir`, the history ending at `now` (ms); the row counts. */
export async function writeHistory(dir, scale, now) {
  mkdirSync(dir, { recursive: true });
  const n = sizes(scale);
  const iso = (ms) => new Date(ms).toISOString();
  const shareAt = (i) => now - ((i * 7919) % YEAR_S) * 1000 - 1;
  const shareOf = (j) => Number((BigInt(j) * 2654435761n) % BigInt(n.shares));
  // A click or conversion `offset` ms after its share; one that would come after `now` falls
  // within the time since the share instead.
  const after = (ms, offset) => ms + (ms + offset < now ? offset : offset % Math.max(1, now - ms));
  const created = iso(now - 400 * DAY);
  const files = {
    teams: () => range(TEAMS, (t) => `{"id":"team-${t}","name":"Team ${t}"}`),
    topics: () => range(TOPICS.length, (t) => `{"id":"${TOPICS[t]}","names":{"en":"${TOPICS[t]}"}}`),
    employees: () =>
      range(n.employees, (i) => `{"id":"emp-${i}","displayName":"Employee ${i}","teamId":"team-${i % TEAMS}","createdAt":"${created}"}`),
    posts: () =>
      range(POSTS, (p) => {
        const at = iso(now - 400 * DAY + p * 3600_000);
        return `{"id":"post-${p}","kind":"${KINDS[p % KINDS.length]}","title":"Post ${p}","url":"https://example.com/${p}","source":"Example","topics":["${TOPICS[p % TOPICS.length]}"],"publishAt":"${at}"}`;
      }),
    shares: () =>
      range(
        n.shares,
        (i) =>
          `{"id":"s${i}","employeeId":"emp-${i % n.employees}","postId":"post-${i % POSTS}","network":"${NETWORKS[i % NETWORKS.length]}","createdAt":"${iso(shareAt(i))}"}`,
      ),
    clicks: () =>
      range(n.clicks, (j) => {
        const share = shareOf(j);
        return `{"shareId":"s${share}","createdAt":"${iso(after(shareAt(share), (j % 72) * 3600_000))}","visitor":"v${j}"}`;
      }),
    conversions: () =>
      range(n.conversions, (k) => {
        const share = (k * 40) % n.shares;
        return `{"id":"conv-${k}","shareId":"s${share}","type":"lead","value":100,"createdAt":"${iso(after(shareAt(share), DAY))}"}`;
      }),
  };
  for (const [name, rows] of Object.entries(files)) await writeLines(join(dir, `${name}.ndjson`), rows());
  return n;
}

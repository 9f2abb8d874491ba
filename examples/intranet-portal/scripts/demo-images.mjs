// Draws the demo company's post pictures (public/demo-images/<post id>.svg): one illustration per
// post with a picture in core's demo seed, in its first topic's colours and motif, varied per post,
// no text (so it suits both languages) and about 1 KB each. The files are committed; run again
// after changing the seed's posts:
//   node scripts/demo-images.mjs
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoSeed } from '@advocacy-kit/core/memory';
import { PORTAL_DIR } from './stack.mjs';

const W = 1200;
const H = 628;

/** Background gradient (from, to) and the motif's colours, per topic. */
const PALETTES = {
  product: ['#2563eb', '#7c3aed', '#e0e7ff', '#facc15'],
  engineering: ['#0f766e', '#0e7490', '#ccfbf1', '#f97316'],
  careers: ['#db2777', '#f97316', '#ffe4e6', '#fde047'],
  industry: ['#1e3a8a', '#0891b2', '#dbeafe', '#34d399'],
  customers: ['#15803d', '#0d9488', '#dcfce7', '#fbbf24'],
  events: ['#7c2d12', '#c2410c', '#ffedd5', '#fde68a'],
};

/** A small deterministic random source per post, so the pictures don't change between runs. */
function random(seedText) {
  let state = [...seedText].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619), 2166136261) >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const round = (n) => Math.round(n);

/** A window frame (card with a title bar) at x, y. */
const frame = (x, y, w, h, light) =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="24" fill="${light}" opacity=".95"/>` +
  `<circle cx="${x + 36}" cy="${y + 32}" r="8" fill="#f87171"/><circle cx="${x + 62}" cy="${y + 32}" r="8" fill="#fbbf24"/><circle cx="${x + 88}" cy="${y + 32}" r="8" fill="#4ade80"/>`;

const MOTIFS = {
  // A dashboard: a line chart over bars.
  product(r, [from, , light, accent]) {
    const points = Array.from({ length: 7 }, (_, i) => `${360 + i * 80},${round(420 - i * 25 - r() * 90)}`).join(' ');
    const bars = Array.from({ length: 7 }, (_, i) => {
      const h = round(40 + r() * 70);
      return `<rect x="${346 + i * 80}" y="${480 - h}" width="28" height="${h}" rx="6" fill="${from}" opacity=".25"/>`;
    }).join('');
    return `${frame(300, 130, 600, 380, light)}${bars}<polyline points="${points}" fill="none" stroke="${from}" stroke-width="12" stroke-linecap="round" stroke-linejoin="round"/><circle cx="${points.split(' ').at(-1).split(',')[0]}" cy="${points.split(' ').at(-1).split(',')[1]}" r="18" fill="${accent}"/>`;
  },
  // A code editor: indented lines and a bracket pair.
  engineering(r, [from, to, light, accent]) {
    const lines = Array.from({ length: 7 }, (_, i) => {
      const indent = [0, 40, 80, 80, 40, 80, 0][i];
      const w = round(120 + r() * 240);
      return `<rect x="${370 + indent}" y="${200 + i * 40}" width="${w}" height="16" rx="8" fill="${i % 3 === 1 ? accent : i % 2 ? to : from}" opacity="${i % 3 === 1 ? 1 : 0.45}"/>`;
    }).join('');
    return `${frame(300, 130, 600, 380, light)}${lines}<path d="M800 250l-50 60 50 60M850 250l50 60-50 60" fill="none" stroke="${from}" stroke-width="14" stroke-linecap="round" stroke-linejoin="round" opacity=".8"/>`;
  },
  // A team: three people, the middle one highlighted.
  careers(r, [from, , light, accent]) {
    const person = (cx, scale, fill) =>
      `<circle cx="${cx}" cy="${round(300 - 70 * scale)}" r="${round(56 * scale)}" fill="${fill}"/><path d="M${round(cx - 110 * scale)} ${round(300 + 150 * scale)}a${round(110 * scale)} ${round(120 * scale)} 0 0 1 ${round(220 * scale)} 0z" fill="${fill}"/>`;
    const lift = round(r() * 20);
    return `<rect x="280" y="${480 - lift}" width="640" height="14" rx="7" fill="${light}" opacity=".5"/>${person(420, 0.8, light)}${person(780, 0.8, light)}${person(600, 1.05, accent)}<circle cx="${round(640 + r() * 40)}" cy="170" r="22" fill="${from}" stroke="${light}" stroke-width="8"/>`;
  },
  // A market chart: rising bars and a trend arrow.
  industry(r, [, , light, accent]) {
    const bars = Array.from({ length: 6 }, (_, i) => {
      const h = round(90 + i * 45 + r() * 40);
      return `<rect x="${330 + i * 95}" y="${500 - h}" width="64" height="${h}" rx="10" fill="${light}" opacity="${0.55 + i * 0.08}"/>`;
    }).join('');
    return `${bars}<path d="M320 400L520 300L640 340L880 170" fill="none" stroke="${accent}" stroke-width="16" stroke-linecap="round" stroke-linejoin="round"/><path d="M840 160l52 4-14 50" fill="none" stroke="${accent}" stroke-width="16" stroke-linecap="round" stroke-linejoin="round"/><rect x="300" y="500" width="600" height="10" rx="5" fill="${light}"/>`;
  },
  // A conversation that went well: two speech bubbles and a check mark.
  customers(r, [from, , light, accent]) {
    const dy = round(r() * 30);
    return `<path d="M330 ${170 + dy}h380a40 40 0 0 1 40 40v150a40 40 0 0 1-40 40H450l-80 60v-60h-40a40 40 0 0 1-40-40V${210 + dy}a40 40 0 0 1 40-40z" fill="${light}"/><rect x="360" y="${240 + dy}" width="${round(220 + r() * 100)}" height="20" rx="10" fill="${from}" opacity=".35"/><rect x="360" y="${290 + dy}" width="${round(160 + r() * 100)}" height="20" rx="10" fill="${from}" opacity=".35"/><circle cx="820" cy="${400 - dy}" r="110" fill="${accent}"/><path d="M770 ${400 - dy}l35 35 65-70" fill="none" stroke="${from}" stroke-width="22" stroke-linecap="round" stroke-linejoin="round"/>`;
  },
  // A calendar page with one day marked.
  events(r, [from, , light, accent]) {
    const marked = Math.floor(r() * 14);
    const days = Array.from({ length: 14 }, (_, i) => {
      const x = 400 + (i % 7) * 62;
      const y = 320 + Math.floor(i / 7) * 80;
      return i === marked
        ? `<circle cx="${x + 20}" cy="${y + 20}" r="34" fill="${accent}"/>`
        : `<rect x="${x + 6}" y="${y + 6}" width="28" height="28" rx="6" fill="${from}" opacity=".25"/>`;
    }).join('');
    return `<rect x="360" y="150" width="480" height="360" rx="28" fill="${light}"/><path d="M360 178a28 28 0 0 1 28-28h424a28 28 0 0 1 28 28v92H360z" fill="${from}" opacity=".85"/><rect x="450" y="120" width="20" height="70" rx="10" fill="${accent}"/><rect x="730" y="120" width="20" height="70" rx="10" fill="${accent}"/>${days}`;
  },
};

/** One post's picture. */
export function illustration(post) {
  const topic = post.topics.find((id) => id in MOTIFS) ?? 'product';
  const palette = PALETTES[topic];
  const [from, to, light] = palette;
  const r = random(post.id);
  const angle = round(r() * 90);
  const blobs = Array.from({ length: 3 }, () => {
    const radius = round(80 + r() * 200);
    return `<circle cx="${round(r() * W)}" cy="${round(r() * H)}" r="${radius}" fill="${light}" opacity=".12"/>`;
  }).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">` +
    `<defs><linearGradient id="g" gradientTransform="rotate(${angle} .5 .5)"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>` +
    `<rect width="${W}" height="${H}" fill="url(#g)"/>${blobs}${MOTIFS[topic](r, palette)}</svg>\n`
  );
}

const dir = join(PORTAL_DIR, 'public', 'demo-images');
mkdirSync(dir, { recursive: true });
for (const file of readdirSync(dir)) if (file.endsWith('.svg')) rmSync(join(dir, file));
const posts = demoSeed(new Date(), { imageBaseUrl: 'https://demo.invalid' }).posts.filter((post) => post.imageUrl !== null);
for (const post of posts) writeFileSync(join(dir, `${post.id}.svg`), illustration(post));
console.log(`wrote ${posts.length} pictures to ${dir}`);

import { performance } from 'node:perf_hooks';
import { fetchLinkPreview, type LinkPreview } from '../../src/admin/link-preview.js';
import { readPageMeta, type PageMeta } from '../../src/admin/open-graph.js';

// What test/security/outbound-open-graph.test.ts runs in a worker thread (see in-worker.ts).

/** `readPageMeta` of each page, in order. */
export const readEachPage = (pages: string[], baseUrl: string): PageMeta[] => pages.map((html) => readPageMeta(html, baseUrl));

/**
 * Fetches a link preview from a test server on loopback while a `setImmediate` chain ticks, and
 * reports how often the event loop turned during the preview and the longest it went without
 * turning: a parse that holds the thread shows up as one long gap.
 */
export async function previewWhileTicking(url: string): Promise<{ preview: LinkPreview; ticks: number; longestStallMs: number }> {
  let ticks = 0;
  let longestStallMs = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last);
    last = now;
    ticks++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    const preview = await fetchLinkPreview(url, { isAllowedAddress: (address) => address === '127.0.0.1' });
    tick();
    return { preview, ticks, longestStallMs };
  } finally {
    running = false;
  }
}

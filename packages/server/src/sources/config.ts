/** Curated sources: how the server fetches RSS/Atom feeds (environment variables in the README). */
export interface SourcesConfig {
  /** How often the scheduler looks for sources due a fetch; 0 turns it off. */
  tickMs: number;
  /** One fetch, redirects included. */
  fetchTimeoutMs: number;
  /** A larger feed is refused. */
  maxBytes: number;
  /** Open Graph previews fetched per source and pass at most (the rest keep the feed's own text). */
  previewsPerFetch: number;
  /** Lets fetches reach private and loopback addresses. For tests and closed networks only. */
  allowPrivateAddresses: boolean;
}

export const DEFAULT_SOURCES: SourcesConfig = {
  tickMs: 60_000,
  fetchTimeoutMs: 10_000,
  maxBytes: 2 * 1024 * 1024,
  previewsPerFetch: 10,
  allowPrivateAddresses: false,
};

type Env = Record<string, string | undefined>;

function bounded(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

export function sourcesConfigFromEnv(env: Env): SourcesConfig {
  return {
    tickMs: bounded(env, 'SOURCES_TICK_MS', DEFAULT_SOURCES.tickMs, 0, 86_400_000),
    fetchTimeoutMs: bounded(env, 'SOURCES_FETCH_TIMEOUT_MS', DEFAULT_SOURCES.fetchTimeoutMs, 1_000, 60_000),
    maxBytes: bounded(env, 'SOURCES_MAX_KB', DEFAULT_SOURCES.maxBytes / 1024, 16, 20 * 1024) * 1024,
    previewsPerFetch: bounded(env, 'SOURCES_PREVIEWS_PER_FETCH', DEFAULT_SOURCES.previewsPerFetch, 0, 50),
    allowPrivateAddresses: false,
  };
}

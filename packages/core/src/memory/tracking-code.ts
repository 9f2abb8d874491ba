/** An unguessable tracking code: 96 random bits as base64url (16 characters). */
export function trackingCode(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/** Crawlers and scripts that fetch links without a person behind them. */
const BOT =
  /bot|crawl|spider|slurp|preview|facebookexternalhit|whatsapp|skype|teams|slack|discord|telegram|embedly|curl|wget|python|java\/|go-http|okhttp|headless|lighthouse/i;

/**
 * A simple user-agent check (the reference server uses the maintained `isbot` list instead).
 * No user agent given means a simulated person; an empty one is a script.
 */
export const looksLikeBot = (userAgent: string | undefined): boolean =>
  userAgent !== undefined && (userAgent === '' || BOT.test(userAgent));

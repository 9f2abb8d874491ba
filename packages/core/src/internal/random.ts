/** Random ids from the platform's CSPRNG (Web Crypto, global in browsers and Node ≥ 19). */

/** A version 4 UUID; built from `getRandomValues` where `randomUUID` is unavailable (insecure contexts). */
export function uuid(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  // One random byte per hex digit of the template: a `0` or `1` becomes any digit, the `4` stays
  // (version 4) and the `8` becomes 8 to b (variant 10xx).
  const bytes = c.getRandomValues(new Uint8Array(31));
  let i = 0;
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (d) => (+d ^ (bytes[i++]! & (15 >> (+d / 4)))).toString(16));
}

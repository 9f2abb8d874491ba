/**
 * The IANA time zone `zone` names, in its canonical spelling (`Asia/Calcutta` → `Asia/Kolkata`
 * where the platform knows both), or `null` when it names none: a typo, an offset such as
 * `+09:00`, an empty string. Decided by `Intl`, so every backend agrees with the browser.
 */
export function ianaTimeZone(zone: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  if (resolved === 'UTC' || resolved === 'Etc/UTC') return 'UTC';
  const known = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone');
  return known === undefined || known.includes(resolved) || known.includes(zone) ? resolved : null;
}

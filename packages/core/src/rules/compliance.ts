/**
 * Compliance rules every backend and the share dialog apply the same way: which blocked terms a
 * text contains, and the disclosure and hashtags a shared text must carry.
 */

/** Text as blocked terms are compared: NFKC (full-width Ａ → A, half-width ｶ → カ), lower case, one space. */
export const normalizeText = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

const LATIN = /[\p{Script=Latin}\p{N}]/u;
const latin = (char: string | undefined) => char !== undefined && LATIN.test(char);

/**
 * The terms `text` contains, case-insensitively and NFKC-normalised. A term's Latin (or digit)
 * edge only matches at a word boundary (`ass` is not in `class`); other scripts match anywhere,
 * since Japanese and Chinese have no spaces between words.
 */
export function blockedTermsIn<T extends { term: string }>(text: string, terms: readonly T[]): T[] {
  const haystack = normalizeText(text);
  return terms.filter(({ term }) => {
    const needle = normalizeText(term).trim();
    for (let at = needle ? haystack.indexOf(needle) : -1; at >= 0; at = haystack.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (!(latin(needle[0]) && latin(haystack[at - 1])) && !(latin(needle[needle.length - 1]) && latin(haystack[end]))) return true;
    }
    return false;
  });
}

/** The disclosure for a locale: the full tag (`en-GB`), its language (`en`), then English; empty when none is set. */
export function disclosureFor(disclosures: Readonly<Record<string, string>>, locale: string): string {
  return disclosures[locale] ?? disclosures[locale.split('-')[0]!] ?? disclosures.en ?? '';
}

/**
 * The text to share: the employee's words, then the disclosure and each of the post's hashtags
 * (`#` added) that the words don't already carry. Applying it twice changes nothing, so the
 * dialog can count it and the backend can apply it again to what it stores.
 */
export function withDisclosure(commentary: string, disclosure: string, hashtags: readonly string[] = []): string {
  let text = commentary;
  for (const addition of [disclosure.trim(), ...hashtags.map((tag) => `#${tag.trim().replace(/^#+/, '')}`)]) {
    if (addition.replace('#', '') && !blockedTermsIn(text, [{ term: addition }]).length) {
      text = text.trim() ? `${text.trimEnd()} ${addition}` : addition;
    }
  }
  return text;
}

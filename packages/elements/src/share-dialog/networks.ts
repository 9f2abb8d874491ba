import { NETWORK_IDS, type NetworkId, type Post } from '@advocacy-kit/core';
import { composeShareText, countText, networkName, networks } from '@advocacy-kit/core/share';
import type { ShareDialogStrings } from './share-dialog.strings.js';

/** One network the employee can pick, as the dialog shows it. */
export interface NetworkChoice {
  id: NetworkId;
  label: string;
  /** The longest text the network accepts, or `null` when it has no practical limit. */
  limit: number | null;
  /** The intent takes only the link: the words go to the clipboard (and the dialog says so). */
  urlOnly: boolean;
  /** The share needs a window opened in the click (a web intent). */
  opensWindow: boolean;
}

/**
 * A tracking link as long as the ones backends hand out, so the counter leaves room for the
 * link that follows the words. (X counts any link as 23 whatever its length.)
 */
const LINK_ALLOWANCE = 'https://adv.example.com/r/XXXXXXXX';

function labelFor(id: NetworkId, t: ShareDialogStrings, lang: string): string {
  return id === 'native' || id === 'copy' || id === 'email' ? t.networkNames[id] : networkName(id, lang);
}

/** The networks the post may go to (all when it names none), `native` only where the device has a share sheet. */
export function availableNetworks(post: Post, t: ShareDialogStrings, lang: string): NetworkChoice[] {
  const allowed = post.networks.length > 0 ? post.networks : NETWORK_IDS;
  const canShareNatively = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  return NETWORK_IDS.filter((id) => allowed.includes(id) && (id !== 'native' || canShareNatively)).map((id) => {
    const spec = networks[id];
    return {
      id,
      label: labelFor(id, t, lang),
      limit: spec.limit,
      urlOnly: !spec.takesText,
      opensWindow: id !== 'email' && id !== 'copy' && id !== 'native',
    };
  });
}

/** The length of the words plus the link, as the network counts it. */
export function sharedLength(network: NetworkId, commentary: string): number {
  return countText(network, composeShareText(commentary, LINK_ALLOWANCE));
}

/** What the counter counts, as the network counts it: what was typed, what the backend adds, the link (with its space). */
export interface CountedParts {
  typed: number;
  added: number;
  link: number;
  used: number;
}

/** The counted length of `shared` (the words with the additions) split into its parts; `words` is what was typed. */
export function countedParts(network: NetworkId, words: string, shared: string): CountedParts {
  const length = (text: string) => (text.trim() ? countText(network, text.trim()) : 0);
  const used = sharedLength(network, shared);
  const typed = length(words);
  const text = length(shared);
  return { typed, added: text - typed, link: used - text, used };
}

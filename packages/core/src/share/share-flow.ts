import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { NetworkId } from '../backend/contract.js';
import type { ShareController, ShareFlowState, ShareRequest, ShareResult } from '../client/types.js';
import { withRetry } from '../internal/backoff.js';
import { uuid } from '../internal/random.js';
import { facade, toAdvocacyError } from '../internal/store.js';
import { networks } from './networks.js';
import { composeShareText } from './text.js';

export interface ShareControllerOptions {
  backend: AdvocacyBackend;
  /** Called once a share is handed to the network (the client records a `share_intent` event). */
  onShared?: (postId: string, network: NetworkId) => void;
  /** Attempts at recording the share on retryable errors; default 4. */
  attempts?: number;
  /** First retry delay in ms, doubled each time (with jitter); default 500. */
  retryBaseMs?: number;
}

/** Puts text on the clipboard; false where the browser refuses (no permission, no focus) or has none (Node). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens the device's share sheet; false when there is none (the call throws a TypeError) or it
 * failed for another reason than the employee cancelling.
 */
async function nativeShare(data: ShareData): Promise<boolean> {
  try {
    await navigator.share(data);
    return true;
  } catch (error) {
    return error instanceof Error && error.name === 'AbortError';
  }
}

/**
 * The share flow: record the share (idempotent, retried with backoff under one key, which the
 * controller keeps for retries of the same request until it succeeds), then hand it to the
 * network — point the popup at the intent, put the text on the clipboard where the intent takes
 * only a URL, use the share sheet for `native` and `mailto:` for email.
 */
export function createShareController(options: ShareControllerOptions): ShareController {
  const { backend, attempts = 4, retryBaseMs = 500 } = options;
  const $state = atom<ShareFlowState>({ status: 'idle' });
  // One key per share: kept while the same request (post, network, commentary) is tried again,
  // so a share whose answer was lost is never recorded twice, and dropped once it succeeded.
  const keys = new Map<string, string>();

  const share = async (request: ShareRequest): Promise<ShareResult> => {
    const { post, network, commentary, target } = request;
    const attempt = JSON.stringify([post.id, network, commentary]);
    const idempotencyKey = request.idempotencyKey ?? keys.get(attempt) ?? uuid();
    keys.set(attempt, idempotencyKey);
    $state.set({ status: 'sharing', postId: post.id, network });
    try {
      const recorded = await withRetry(
        () => backend.createShare({ postId: post.id, network, commentary, idempotencyKey }),
        attempts,
        retryBaseMs,
      );
      // Recorded: the next share, even of the same words, is a new one.
      keys.delete(attempt);
      const url = recorded.trackingUrl;
      // The backend's words: the employee's, with the disclosure and hashtags it requires.
      const words = recorded.commentary;
      const text = composeShareText(words, url);
      const spec = networks[network];
      const intentUrl = spec.intentUrl({ url, text, title: post.title });
      // The words go to the clipboard for `copy`, where the intent takes only a URL, and for
      // `native` where there is no share sheet.
      const toClipboard =
        network === 'native' ? !(await nativeShare({ title: post.title, text: words, url })) : !spec.takesText || network === 'copy';
      const copiedText = toClipboard && (await copyText(text)) ? text : null;
      if (intentUrl && target && !target.closed && network !== 'email') {
        target.location.href = intentUrl;
      } else {
        target?.close();
        if (intentUrl && typeof window !== 'undefined') {
          // mailto: opens the mail app without leaving the page; a web intent gets a new tab
          // (which a popup blocker may stop: the result's intentUrl lets the UI offer a link).
          if (network === 'email') window.location.href = intentUrl;
          else window.open(intentUrl, '_blank', 'noopener');
        }
      }
      const result: ShareResult = { share: recorded, intentUrl, copiedText };
      options.onShared?.(post.id, network);
      $state.set({ status: 'shared', result });
      return result;
    } catch (error) {
      target?.close();
      const failure = toAdvocacyError(error);
      $state.set({ status: 'error', error: failure, request: { ...request, idempotencyKey } });
      throw failure;
    }
  };

  return {
    store: facade($state),
    share,
    reset: () => $state.set({ status: 'idle' }),
  };
}

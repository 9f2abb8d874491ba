import type { ShareTarget } from '../client/types.js';

/**
 * Opens an empty popup for a share intent. Call it synchronously inside the click handler —
 * browsers block popups opened after an `await` — and pass the result as the share request's
 * `target`; the share flow points it at the intent once the share is recorded, or closes it.
 * Returns `null` outside browsers or when the popup was blocked.
 */
export function openShareWindow(features = 'popup,width=600,height=640'): ShareTarget | null {
  if (typeof window === 'undefined') return null;
  const opened = window.open('about:blank', '_blank', features);
  // The intent page must not reach back into the intranet page (reverse tabnabbing).
  if (opened) opened.opener = null;
  return opened;
}

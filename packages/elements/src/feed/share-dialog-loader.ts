/**
 * Loads the share dialog the first time a feed needs it (an employee presses Share, or the
 * feed prefetches it when the browser is idle or a Share button is hovered or focused), so the
 * feed's first render does not carry the dialog's code.
 */
import type * as shareDialogModule from '../share-dialog/share-dialog.lazy.js';

export type ShareDialogModule = typeof shareDialogModule;
export type ShareDialogLoader = () => Promise<ShareDialogModule>;

const importShareDialog: ShareDialogLoader = () => import('../share-dialog/share-dialog.lazy.js');

let loader = importShareDialog;
let loading: Promise<ShareDialogModule> | undefined;

/** The dialog's module, loaded once; after a failure (offline) the next call tries again. */
export function loadShareDialog(): Promise<ShareDialogModule> {
  loading ??= loader().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Loads the dialog ahead of need; a failure is left for the Share press to show. */
export function prefetchShareDialog(): void {
  loadShareDialog().catch(() => undefined);
}

/** Tests only: replaces how the dialog is loaded (no argument restores the dynamic import). */
export function setShareDialogLoader(next: ShareDialogLoader = importShareDialog): void {
  loader = next;
  loading = undefined;
}

// The share dialog as `<advocacy-feed>` loads it, on first need (see feed/share-dialog-loader.ts):
// its definition, and its default policy text, which the feed puts in the dialog's policy slot.
// In the feed script this module and what only it imports become a chunk of their own.
import '../define/advocacy-share-dialog.js';

export * as shareDialogStrings from './share-dialog.strings.js';

import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyShareDialogElement } from '../share-dialog/share-dialog.component.js';

defineElement(tagFor('share-dialog'), AdvocacyShareDialogElement);

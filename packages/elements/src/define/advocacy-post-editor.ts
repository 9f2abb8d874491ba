import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyPostEditorElement } from '../post-editor/post-editor.component.js';

defineElement(tagFor('post-editor'), AdvocacyPostEditorElement);

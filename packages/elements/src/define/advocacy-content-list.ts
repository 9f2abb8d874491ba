import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyContentListElement } from '../content-list/content-list.component.js';

defineElement(tagFor('content-list'), AdvocacyContentListElement);

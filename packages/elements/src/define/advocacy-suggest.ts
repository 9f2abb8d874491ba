import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacySuggestElement } from '../suggest/suggest.component.js';

defineElement(tagFor('suggest'), AdvocacySuggestElement);

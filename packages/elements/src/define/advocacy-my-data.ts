import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyMyDataElement } from '../my-data/my-data.component.js';

defineElement(tagFor('my-data'), AdvocacyMyDataElement);

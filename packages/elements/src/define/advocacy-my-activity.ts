import { AdvocacyMyActivityElement } from '../my-activity/my-activity.component.js';
import { defineElement, tagFor } from '../internal/define.js';

defineElement(tagFor('my-activity'), AdvocacyMyActivityElement);

import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyProviderElement } from '../provider/provider.component.js';

defineElement(tagFor('provider'), AdvocacyProviderElement);

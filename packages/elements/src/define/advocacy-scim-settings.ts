import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyScimSettingsElement } from '../scim-settings/scim-settings.component.js';

defineElement(tagFor('scim-settings'), AdvocacyScimSettingsElement);

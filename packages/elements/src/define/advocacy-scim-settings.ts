import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyScimSettingsElement } from '../scim-settings/scim-settings.component.js';

defineElement(tagFor('scim-settings'), AdvocacyScimSettingsElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyScimSettingsElement } from '../scim-settings/scim-settings.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';

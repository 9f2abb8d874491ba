import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyDeliverySettingsElement } from '../delivery-settings/delivery-settings.component.js';

defineElement(tagFor('delivery-settings'), AdvocacyDeliverySettingsElement);

// The types this module brings to whoever imports only it: the class with its tag in
// HTMLElementTagNameMap (declared beside the class) and the events in the DOM's event maps.
export type { AdvocacyDeliverySettingsElement } from '../delivery-settings/delivery-settings.component.js';
export type { AdvocacyEventMap } from '../internal/events.js';

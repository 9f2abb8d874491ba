import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyDeliverySettingsElement } from '../delivery-settings/delivery-settings.component.js';

defineElement(tagFor('delivery-settings'), AdvocacyDeliverySettingsElement);

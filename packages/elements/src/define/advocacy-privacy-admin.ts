import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyPrivacyAdminElement } from '../privacy-admin/privacy-admin.component.js';

defineElement(tagFor('privacy-admin'), AdvocacyPrivacyAdminElement);

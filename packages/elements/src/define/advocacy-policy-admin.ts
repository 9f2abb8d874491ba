import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyPolicyAdminElement } from '../policy-admin/policy-admin.component.js';

defineElement(tagFor('policy-admin'), AdvocacyPolicyAdminElement);

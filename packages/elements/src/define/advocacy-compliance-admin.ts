import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyComplianceAdminElement } from '../compliance-admin/compliance-admin.component.js';

defineElement(tagFor('compliance-admin'), AdvocacyComplianceAdminElement);

import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyPointRulesAdminElement } from '../point-rules-admin/point-rules-admin.component.js';

defineElement(tagFor('point-rules-admin'), AdvocacyPointRulesAdminElement);

import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyContestsAdminElement } from '../contests-admin/contests-admin.component.js';

defineElement(tagFor('contests-admin'), AdvocacyContestsAdminElement);

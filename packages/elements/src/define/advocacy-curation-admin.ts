import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyCurationAdminElement } from '../curation-admin/curation-admin.component.js';

defineElement(tagFor('curation-admin'), AdvocacyCurationAdminElement);

import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyTaxonomyAdminElement } from '../taxonomy-admin/taxonomy-admin.component.js';

defineElement(tagFor('taxonomy-admin'), AdvocacyTaxonomyAdminElement);

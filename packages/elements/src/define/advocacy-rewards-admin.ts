import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyRewardsAdminElement } from '../rewards-admin/rewards-admin.component.js';

defineElement(tagFor('rewards-admin'), AdvocacyRewardsAdminElement);

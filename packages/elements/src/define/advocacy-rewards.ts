import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyRewardsElement } from '../rewards/rewards.component.js';

defineElement(tagFor('rewards'), AdvocacyRewardsElement);

import { AdvocacyBadgesElement } from '../badges/badges.component.js';
import { defineElement, tagFor } from '../internal/define.js';

defineElement(tagFor('badges'), AdvocacyBadgesElement);

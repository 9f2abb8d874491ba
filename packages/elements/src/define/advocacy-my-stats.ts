import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyMyStatsElement } from '../my-stats/my-stats.component.js';

defineElement(tagFor('my-stats'), AdvocacyMyStatsElement);

import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyAnalyticsElement } from '../analytics/analytics.component.js';

defineElement(tagFor('analytics'), AdvocacyAnalyticsElement);

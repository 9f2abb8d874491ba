import { AdvocacyGoalsElement } from '../goals/goals.component.js';
import { defineElement, tagFor } from '../internal/define.js';

defineElement(tagFor('goals'), AdvocacyGoalsElement);

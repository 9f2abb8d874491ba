import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacySuggestionQueueElement } from '../suggestion-queue/suggestion-queue.component.js';

defineElement(tagFor('suggestion-queue'), AdvocacySuggestionQueueElement);

import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyFeedElement } from '../feed/feed.component.js';

// The feed loads its share dialog on first need (feed/share-dialog-loader.ts).
defineElement(tagFor('feed'), AdvocacyFeedElement);

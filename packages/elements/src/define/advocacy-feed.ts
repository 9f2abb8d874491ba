import { defineElement, tagFor } from '../internal/define.js';
import { AdvocacyFeedElement } from '../feed/feed.component.js';
import './advocacy-share-dialog.js';

defineElement(tagFor('feed'), AdvocacyFeedElement);

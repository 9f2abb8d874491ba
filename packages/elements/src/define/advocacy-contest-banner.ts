import { AdvocacyContestBannerElement } from '../contest-banner/contest-banner.component.js';
import { defineElement, tagFor } from '../internal/define.js';

defineElement(tagFor('contest-banner'), AdvocacyContestBannerElement);

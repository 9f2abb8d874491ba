import { AdvocacyContestResultsElement } from '../contest-results/contest-results.component.js';
import { defineElement, tagFor } from '../internal/define.js';

defineElement(tagFor('contest-results'), AdvocacyContestResultsElement);

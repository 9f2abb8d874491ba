/**
 * Sharing as core's main entry carries it. `@advocacy-kit/core/share` adds the networks' names,
 * which only UIs need, so the main entry stays within its size budget.
 */
export { networks, getNetwork, countText, remainingText, type ShareNetwork, type CountingRule, type IntentInput } from './networks.js';
export { weightedLength, graphemes, composeShareText, suggestedCommentaryFor, X_URL_LENGTH } from './text.js';
export { openShareWindow } from './window.js';
export { createShareController, type ShareControllerOptions } from './share-flow.js';
export type { ShareController, ShareFlowState, ShareRequest, ShareResult, ShareTarget } from '../client/types.js';

export { createFeedController, SEARCH_DELAY_MS, type FeedOptions } from './feed-store.js';
export type { FeedController, FeedState, LoadStatus } from '../client/types.js';

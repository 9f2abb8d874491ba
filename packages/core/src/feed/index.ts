export { createFeedController, type FeedOptions } from './feed-store.js';
export type { FeedController, FeedState, LoadStatus } from '../client/types.js';

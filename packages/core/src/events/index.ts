export { createEventQueue, type EventQueue, type EventQueueOptions } from './event-queue.js';
export type { EventQueueController, EventQueueStats } from '../client/types.js';

/** @advocacy-kit/core/admin — helpers for the program-admin side. */
export { inputOf } from './post-input.js';

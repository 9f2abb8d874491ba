import type { Capability } from '../capability.js';
import { shareRoutes } from './routes.js';

/** Recording a share (with its tracked link and points) and an employee's own shares. */
export const sharesCapability: Capability = {
  name: 'shares',
  routes: shareRoutes,
};

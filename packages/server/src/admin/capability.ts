import type { Capability } from '../capability.js';
import { linkPreviewRoutes } from './link-preview-routes.js';

/** Admin tools: the link preview that fills the post editor from a page's Open Graph tags. */
export const adminCapability: Capability = {
  name: 'admin',
  routes: linkPreviewRoutes,
};

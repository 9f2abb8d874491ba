import type { Capability } from '../capability.js';
import { adminSuggestionRoutes } from './admin-routes.js';
import { suggestionRoutes } from './routes.js';

/** Content suggested by employees, and the admin's review that turns one into a post. */
export const suggestionsCapability: Capability = {
  name: 'suggestions',
  routes(api, services) {
    suggestionRoutes(api, services);
    adminSuggestionRoutes(api, services);
  },
};

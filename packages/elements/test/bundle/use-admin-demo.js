// Gives the page's provider a client over the demo company signed in as its program admin,
// before the admin bundle upgrades the provider.
import { createAdvocacyClient } from '@advocacy-kit/core';
import { memoryBackend } from '@advocacy-kit/core/memory';

document.querySelector('advocacy-provider').client = createAdvocacyClient({
  backend: memoryBackend({ employeeId: 'emp-haruka' }),
  storage: null,
});

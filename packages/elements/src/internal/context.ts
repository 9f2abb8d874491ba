import { createContext } from '@lit/context';
import type { AdvocacyClient } from '@advocacy-kit/core';

/**
 * The client travels from `<advocacy-provider>` (or any element that provides it) to the
 * components below it. The key is a registered symbol, so two copies of the library on one
 * page still find each other's provider.
 */
export const clientContext = createContext<AdvocacyClient | undefined>(Symbol.for('advocacy-kit.client'));

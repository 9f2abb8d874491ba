import { ContextRoot, createContext } from '@lit/context';
import type { AdvocacyClient } from '@advocacy-kit/core';

/**
 * The client travels from `<advocacy-provider>` (or any element that provides it) to the
 * components below it. The key is a registered symbol, so two copies of the library on one
 * page still find each other's provider.
 */
export const clientContext = createContext<AdvocacyClient | undefined>(Symbol.for('advocacy-kit.client'));

let root: ContextRoot | undefined;

/**
 * Makes components that connect before their provider is defined (a script that registers the
 * feed before the provider, or a provider upgraded late) get the client once it arrives.
 */
export function ensureContextRoot(): void {
  if (root !== undefined || typeof document === 'undefined') return;
  root = new ContextRoot();
  root.attach(document.documentElement);
}

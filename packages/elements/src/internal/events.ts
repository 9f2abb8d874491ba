import type { AdvocacyError, Employee, NetworkId, Share, Suggestion } from '@advocacy-kit/core';

export interface AdvocacyShareDetail {
  postId: string;
  network: NetworkId;
  share: Share;
}

export interface AdvocacyShareErrorDetail {
  postId: string;
  network: NetworkId;
  error: AdvocacyError;
}

export interface AdvocacySuggestDetail {
  suggestion: Suggestion;
}

export interface AdvocacyPolicyAcceptedDetail {
  employee: Employee;
}

export interface AdvocacyShareOpenDetail {
  postId: string;
}

/** A store the component shows failed to load (the component shows the error with a retry). */
export interface AdvocacyErrorDetail {
  /** What failed: `feed`, `topics`, `leaderboard`, `my-stats`, `me`, `policy`, `suggest`. */
  source: string;
  error: AdvocacyError;
}

declare global {
  interface HTMLElementEventMap {
    'advocacy-share': CustomEvent<AdvocacyShareDetail>;
    'advocacy-share-error': CustomEvent<AdvocacyShareErrorDetail>;
    'advocacy-share-open': CustomEvent<AdvocacyShareOpenDetail>;
    'advocacy-suggest': CustomEvent<AdvocacySuggestDetail>;
    'advocacy-policy-accepted': CustomEvent<AdvocacyPolicyAcceptedDetail>;
    'advocacy-error': CustomEvent<AdvocacyErrorDetail>;
  }
}

type AdvocacyEventName =
  | 'advocacy-share'
  | 'advocacy-share-error'
  | 'advocacy-share-open'
  | 'advocacy-suggest'
  | 'advocacy-policy-accepted'
  | 'advocacy-error';

type DetailOf<K extends AdvocacyEventName> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches a bubbling, composed `advocacy-*` event with a typed detail. */
export function emit<K extends AdvocacyEventName>(target: EventTarget, name: K, detail: DetailOf<K>): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

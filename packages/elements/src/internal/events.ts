import type {
  AdvocacyError,
  DeliveryMessage,
  DeliverySettings,
  Employee,
  Membership,
  NetworkId,
  Post,
  PostInput,
  RewardRequest,
  ScimToken,
  Share,
  Suggestion,
} from '@advocacy-kit/core';

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

/** The post editor saved a post: `draft`, `scheduled`, `published` or `archived`. */
export interface AdvocacyPostSaveDetail {
  post: Post;
  /** Set when the post came from approving this suggestion. */
  suggestion: Suggestion | null;
}

/** The content list asks the host to open a post in the editor. */
export interface AdvocacyPostEditDetail {
  post: Post;
}

/** The suggestion queue asks the host to approve a suggestion through the post editor. */
export interface AdvocacySuggestionApproveDetail {
  suggestion: Suggestion;
  /** The post the editor should start from. */
  prefill: Partial<PostInput>;
}

/** A suggestion was rejected or approved. */
export interface AdvocacySuggestionReviewDetail {
  suggestion: Suggestion;
}

/** `<advocacy-invitation>`: the employee accepted or declined; `membership` is their new place in the program. */
export interface AdvocacyMembershipChangeDetail {
  membership: Membership;
}

/** The employee requested a reward (`<advocacy-rewards>`); its cost is held until an admin decides. */
export interface AdvocacyRewardRequestDetail {
  request: RewardRequest;
}

/** A store the component shows failed to load (the component shows the error with a retry). */
export interface AdvocacyErrorDetail {
  /** What failed: `feed`, `topics`, `leaderboard`, `my-stats`, `me`, `policy`, `suggest`. */
  source: string;
  error: AdvocacyError;
}

/** People: a topic, team or employee was changed by an admin (`<advocacy-taxonomy-admin>`, `<advocacy-directory>`). */
export interface AdvocacyPeopleChangeDetail {
  kind: 'topic' | 'team' | 'employee';
  /** `create`, `rename`, `move`, `archive`, `restore`, `update`, `deactivate` or `reactivate`. */
  action: string;
  id: string;
}

/** `<advocacy-delivery-settings>` saved the delivery settings. */
export interface AdvocacyDeliverySaveDetail {
  settings: DeliverySettings;
}

/** `<advocacy-delivery-settings>` sent a test message. */
export interface AdvocacyDeliveryTestDetail {
  message: DeliveryMessage;
}

/** `<advocacy-scim-settings>` created (`token` has no secret) or revoked a SCIM token. */
export interface AdvocacyScimTokenDetail {
  token: ScimToken;
}

/**
 * Every event the components dispatch, by name. All of them bubble and are composed, so a
 * listener on `document` or `window` hears them too.
 */
export interface AdvocacyEventMap {
  'advocacy-share': CustomEvent<AdvocacyShareDetail>;
  'advocacy-share-error': CustomEvent<AdvocacyShareErrorDetail>;
  'advocacy-share-open': CustomEvent<AdvocacyShareOpenDetail>;
  'advocacy-suggest': CustomEvent<AdvocacySuggestDetail>;
  'advocacy-policy-accepted': CustomEvent<AdvocacyPolicyAcceptedDetail>;
  'advocacy-error': CustomEvent<AdvocacyErrorDetail>;
  'advocacy-post-save': CustomEvent<AdvocacyPostSaveDetail>;
  'advocacy-post-edit': CustomEvent<AdvocacyPostEditDetail>;
  /** Cancelable: `preventDefault()` to open your own editor instead. */
  'advocacy-suggestion-approve': CustomEvent<AdvocacySuggestionApproveDetail>;
  'advocacy-suggestion-review': CustomEvent<AdvocacySuggestionReviewDetail>;
  'advocacy-people-change': CustomEvent<AdvocacyPeopleChangeDetail>;
  'advocacy-membership-change': CustomEvent<AdvocacyMembershipChangeDetail>;
  'advocacy-reward-request': CustomEvent<AdvocacyRewardRequestDetail>;
  'advocacy-delivery-save': CustomEvent<AdvocacyDeliverySaveDetail>;
  'advocacy-delivery-test': CustomEvent<AdvocacyDeliveryTestDetail>;
  'advocacy-scim-token-create': CustomEvent<AdvocacyScimTokenDetail>;
  'advocacy-scim-token-revoke': CustomEvent<AdvocacyScimTokenDetail>;
}

// Typed `addEventListener` on the elements (HTMLElementEventMap) and, because the events bubble
// out of shadow roots, on `document` and `window` (their maps extend GlobalEventHandlersEventMap).
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the map into the DOM's
  interface HTMLElementEventMap extends AdvocacyEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the map into the DOM's
  interface GlobalEventHandlersEventMap extends AdvocacyEventMap {}
}

type AdvocacyEventName = keyof AdvocacyEventMap;

type DetailOf<K extends AdvocacyEventName> = AdvocacyEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches a bubbling, composed `advocacy-*` event with a typed detail. */
export function emit<K extends AdvocacyEventName>(target: EventTarget, name: K, detail: DetailOf<K>): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

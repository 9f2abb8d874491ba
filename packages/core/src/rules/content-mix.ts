import type { ContentKind } from '../backend/index.js';

/** The share of published content each kind should have; the parts add up to 1. */
export type ContentMixRules = Record<ContentKind, number>;

/** The 6-3-1 content mix: six curated, three owned, one promotional in ten. */
export const DEFAULT_CONTENT_MIX: Readonly<ContentMixRules> = /* @__PURE__ */ Object.freeze({ curated: 0.6, owned: 0.3, promotional: 0.1 });

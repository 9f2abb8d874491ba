// One React component per Advocacy Kit element (generated from the elements' manifest by
// scripts/generate.mjs). Importing this entry registers every tag; import
// `@advocacy-kit/react/<tag>.js` to bring in one element only.
export * from './generated/index.js';
export type { AdvocacyEventMap } from '@advocacy-kit/elements';

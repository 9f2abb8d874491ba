// JSX types for the Advocacy Kit tags, for React 19 users who write `<advocacy-feed>` instead of
// the wrappers: `import type {} from '@advocacy-kit/react/jsx'` once, or list it in `types`.
// Importing it registers no tag.
export type { AdvocacyTagProps } from './generated/jsx.js';

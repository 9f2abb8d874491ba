// The types of dist/advocacy-kit-demo.min.js, the in-memory demo company bundled on its own
// (scripts/bundle.mjs) for `<advocacy-provider demo>` in the self-contained script.
export * from '@advocacy-kit/core/memory';

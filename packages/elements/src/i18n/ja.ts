// The program-admin components read the shared words from here until they import
// `common.strings.ts` themselves; the employee components import their `*.strings.ts`.
export { ja as common } from './common.strings.js';

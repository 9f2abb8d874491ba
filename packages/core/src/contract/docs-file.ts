/** Where the generated route table sits in docs/http-api.md. */
export const DOCS_BEGIN = '<!-- route table: generated from packages/core/src/contract/operations.ts by `pnpm generate` -->';
export const DOCS_END = '<!-- end of route table -->';

/** `docs` with the text between the markers replaced by `table`. */
export function withRouteTable(docs: string, table: string): string {
  const start = docs.indexOf(DOCS_BEGIN) + DOCS_BEGIN.length;
  const end = docs.indexOf(DOCS_END);
  return `${docs.slice(0, start)}\n${table}\n${docs.slice(end)}`;
}

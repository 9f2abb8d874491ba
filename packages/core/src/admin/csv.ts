/**
 * Text a spreadsheet could run as a formula: one that starts, after any white space or `;`
 * (a separator in some locales), with = + - @ or their full-width forms, or that starts with a
 * tab, carriage return, line feed or `;`.
 */
const FORMULA = /^[\s;]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n;]/;

/**
 * CSV (RFC 4180) cells. Text a spreadsheet could run as a formula is prefixed with a single
 * quote (OWASP's CSV-injection advice); cells with commas, quotes or line breaks are quoted,
 * quotes doubled. Numbers are written as numbers.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const guarded = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** One CSV line, CRLF-terminated. */
export const csvRow = (cells: ReadonlyArray<string | number | null>): string => `${cells.map(csvCell).join(',')}\r\n`;

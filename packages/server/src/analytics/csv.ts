/**
 * CSV (RFC 4180) cells. Text that a spreadsheet would run as a formula (starting with = + - @,
 * tab or carriage return) is prefixed with a single quote (OWASP's CSV-injection advice); cells
 * with commas, quotes or line breaks are quoted, quotes doubled. Numbers are written as numbers.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export const csvRow = (cells: Array<string | number | null>): string => `${cells.map(csvCell).join(',')}\r\n`;

/** Spreadsheet-safe CSV (RFC 4180) of the rows a component shows, and its download. */

import { csvRow } from '@advocacy-kit/core/admin';

/** The same cells as the server's CSV exports, formula guard included (core's `csvRow`). */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return [header, ...rows].map(csvRow).join('');
}

/** Saves `csv` as `filename` through a Blob link (with a BOM so Excel reads UTF-8 Japanese). */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

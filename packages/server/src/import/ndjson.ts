import { createReadStream } from 'node:fs';

/** One line of an import file: its 1-based number and the JSON object it holds. */
export interface Line {
  line: number;
  value: Record<string, unknown>;
}

/** A line that is not what its file must hold: `file:line: message`. */
export class ImportLineError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'ImportLineError';
  }
}

/** Longest line accepted: a history record is a few hundred bytes; a runaway line is an error, not a memory spike. */
const MAX_LINE = 1 << 20;

/**
 * The lines of an NDJSON file (one JSON object per line, blank lines skipped), in batches of up
 * to `size`. Read as a stream: a file of ten million clicks never sits in memory.
 */
export async function* ndjsonBatches(path: string, name: string, size: number): AsyncGenerator<Line[]> {
  let rest = '';
  let number = 0;
  let batch: Line[] = [];
  const take = (text: string): void => {
    number++;
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new ImportLineError(name, number, 'not valid JSON (each line holds one JSON object)');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ImportLineError(name, number, 'not a JSON object');
    batch.push({ line: number, value: value as Record<string, unknown> });
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      take(text.slice(start, end));
      start = end + 1;
    }
    rest = text.slice(start);
    if (rest.length > MAX_LINE) throw new ImportLineError(name, number + 1, `longer than ${MAX_LINE} characters`);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (rest !== '') take(rest);
  if (batch.length > 0) yield batch;
}

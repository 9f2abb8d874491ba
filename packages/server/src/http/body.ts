import type { Context } from 'hono';
import { invalid } from './problem.js';

/**
 * The parsed JSON body. 415 for another content type (text/plain only where allowed, for
 * sendBeacon), 400 for malformed JSON or an empty body.
 */
export async function readJson(c: Context, options: { allowTextPlain?: boolean } = {}): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const accepted = type === 'application/json' || type.endsWith('+json') || (options.allowTextPlain === true && type === 'text/plain');
  if (!accepted) {
    throw invalid(415, `Send the body as application/json${options.allowTextPlain ? ' or text/plain' : ''}.`, [
      { field: 'Content-Type', message: `unsupported: ${type || 'none'}`, code: 'unsupported_media_type' },
    ]);
  }
  const text = await c.req.text();
  if (text.trim() === '')
    throw invalid(400, 'The request body is empty.', [{ field: '', message: 'a JSON body is required', code: 'required' }]);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalid(400, `The request body is not valid JSON: ${error instanceof Error ? error.message : 'parse error'}`, [
      { field: '', message: 'malformed JSON', code: 'invalid_json' },
    ]);
  }
}

/** An optional Idempotency-Key header, checked for length and printable ASCII. */
export function idempotencyKey(c: Context, required: boolean): string | null {
  const key = c.req.header('idempotency-key');
  if (key === undefined || key === '') {
    if (!required) return null;
    throw invalid(400, 'This request needs an Idempotency-Key header so a retry never records it twice.', [
      { field: 'Idempotency-Key', message: 'is required', code: 'required' },
    ]);
  }
  if (key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
    throw invalid(400, 'The Idempotency-Key must be 1–200 printable ASCII characters.', [
      { field: 'Idempotency-Key', message: 'must be 1–200 printable ASCII characters', code: 'invalid_format' },
    ]);
  }
  return key;
}

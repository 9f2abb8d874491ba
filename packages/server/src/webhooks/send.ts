import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup, targetProblem, type TargetPolicy } from './target.js';

export interface SendResult {
  /** HTTP status, or null when no response came (network error, timeout, refused target). */
  status: number | null;
  /** The start of the response body, or the error message. */
  body: string;
  error: string | null;
}

/** Sends one signed POST; never throws. Reads at most `maxBody` bytes of the answer. */
export type Sender = (url: string, body: string, headers: Record<string, string>, timeoutMs: number) => Promise<SendResult>;

const MAX_BODY = 1024;

/** The real sender: node:http(s) with the target policy checked before and while connecting. */
export function httpSender(policy: TargetPolicy): Sender {
  const lookup = guardedLookup(policy);
  return (url, body, headers, timeoutMs) =>
    new Promise<SendResult>((resolve) => {
      const problem = targetProblem(url, policy);
      if (problem !== null) return resolve({ status: null, body: '', error: `target ${problem}` });
      const target = new URL(url);
      const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
        target,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': 'AdvocacyKit-Webhooks/1',
            ...headers,
          },
          lookup: lookup as never,
          timeout: timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            if (size < MAX_BODY) chunks.push(chunk);
            size += chunk.length;
          });
          response.on('end', () =>
            resolve({ status: response.statusCode ?? null, body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY), error: null }),
          );
          response.on('error', (error) => resolve({ status: response.statusCode ?? null, body: '', error: error.message }));
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      request.on('error', (error) => resolve({ status: null, body: '', error: error.message }));
      request.end(body);
    });
}

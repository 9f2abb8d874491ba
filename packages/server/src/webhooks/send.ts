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

/** How long one send may take: without a byte moving, and in all. */
export interface SendTimeouts {
  idleMs: number;
  deadlineMs: number;
}

/** Sends one signed POST; never throws. Reads at most `maxBody` bytes of the answer. */
export type Sender = (url: string, body: string, headers: Record<string, string>, timeouts: SendTimeouts) => Promise<SendResult>;

const MAX_BODY = 1024;

/**
 * The real sender: node:http(s) with the target policy checked before and while connecting. A
 * send ends when nothing moved for `idleMs`, and in any case `deadlineMs` after it started, even
 * against an endpoint that keeps the answer alive with a byte now and then.
 */
export function httpSender(policy: TargetPolicy): Sender {
  const lookup = guardedLookup(policy);
  return (url, body, headers, { idleMs, deadlineMs }) =>
    new Promise<SendResult>((resolve) => {
      const problem = targetProblem(url, policy);
      if (problem !== null) return resolve({ status: null, body: '', error: `target ${problem}` });
      const target = new URL(url);
      let status: number | null = null;
      const settle = (result: SendResult) => {
        clearTimeout(deadline);
        resolve(result);
      };
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
          timeout: idleMs,
        },
        (response) => {
          status = response.statusCode ?? null;
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            if (size < MAX_BODY) chunks.push(chunk);
            size += chunk.length;
          });
          response.on('end', () => settle({ status, body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY), error: null }));
          response.on('error', (error) => settle({ status, body: '', error: error.message }));
        },
      );
      // The first reason to end wins: the promise keeps the first result it is given.
      const deadline = setTimeout(() => {
        const error = `no complete answer within ${deadlineMs} ms`;
        settle({ status, body: '', error });
        request.destroy(new Error(error));
      }, deadlineMs);
      request.on('timeout', () => request.destroy(new Error(`no answer within ${idleMs} ms`)));
      request.on('error', (error) => settle({ status, body: '', error: error.message }));
      request.end(body);
    });
}

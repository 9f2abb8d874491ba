import type { IncomingMessage, RequestListener } from 'node:http';
import type { Services } from '../context.js';
import type { ProxyTrust } from '../http/client-ip.js';
import { HttpProblem } from '../http/problem.js';
import { NOT_FOUND_HEADERS, NOT_FOUND_PAGE, REDIRECT_HEADERS, resolveVisit, type VisitOutcome } from './redirect.js';

const REDIRECT_PATH = /^\/r\/([^/?#]*)(?:\?.*)?$/;

function ipOf(req: IncomingMessage, trust: ProxyTrust): string {
  const forwarded = req.headers['x-forwarded-for'];
  return trust.clientAddress(Array.isArray(forwarded) ? forwarded.join(',') : forwarded, req.socket.remoteAddress);
}

/**
 * The tracking redirect answered straight from Node's `http` request, before the request is
 * turned into a web `Request` for Hono: the hottest route skips the adapter. Same decision
 * (`resolveVisit`), headers, pages, problems and log line as the Hono route; everything else
 * goes to `next`.
 */
export function redirectFastPath(s: Services, next: RequestListener): RequestListener {
  return (req, res) => {
    const match = (req.method === 'GET' || req.method === 'HEAD') && req.url !== undefined ? REDIRECT_PATH.exec(req.url) : null;
    if (match === null) {
      next(req, res);
      return;
    }
    const started = performance.now();
    const send = (status: number, headers: Record<string, string>, body?: string) => {
      res.writeHead(status, headers).end(req.method === 'HEAD' ? undefined : body);
      s.logger.info('request', { method: req.method, path: '/r/:code', status, ms: Math.round((performance.now() - started) * 10) / 10 });
    };
    const answer = (outcome: VisitOutcome) => {
      if (!outcome.found) send(404, NOT_FOUND_HEADERS, NOT_FOUND_PAGE);
      // A counted click is in the spool before its answer goes (written with the others of this turn).
      else if (outcome.recorded) s.clicks.afterKept(() => send(302, { ...REDIRECT_HEADERS, Location: outcome.location }));
      else send(302, { ...REDIRECT_HEADERS, Location: outcome.location });
    };
    const fail = (error: unknown) => {
      if (error instanceof HttpProblem) {
        send(error.status, { 'Content-Type': 'application/problem+json', ...error.headers }, JSON.stringify(error.toJSON()));
        return;
      }
      s.logger.error('redirect failed', { error: error instanceof Error ? error.stack : String(error) });
      send(
        500,
        { 'Content-Type': 'application/problem+json' },
        JSON.stringify(new HttpProblem(500, 'server', 'Something went wrong on the server; try again later.').toJSON()),
      );
    };
    try {
      let code: string;
      try {
        code = decodeURIComponent(match[1]!);
      } catch {
        answer({ found: false });
        return;
      }
      const outcome = resolveVisit(s, {
        code,
        method: req.method!,
        ip: ipOf(req, s.config.trustProxy),
        userAgent: req.headers['user-agent'] ?? '',
      });
      if (outcome instanceof Promise) outcome.then(answer, fail);
      else answer(outcome);
    } catch (error) {
      fail(error);
    }
  };
}

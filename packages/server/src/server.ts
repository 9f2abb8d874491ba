import { getRequestListener } from '@hono/node-server';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AdvocacyApp } from './app.js';
import type { ServerConfig } from './config.js';
import type { Logger } from './log.js';
import type { ClickShutdown } from './tracking/click-recorder.js';
import { redirectFastPath } from './tracking/fast-path.js';

/** How long requests already being answered get to finish before their connections are closed. */
const DRAIN_MS = 1_000;
/** Time kept after the clicks' deadline for a batch still running, the worker and the database to close. */
const CLOSE_MS = 2_000;

export interface RunningServer extends AdvocacyApp {
  /** Where it listens, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /**
   * Stops accepting connections, lets answers in progress finish (each one closes its connection),
   * stores pending clicks until shortly before `deadline` (default: `config.shutdownTimeoutMs`
   * from now) — what is not stored by then stays in the spool — and closes the database.
   */
  close(options?: { deadline?: number }): Promise<ClickShutdown>;
}

/** How long an idle keep-alive connection stays open. */
export const KEEP_ALIVE_MS = 65_000;

/** Builds the app and listens on `config.host:config.port` (port 0 picks a free port). */
export async function createServer(config: ServerConfig): Promise<RunningServer> {
  const advocacy = await createApp(config);
  let stopping = false;
  const handle = redirectFastPath(advocacy.services, getRequestListener(advocacy.app.fetch));
  const listener: RequestListener = (req, res) => {
    // Once stopping, every answer ends its keep-alive connection, so busy clients let go.
    if (stopping) res.setHeader('Connection', 'close');
    handle(req, res);
  };
  const server: Server = createHttpServer(listener);
  // Behind a load balancer, the balancer must be the one to drop an idle connection: a request it
  // sends down a connection the server is closing at that moment fails with a 502. Balancers drop
  // idle upstream connections within a minute (AWS ALB 60 s), so the server keeps them longer
  // than Node's 5 s (docs/deploying.md).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<ClickShutdown> | null = null;
  return {
    ...advocacy,
    url: `http://${host}:${address.port}`,
    close(options = {}) {
      closing ??= (async () => {
        const deadline = options.deadline ?? Date.now() + config.shutdownTimeoutMs;
        stopping = true;
        await new Promise<void>((resolve) => {
          const force = setTimeout(() => server.closeAllConnections(), Math.min(DRAIN_MS, Math.max(0, deadline - Date.now())));
          server.close(() => {
            clearTimeout(force);
            resolve();
          });
          server.closeIdleConnections();
        });
        return advocacy.close({ deadline: deadline - CLOSE_MS });
      })();
      return closing;
    },
  };
}

/**
 * Closes the server on SIGINT/SIGTERM within `config.shutdownTimeoutMs`: clicks not stored by then
 * stay in the spool for the next start. Exits 0 when every answered click is stored or kept on
 * disk; 1, with a log line saying how many, when some were not (or the stop overran its time).
 */
export function closeOnSignals(
  server: { close(options?: { deadline?: number }): Promise<ClickShutdown> },
  logger: Pick<Logger, 'info' | 'error'> | ((msg: string) => void),
  timeoutMs = 10_000,
): void {
  const log: Pick<Logger, 'info' | 'error'> =
    typeof logger === 'function'
      ? {
          info: (msg, fields) => logger(fields === undefined ? msg : `${msg} ${JSON.stringify(fields)}`),
          error: (msg, fields) => logger(fields === undefined ? msg : `${msg} ${JSON.stringify(fields)}`),
        }
      : logger;
  const stop = (signal: string) => {
    const started = Date.now();
    const deadline = started + timeoutMs;
    log.info(`received ${signal}; stopping`, { timeoutMs });
    const overrun = setTimeout(() => {
      log.error('shutdown did not finish in time; clicks not yet stored stay in the spool', { timeoutMs });
      process.exit(1);
    }, timeoutMs);
    overrun.unref();
    server.close({ deadline }).then(
      (clicks) => {
        const ms = Date.now() - started;
        if (clicks.lost > 0) {
          log.error('stopped; some answered clicks were not recorded', { ...clicks, ms });
          process.exit(1);
        }
        log.info('stopped', { ...clicks, ms });
        process.exit(0);
      },
      (error: unknown) => {
        log.error('shutdown failed', { error: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

import { getRequestListener } from '@hono/node-server';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AdvocacyApp } from './app.js';
import type { ServerConfig } from './config.js';
import { redirectFastPath } from './tracking/fast-path.js';

export interface RunningServer extends AdvocacyApp {
  /** Where it listens, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** Stops accepting connections, flushes pending clicks, closes the database. */
  close(): Promise<void>;
}

/** Builds the app and listens on `config.host:config.port` (port 0 picks a free port). */
export async function createServer(config: ServerConfig): Promise<RunningServer> {
  const advocacy = await createApp(config);
  const server: Server = createHttpServer(redirectFastPath(advocacy.services, getRequestListener(advocacy.app.fetch)));
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | null = null;
  return {
    ...advocacy,
    url: `http://${host}:${address.port}`,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await advocacy.close();
      })();
      return closing;
    },
  };
}

/** Closes the server on SIGINT/SIGTERM after flushing what is pending. */
export function closeOnSignals(server: { close(): Promise<void> }, log: (msg: string) => void): void {
  const stop = (signal: string) => {
    log(`received ${signal}; flushing and stopping`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { demoSeed } from '@advocacy-kit/core/memory';
import { createServer, loadSeed, resolveConfig } from '@advocacy-kit/server';
import type { HttpTargetOptions } from '../src/index.js';
import { DEMO } from './memory-target.js';

export interface ReferenceServer {
  /** Base URL and tokens for the demo company's employee, other employee and admin. */
  options: HttpTargetOptions;
  close(): Promise<void>;
}

/** The key the reference server takes for conversions in these tests. */
export const API_KEY = 'contract-tests-key-0123456789abcdefghijkl';

/** A free local port (tracking URLs embed the public URL, so it must be known before start). */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function demoToken(apiUrl: string, employeeId: string): Promise<string> {
  const response = await fetch(`${apiUrl}/auth/demo-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ employeeId }),
  });
  if (!response.ok) throw new Error(`demo token for ${employeeId}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * Starts the reference server in this process with demo sign-in and the demo company, on SQLite
 * in memory or on the PostgreSQL database at `databaseUrl`.
 */
export async function startReferenceServer(databaseUrl: string | null = null): Promise<ReferenceServer> {
  const port = await freePort();
  const unlimited = { burst: 100_000, perSecond: 100_000 };
  const server = await createServer(
    resolveConfig({
      port,
      host: '127.0.0.1',
      publicUrl: `http://127.0.0.1:${port}`,
      databaseUrl,
      sqliteFile: ':memory:',
      logLevel: 'silent',
      auth: { demo: true, apiKeys: [{ source: 'contract-tests', key: API_KEY }] },
      rateLimits: { redirect: unlimited, writes: unlimited, conversions: unlimited },
    }),
  );
  try {
    await loadSeed(server.services.db, demoSeed(), server.services.config.rules);
    const apiUrl = `${server.url}/api/v1`;
    return {
      options: {
        baseUrl: apiUrl,
        employeeToken: await demoToken(apiUrl, DEMO.employee),
        otherEmployeeToken: await demoToken(apiUrl, DEMO.otherEmployee),
        adminToken: await demoToken(apiUrl, DEMO.admin),
        apiKey: API_KEY,
        erasableEmployeeToken: await demoToken(apiUrl, DEMO.erasable),
      },
      close: async () => {
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

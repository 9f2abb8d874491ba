/** A redirect load against a running server: every request a unique visitor, counting the 302s. */
import { Agent, request } from 'node:http';

/** Visitor `n`: an address and a browser build of its own, so each request is a unique human click. */
export const visitor = (n: number) => ({
  ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
  userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.${n}.0 Safari/537.36`,
});

export interface RedirectLoad {
  /** 302s received, per tracking code. */
  answered: Map<string, number>;
  total(): number;
  /** Requests sent (answered or not). */
  sent(): number;
  /** Resolves once `count` redirects have been answered. */
  reach(count: number): Promise<void>;
  /** Stops sending; resolves when every request in flight has settled. */
  stop(): Promise<void>;
}

/**
 * Redirect load from this process: `concurrency` keep-alive connections, each sending the next
 * visitor (X-Forwarded-For and User-Agent; the server runs with TRUST_PROXY=1) to the next code,
 * until stopped or the server stops answering.
 */
export function redirectLoad(url: string, codes: string[], options: { concurrency: number; firstVisitor?: number }): RedirectLoad {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const answered = new Map<string, number>(codes.map((code) => [code, 0]));
  let next = options.firstVisitor ?? 1;
  let sent = 0;
  let total = 0;
  let stopped = false;
  const waiting: { count: number; resolve: () => void }[] = [];
  const one = (n: number) =>
    new Promise<boolean>((resolve) => {
      const code = codes[n % codes.length]!;
      const { ip, userAgent } = visitor(n);
      const req = request(`${url}/r/${code}`, { agent, headers: { 'user-agent': userAgent, 'x-forwarded-for': ip } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 302) {
            answered.set(code, answered.get(code)! + 1);
            total++;
            for (const wait of waiting.filter((w) => total >= w.count)) {
              waiting.splice(waiting.indexOf(wait), 1);
              wait.resolve();
            }
          }
          resolve(res.statusCode === 302);
        });
        res.on('error', () => resolve(false));
      });
      req.on('error', () => resolve(false));
      req.end();
    });
  const loop = async () => {
    while (!stopped) {
      sent++;
      if (!(await one(next++))) break;
    }
  };
  const loops = Promise.all(Array.from({ length: options.concurrency }, loop));
  return {
    answered,
    total: () => total,
    sent: () => sent,
    reach: (count) =>
      total >= count
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            waiting.push({ count, resolve });
            // Every connection gave up: the count will not be reached.
            void loops.then(() => reject(new Error(`the load stopped after ${total} redirects, before ${count}`)));
          }),
    async stop() {
      stopped = true;
      await loops;
      agent.destroy();
    },
  };
}

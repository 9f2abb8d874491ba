import { isAdvocacyError, type AdvocacyBackend } from '@advocacy-kit/core/backend';

const MAX_ATTEMPTS = 6;
const MAX_WAIT_SECONDS = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withRetries<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isAdvocacyError(error) || error.code !== 'rate_limited' || attempt >= MAX_ATTEMPTS) throw error;
      await sleep(Math.min(error.retryAfter ?? 1, MAX_WAIT_SECONDS) * 1000);
    }
  }
}

function retrying<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(object, args);
        if (!(result instanceof Promise)) return result;
        // The first attempt is already running; later attempts call again.
        let first = true;
        return withRetries(() => {
          if (first) {
            first = false;
            return result;
          }
          return value.apply(object, args) as Promise<unknown>;
        });
      };
    },
  });
}

/**
 * The backend as the checks see it: a call rejected with `rate_limited` (HTTP 429, which means
 * the request was not processed) is sent again after `retryAfter`, so an API's rate limits slow
 * the suite down instead of failing it.
 */
export function retryRateLimited(backend: AdvocacyBackend): AdvocacyBackend {
  const admin = retrying(backend.admin);
  return new Proxy(retrying(backend), {
    get(object, property, receiver) {
      return property === 'admin' ? admin : Reflect.get(object, property, receiver);
    },
  });
}

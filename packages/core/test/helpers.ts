// Helpers shared by core's Node tests.
import type { AdvocacyBackend } from '../src/backend/backend.js';
import type { AdvocacyStore } from '../src/client/types.js';

/** A `Storage` kept in memory, for code that persists to `localStorage` in browsers. */
export function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}

/** Resolves with the first value of the store that matches `test` (subscribing mounts it). */
export function until<T>(store: AdvocacyStore<T>, test: (value: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const stop = store.subscribe((value) => {
      if (test(value)) {
        queueMicrotask(() => stop());
        resolve(value);
      }
    });
  });
}

/** Wraps a backend and counts the calls of each method. */
export function counting(backend: AdvocacyBackend) {
  const calls: Record<string, number> = {};
  const proxy = new Proxy(backend, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[String(prop)] = (calls[String(prop)] ?? 0) + 1;
        return value.apply(target, args);
      };
    },
  });
  return { backend: proxy, calls };
}

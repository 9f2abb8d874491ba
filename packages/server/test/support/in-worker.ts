import { Worker } from 'node:worker_threads';

// The worker loads the module through tsx, tells the test it is ready (so loading is not timed),
// then runs the call and posts its result back.
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.tsx)
  .then(({ tsImport }) => tsImport(workerData.module, workerData.module))
  .then(async (module) => {
    parentPort.postMessage({ ready: true });
    parentPort.postMessage({ value: await module[workerData.name](...workerData.args) });
  })
  .catch((error) => parentPort.postMessage({ error: String((error && error.stack) || error) }));
`;

/**
 * Calls `name(...args)` exported by `module` in a worker thread and resolves with its result.
 * Rejects, and stops the thread, when the call has not answered `deadlineMs` after the module
 * loaded: code that holds its thread (a runaway regular expression) fails the test instead of
 * hanging it. Arguments and result must be structured-cloneable.
 */
export function callInWorker<T>(module: URL, name: string, args: unknown[], deadlineMs: number): Promise<T> {
  const worker = new Worker(SCRIPT, {
    eval: true,
    workerData: { tsx: import.meta.resolve('tsx/esm/api'), module: module.href, name, args },
  });
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    worker.on('message', (message: { ready?: true; value?: T; error?: string }) => {
      if (message.ready) {
        timer = setTimeout(() => settle(() => reject(new Error(`${name} did not answer within ${deadlineMs} ms`))), deadlineMs);
      } else if (message.error !== undefined) {
        settle(() => reject(new Error(message.error)));
      } else {
        settle(() => resolve(message.value as T));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
  });
}

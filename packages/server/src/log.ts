import type { LogLevel } from './config.js';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/**
 * One JSON object per line. Lines written in the same turn of the event loop go out in one
 * write (a busy server makes one system call per turn, not per request); whatever is pending
 * is written synchronously when the process exits. Callers never pass tokens or visitor data.
 */
export function createLogger(level: LogLevel, write: (chunk: string) => void = (chunk) => process.stdout.write(chunk)): Logger {
  const threshold = ORDER[level];
  let pending = '';
  let scheduled = false;
  const drain = () => {
    scheduled = false;
    const chunk = pending;
    pending = '';
    if (chunk !== '') write(chunk);
  };
  if (threshold < ORDER.silent) process.once('exit', drain);
  const log = (at: Exclude<LogLevel, 'silent'>) => (msg: string, fields?: LogFields) => {
    if (ORDER[at] < threshold) return;
    pending += `${JSON.stringify({ time: new Date().toISOString(), level: at, msg, ...fields })}\n`;
    if (!scheduled) {
      scheduled = true;
      setImmediate(drain);
    }
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

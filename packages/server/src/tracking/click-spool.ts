import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawClick } from './click-store.js';

/** Why a click could not be kept: the spool is at its size bound, or the disk refused the write. */
export type Refusal = 'full' | 'unwritable';

/** A closed run of clicks, stored as one batch and released once they are committed. */
export interface Segment {
  readonly count: number;
  /** The clicks (read back from disk for a file spool); lines that cannot be read are counted. */
  read(): Promise<{ clicks: RawClick[]; unreadable: number }>;
}

/**
 * Where answered clicks wait for the database. `append` runs in the redirect, before the answer:
 * when it returns null the click is kept. Segments are taken oldest first and released only after
 * their clicks are committed, so a batch that fails stays for the next attempt.
 */
export interface ClickSpool {
  /** True when a kept click survives the process being killed. */
  readonly durable: boolean;
  append(click: RawClick): Refusal | null;
  /**
   * Appends clicks in order, as one write where the spool has a file: as many as fit are kept.
   * Returns how many were kept and, when not all, why the rest were refused.
   */
  appendAll(clicks: readonly RawClick[]): { kept: number; refusal: Refusal | null };
  /** Clicks appended since the last seal. */
  readonly open: number;
  /** Closes the segment being written (if it holds any click), making it the newest to store. */
  seal(): void;
  /** The oldest closed segment, or null when there is none. */
  oldest(): Segment | null;
  /** Forgets a segment whose clicks are committed (deletes its file). */
  release(segment: Segment): Promise<void>;
  /** Clicks kept and not yet committed, in closed segments and the open one. */
  depth(): number;
  /** Bytes kept on disk (0 in memory). */
  bytes(): number;
  /** Syncs what is left to disk and lets go of the directory; appends are refused afterwards. */
  close(): void;
}

// One line per click: a JSON array, so a user agent with any characters stays on its line.
// The share's post and sharer's network travel with it: the store needs them for points.
const line = (c: RawClick) => `${JSON.stringify([c.code, c.shareId, c.employeeId, c.postId, c.sharerNetwork, c.ip, c.userAgent, c.at])}\n`;

function parse(text: string): { clicks: RawClick[]; unreadable: number } {
  const clicks: RawClick[] = [];
  let unreadable = 0;
  for (const row of text.split('\n')) {
    if (row === '') continue;
    try {
      const [code, shareId, employeeId, postId, sharerNetwork, ip, userAgent, at] = JSON.parse(row) as unknown[];
      const texts = [code, shareId, employeeId, postId, ip, userAgent, at].every((field) => typeof field === 'string');
      if (texts && (sharerNetwork === null || typeof sharerNetwork === 'string')) {
        clicks.push({ code, shareId, employeeId, postId, sharerNetwork, ip, userAgent, at } as RawClick);
        continue;
      }
    } catch {
      // a line cut short by a failed write or a power loss
    }
    unreadable++;
  }
  return { clicks, unreadable };
}

const SEGMENT = /^clicks-(\d{12})\.log$/;
const segmentName = (seq: number) => `clicks-${String(seq).padStart(12, '0')}.log`;

function countLines(buffer: Buffer): number {
  let lines = 0;
  for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) lines++;
  return lines;
}

interface FileSegment extends Segment {
  readonly path: string;
  readonly size: number;
  /** Whether its clicks are held in memory (read without the file). */
  readonly inMemory: boolean;
}

/**
 * Clicks of segments written by this process that are kept in memory as well as on disk, so
 * storing them needs no read and no parse; past it (the database away for a while), segments are
 * read back from their files.
 */
const IN_MEMORY_CLICKS = 50_000;

/**
 * Clicks appended to files in `dir`, one line each, written synchronously (`writeSync` on an
 * append-only descriptor) before the redirect answers: the operating system's page cache keeps a
 * written line when the process is killed, so no fsync is needed per click. Segments are numbered;
 * what a previous process left (its open segment included) is taken first. A lock file holding the
 * process id keeps a second live server out of the same directory.
 */
export class FileClickSpool implements ClickSpool {
  readonly durable = true;
  private readonly closed: FileSegment[] = [];
  private fd: number | null = null;
  private openPath = '';
  private openCount = 0;
  private openSize = 0;
  private size = 0;
  private kept = 0;
  private next: number;
  private stopped = false;
  private readonly lock: string;
  /** The open segment's clicks, as appended. */
  private openClicks: RawClick[] = [];
  /** False once a write to the open segment failed: its file may hold a cut line and is read back instead. */
  private openWhole = true;
  /** Clicks of closed segments held in memory (see IN_MEMORY_CLICKS). */
  private inMemory = 0;

  constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
  ) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      this.lock = join(dir, 'lock');
      this.takeLock();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Cannot use the click spool directory ${dir} (${reason}): set CLICK_SPOOL_DIR to a writable directory of its own.`, {
        cause: error,
      });
    }
    let last = 0;
    for (const name of readdirSync(dir).sort()) {
      const match = SEGMENT.exec(name);
      if (match === null) continue;
      const path = join(dir, name);
      const size = statSync(path).size;
      const count = size === 0 ? 0 : countLines(readFileSync(path));
      last = Number(match[1]);
      if (count === 0 && size === 0) {
        unlinkSync(path);
        continue;
      }
      this.closed.push(this.segment(path, count, size));
      this.size += size;
      this.kept += count;
    }
    this.next = last + 1;
  }

  /** Clicks a previous process left, found when the spool was opened. */
  get leftover(): number {
    return this.kept;
  }

  private takeLock(): void {
    try {
      writeFileSync(this.lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(this.lock, 'utf8'));
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
      throw new Error(`process ${holder} is using it; give each server instance its own`);
    }
    writeFileSync(this.lock, String(process.pid), { mode: 0o600 });
  }

  private segment(path: string, count: number, size: number, clicks: RawClick[] | null = null): FileSegment {
    return {
      path,
      count,
      size,
      inMemory: clicks !== null,
      read: async () => (clicks === null ? parse(await readFile(path, 'utf8')) : { clicks, unreadable: 0 }),
    };
  }

  get open(): number {
    return this.openCount;
  }

  append(click: RawClick): Refusal | null {
    return this.appendAll([click]).refusal;
  }

  appendAll(clicks: readonly RawClick[]): { kept: number; refusal: Refusal | null } {
    if (this.stopped) return { kept: 0, refusal: clicks.length === 0 ? null : 'unwritable' };
    // The lines that fit under the bound, in order: one write for all of them.
    let text = '';
    const ends: number[] = [];
    let length = 0;
    let refusal: Refusal | null = null;
    for (const click of clicks) {
      const next = line(click);
      const bytes = Buffer.byteLength(next);
      if (this.size + length + bytes > this.maxBytes) {
        refusal = 'full';
        break;
      }
      text += next;
      length += bytes;
      ends.push(length);
    }
    if (ends.length === 0) return { kept: 0, refusal };
    let written = 0;
    try {
      if (this.fd === null) {
        this.openPath = join(this.dir, segmentName(this.next++));
        this.fd = openSync(this.openPath, 'a', 0o600);
      }
      written = writeSync(this.fd, text);
      if (written !== length) throw new Error('short write');
    } catch {
      // A line cut short must not run into the next one: the next click starts a new segment, and
      // this one is read back from its file, cut line and all. The lines written whole are kept.
      this.openSize += written;
      this.size += written;
      const whole = ends.filter((end) => end <= written).length;
      this.keep(clicks.slice(0, whole));
      this.openWhole = false;
      this.seal();
      return { kept: whole, refusal: 'unwritable' };
    }
    this.openSize += written;
    this.size += written;
    this.keep(clicks.slice(0, ends.length));
    return { kept: ends.length, refusal };
  }

  private keep(clicks: readonly RawClick[]): void {
    this.openCount += clicks.length;
    this.kept += clicks.length;
    for (const click of clicks) this.openClicks.push(click);
  }

  seal(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // already gone; what was written stays in the file
    }
    this.fd = null;
    if (this.openSize === 0) {
      unlinkQuietly(this.openPath);
    } else {
      const whole = this.openWhole && this.inMemory + this.openCount <= IN_MEMORY_CLICKS;
      if (whole) this.inMemory += this.openCount;
      this.closed.push(this.segment(this.openPath, this.openCount, this.openSize, whole ? this.openClicks : null));
    }
    this.openClicks = [];
    this.openWhole = true;
    this.openCount = 0;
    this.openSize = 0;
  }

  oldest(): Segment | null {
    return this.closed[0] ?? null;
  }

  async release(segment: Segment): Promise<void> {
    const index = this.closed.indexOf(segment as FileSegment);
    if (index === -1) return;
    const [released] = this.closed.splice(index, 1);
    this.size -= released!.size;
    this.kept -= released!.count;
    if (released!.inMemory) this.inMemory -= released!.count;
    await unlink(released!.path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  depth(): number {
    return this.kept;
  }

  bytes(): number {
    return this.size;
  }

  close(): void {
    if (this.stopped) return;
    this.seal();
    this.stopped = true;
    // A graceful stop also survives a power loss: sync what the next start will replay, as far as
    // half a second allows (the files are in the page cache either way).
    const until = performance.now() + 500;
    for (const { path } of this.closed) {
      if (performance.now() > until) break;
      try {
        const fd = openSync(path, 'r');
        fsyncSync(fd);
        closeSync(fd);
      } catch {
        // best effort; the data is in the page cache either way
      }
    }
    unlinkQuietly(this.lock);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // gone already
  }
}

/**
 * Clicks held in memory only, for an in-memory database (tests, embedding): nothing there
 * survives the process either. Bounded like the file spool, counting the same line sizes.
 */
export class MemoryClickSpool implements ClickSpool {
  readonly durable = false;
  private readonly closed: {
    count: number;
    size: number;
    clicks: RawClick[];
    read(): Promise<{ clicks: RawClick[]; unreadable: number }>;
  }[] = [];
  private current: RawClick[] = [];
  private currentSize = 0;
  private size = 0;
  private kept = 0;
  private stopped = false;

  constructor(private readonly maxBytes: number) {}

  get open(): number {
    return this.current.length;
  }

  appendAll(clicks: readonly RawClick[]): { kept: number; refusal: Refusal | null } {
    let kept = 0;
    for (const click of clicks) {
      const refusal = this.append(click);
      if (refusal !== null) return { kept, refusal };
      kept++;
    }
    return { kept, refusal: null };
  }

  append(click: RawClick): Refusal | null {
    if (this.stopped) return 'unwritable';
    const length = line(click).length;
    if (this.size + length > this.maxBytes) return 'full';
    this.current.push(click);
    this.currentSize += length;
    this.size += length;
    this.kept++;
    return null;
  }

  seal(): void {
    if (this.current.length === 0) return;
    const clicks = this.current;
    this.closed.push({ count: clicks.length, size: this.currentSize, clicks, read: async () => ({ clicks, unreadable: 0 }) });
    this.current = [];
    this.currentSize = 0;
  }

  oldest(): Segment | null {
    return this.closed[0] ?? null;
  }

  async release(segment: Segment): Promise<void> {
    const index = this.closed.findIndex((closed) => closed === segment);
    if (index === -1) return;
    const [released] = this.closed.splice(index, 1);
    this.size -= released!.size;
    this.kept -= released!.count;
  }

  depth(): number {
    return this.kept;
  }

  bytes(): number {
    return 0;
  }

  close(): void {
    this.seal();
    this.stopped = true;
  }
}

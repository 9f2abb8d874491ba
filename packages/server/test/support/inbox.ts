import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One email as it arrived: the envelope, the decoded headers and the decoded text and HTML parts. */
export interface ReceivedMail {
  from: string;
  to: string[];
  /** The SMTP user it authenticated as, or null. */
  user: string | null;
  raw: string;
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
}

export interface Inbox {
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) to text. */
const decodeWords = (value: string) =>
  value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding?.toLowerCase() === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding?.toLowerCase() === 'quoted-printable')
    return Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  return body;
}

/** Splits a message into its headers and its text/plain and text/html parts (one level of multipart). */
export function parseMail(raw: string): Pick<ReceivedMail, 'headers' | 'subject' | 'text' | 'html'> {
  const split = raw.indexOf('\r\n\r\n');
  const headers = parseHeaders(raw.slice(0, split));
  const body = raw.slice(split + 4);
  let text = '';
  let html = '';
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary === undefined ? [raw] : body.split(`--${boundary}`).slice(1, -1);
  for (const part of parts) {
    const at = part.indexOf('\r\n\r\n');
    const partHeaders = parseHeaders(part.slice(0, at).replace(/^\r\n/, ''));
    const content = decodeBody(part.slice(at + 4).replace(/\r\n$/, ''), partHeaders.get('content-transfer-encoding'));
    const type = partHeaders.get('content-type') ?? '';
    if (type.startsWith('text/plain')) text = content;
    if (type.startsWith('text/html')) html = content;
  }
  return { headers, subject: headers.get('subject') ?? '', text, html };
}

/**
 * A real SMTP server on a free local port that keeps every message it accepts. Plain SMTP with
 * AUTH allowed (like a local relay); with `credentials`, only that user and password get in.
 */
export async function startInbox(credentials?: { user: string; pass: string }): Promise<Inbox> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: credentials === undefined,
    logger: false,
    onAuth(auth, _session, callback) {
      if (credentials !== undefined && auth.username === credentials.user && auth.password === credentials.pass) {
        return callback(null, { user: auth.username });
      }
      callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          user: typeof session.user === 'string' ? session.user : null,
          raw,
          ...parseMail(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** What a receiver got: the path, the JSON body, and the status it answered. */
export interface Received {
  path: string;
  body: unknown;
  status: number;
}

export interface Receiver {
  url: string;
  requests: Received[];
  /** The next `count` requests to `path` are answered with `status`. */
  failNext(path: string, count: number, status?: number): void;
  close(): Promise<void>;
}

/** A local HTTP receiver standing in for a Teams or Slack webhook: answers 200 unless told to fail. */
export async function startReceiver(): Promise<Receiver> {
  const requests: Received[] = [];
  const failures = new Map<string, { count: number; status: number }>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const failure = failures.get(path);
      const status = failure !== undefined && failure.count > 0 ? failure.status : 200;
      if (failure !== undefined && failure.count > 0) failure.count--;
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      requests.push({ path, body, status });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'boom');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    failNext: (path, count, status = 500) => failures.set(path, { count, status }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

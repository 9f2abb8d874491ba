import type {
  DeliveryChannel,
  DeliveryMessage,
  DeliverySettings,
  DeliverySettingsInput,
  DeliveryTestInput,
  Page,
  PageQuery,
} from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import { paginate } from './paginate.js';
import { FieldErrors, pageLimit } from './validate.js';

type Audit = (action: string, target: { kind: string; id: string }, before: unknown, after: unknown) => void;

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;
const CHANNELS: readonly DeliveryChannel[] = ['email', 'teams', 'slack'];

/** Loopback and private-network hosts written as names or IP literals (the server also checks what names resolve to). */
function privateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '::' || h.startsWith('::ffff:') || /^f[cd]|^fe80/.test(h))
    return true;
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(h);
  if (v4 === null) return false;
  const [a, b] = [Number(v4[1]), Number(v4[2])];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'https:') return 'must be an https URL';
  if (url.username !== '' || url.password !== '') return 'must not carry credentials';
  return privateHost(url.hostname) ? 'must not point at a loopback or private address' : null;
}

/**
 * Delivery settings and the delivery log in memory, as the server keeps them: the SMTP password
 * is write-only (kept when left out, never returned) and every change is audited without it. The
 * memory backend sends nothing: a test message is logged as delivered when its channel is set up.
 */
export class MemoryDelivery {
  private settings: DeliverySettings = {
    smtpHost: null,
    smtpPort: 587,
    smtpSecurity: 'starttls',
    smtpUser: null,
    fromAddress: null,
    replyTo: null,
    teamsUrl: null,
    slackUrl: null,
    smtpPasswordSet: false,
    routes: { digest: ['email'], nudge: ['email'], invitation: ['email'] },
    updatedAt: null,
  };
  private password: string | null = null;
  private readonly messages: DeliveryMessage[] = [];
  private counter = 0;

  get(): DeliverySettings {
    return structuredClone(this.settings);
  }

  update(input: DeliverySettingsInput, at: string, audit: Audit): DeliverySettings {
    const e = new FieldErrors();
    const known = new Set([
      'smtpHost',
      'smtpPort',
      'smtpSecurity',
      'smtpUser',
      'smtpPassword',
      'fromAddress',
      'replyTo',
      'teamsUrl',
      'slackUrl',
      'routes',
    ]);
    for (const field of Object.keys(input)) e.check(known.has(field), field, 'is not a setting', 'unknown_field');
    e.check(Object.keys(input).length > 0, 'body', 'name at least one setting', 'required');
    if (input.smtpPort !== undefined)
      e.check(
        Number.isInteger(input.smtpPort) && input.smtpPort >= 1 && input.smtpPort <= 65535,
        'smtpPort',
        'must be a port from 1 to 65535',
        'out_of_range',
      );
    if (input.smtpSecurity !== undefined)
      e.check(['tls', 'starttls', 'none'].includes(input.smtpSecurity), 'smtpSecurity', 'must be tls, starttls or none', 'invalid_enum');
    if (input.smtpHost !== undefined && input.smtpHost !== null)
      e.check(/^[A-Za-z0-9.:[\]-]{1,253}$/.test(input.smtpHost), 'smtpHost', 'must be a host name or address', 'pattern');
    for (const field of ['fromAddress', 'replyTo'] as const) {
      const value = input[field];
      if (value !== undefined && value !== null) e.check(ADDRESS.test(value), field, 'must be an email address', 'pattern');
    }
    for (const field of ['teamsUrl', 'slackUrl'] as const) {
      const value = input[field];
      const problem = value === undefined || value === null ? null : urlProblem(value);
      if (problem !== null) e.add(field, problem, 'invalid_target');
    }
    for (const [kind, channels] of Object.entries(input.routes ?? {}))
      e.check(
        ['digest', 'nudge', 'invitation'].includes(kind) && Array.isArray(channels) && channels.every((c) => CHANNELS.includes(c)),
        `routes.${kind}`,
        'must list email, teams or slack',
        'invalid_enum',
      );
    e.throwIfAny();
    const before = this.get();
    const { smtpPassword, routes, ...rest } = input;
    if (smtpPassword !== undefined) this.password = smtpPassword;
    this.settings = {
      ...this.settings,
      ...rest,
      routes: { ...this.settings.routes, ...routes },
      smtpPasswordSet: this.password !== null,
      updatedAt: at,
    };
    audit('settings.update', { kind: 'delivery', id: 'delivery' }, before, this.get());
    return this.get();
  }

  test(input: DeliveryTestInput, adminEmail: string | null, at: string, audit: Audit): DeliveryMessage {
    const s = this.settings;
    const ready =
      input.channel === 'email'
        ? s.smtpHost !== null && s.fromAddress !== null
        : (input.channel === 'teams' ? s.teamsUrl : s.slackUrl) !== null;
    if (!ready) throw new AdvocacyError('conflict', `The ${input.channel} channel is not configured.`, { status: 409 });
    const recipient = input.channel === 'email' ? (input.to ?? adminEmail) : null;
    if (input.channel === 'email' && recipient === null)
      new FieldErrors().add('to', 'an email address is required', 'required').throwIfAny();
    const message: DeliveryMessage = {
      id: `dlv_${String(++this.counter).padStart(8, '0')}`,
      kind: 'test',
      channel: input.channel,
      employeeId: null,
      recipient,
      subject: 'Advocacy Kit test message',
      status: 'delivered',
      attempts: 1,
      nextAttemptAt: null,
      error: null,
      createdAt: at,
      updatedAt: at,
      deliveredAt: at,
    };
    this.messages.push(message);
    audit('delivery.test', { kind: 'delivery_message', id: message.id }, null, { channel: input.channel, recipient });
    return structuredClone(message);
  }

  list(query: PageQuery = {}): Page<DeliveryMessage> {
    return paginate(
      this.messages.map((m) => structuredClone(m)),
      (m) => [m.createdAt, m.id],
      query.cursor,
      pageLimit(query.limit),
    );
  }
}

const perDatabase = new WeakMap<object, MemoryDelivery>();

/** The delivery state of one memory database. */
export function deliveryOf(db: object): MemoryDelivery {
  let delivery = perDatabase.get(db);
  if (delivery === undefined) {
    delivery = new MemoryDelivery();
    perDatabase.set(db, delivery);
  }
  return delivery;
}

import { atom } from 'nanostores';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { DeliveryMessage, DeliverySettings, DeliverySettingsInput, DeliveryTestInput } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import { facade, lazy, toAdvocacyError, type FacadeStore } from '../internal/store.js';

/** The delivery settings screen: SMTP, Teams, Slack and routes, the recent log, the last test, what is in flight. */
export interface DeliverySettingsState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  settings: DeliverySettings | null;
  /** The newest messages of the delivery log (one page). */
  messages: DeliveryMessage[];
  /** Loading failed, or this backend has no delivery settings (`not_found`). */
  error: AdvocacyError | null;
  /** `save` or `test` while one runs. */
  busy: 'save' | 'test' | null;
  /** The test message just sent, with its outcome (delivered, or pending with the error of its first attempt). */
  lastTest: DeliveryMessage | null;
  /** Why the last save or test failed (field errors on `fieldErrors`). */
  actionError: AdvocacyError | null;
}

export interface DeliverySettingsController {
  readonly store: FacadeStore<DeliverySettingsState>;
  refresh(): Promise<void>;
  /** Saves a change; leave `smtpPassword` out to keep the stored password. */
  save(input: DeliverySettingsInput): Promise<DeliverySettings>;
  /** Sends a test message on one channel now and reloads the log. */
  sendTest(input: DeliveryTestInput): Promise<DeliveryMessage>;
}

const unsupported = () => new AdvocacyError('not_found', 'This backend has no delivery settings.');

/**
 * Delivery settings as a lazy store (loads on its first subscriber): where digests, reminders and
 * invitations go (email over SMTP, Teams, Slack), the SMTP password only as "set or not", the
 * recent delivery log with attempts and errors, save and send-a-test. A backend without the
 * optional delivery methods shows as an error with code `not_found`.
 */
export function createDeliverySettings(options: { backend: AdvocacyBackend; logSize?: number }): DeliverySettingsController {
  const { admin } = options.backend;
  const $state = atom<DeliverySettingsState>({
    status: 'idle',
    settings: null,
    messages: [],
    error: null,
    busy: null,
    lastTest: null,
    actionError: null,
  });
  const state = () => $state.value!;
  const set = (patch: Partial<DeliverySettingsState>) => $state.set({ ...state(), ...patch });
  let seq = 0;

  const refresh = async () => {
    const mine = ++seq;
    if (admin.getDeliverySettings === undefined) return set({ status: 'error', error: unsupported() });
    set({ status: 'loading', error: null });
    try {
      const [settings, page] = await Promise.all([
        admin.getDeliverySettings(),
        admin.listDeliveryMessages ? admin.listDeliveryMessages({ limit: options.logSize ?? 20 }) : Promise.resolve({ items: [] }),
      ]);
      if (mine === seq) set({ status: 'ready', settings, messages: page.items });
    } catch (error) {
      if (mine === seq) set({ status: 'error', error: toAdvocacyError(error) });
    }
  };
  lazy($state, () => void refresh());

  const act = async <T>(busy: 'save' | 'test', work: () => Promise<T>): Promise<T> => {
    if (state().busy !== null) throw new AdvocacyError('conflict', 'Another delivery change is in flight');
    set({ busy, actionError: null });
    try {
      const result = await work();
      set({ busy: null });
      return result;
    } catch (error) {
      const failure = toAdvocacyError(error);
      set({ busy: null, actionError: failure });
      throw failure;
    }
  };

  return {
    store: facade($state),
    refresh,
    save: (input) =>
      act('save', async () => {
        if (admin.updateDeliverySettings === undefined) throw unsupported();
        const settings = await admin.updateDeliverySettings(input);
        set({ settings });
        return settings;
      }),
    sendTest: (input) =>
      act('test', async () => {
        if (admin.testDelivery === undefined) throw unsupported();
        const message = await admin.testDelivery(input);
        const page = admin.listDeliveryMessages ? await admin.listDeliveryMessages({ limit: options.logSize ?? 20 }) : { items: [message] };
        set({ lastTest: message, messages: page.items });
        return message;
      }),
  };
}

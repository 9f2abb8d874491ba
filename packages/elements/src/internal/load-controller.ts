import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AdvocacyClient, AsyncState } from '@advocacy-kit/core';
import { asAdvocacyError } from './errors.js';

type Host = ReactiveControllerHost & { client: AdvocacyClient | undefined };

/**
 * One admin read (posts, suggestions, analytics) in the `AsyncState` shape core's stores use.
 * It loads when the host gets a client and again on `run()`; an answer that arrives after a
 * newer request started is dropped, so quick filter changes never show stale rows.
 */
export class LoadController<T> implements ReactiveController {
  state: AsyncState<T> = { status: 'idle', data: undefined, error: null };
  private client: AdvocacyClient | undefined;
  private sequence = 0;

  constructor(
    private readonly host: Host,
    private readonly load: (client: AdvocacyClient) => Promise<T>,
    private readonly onError?: (state: AsyncState<T>) => void,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.host.client === this.client) return;
    this.client = this.host.client;
    this.state = { status: 'idle', data: undefined, error: null };
    void this.run();
  }

  /** Loads again (a filter changed, Retry, after a write); keeps the shown data meanwhile. */
  async run(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const ticket = ++this.sequence;
    this.state = { status: 'loading', data: this.state.data, error: null };
    this.host.requestUpdate();
    try {
      const data = await this.load(client);
      if (ticket === this.sequence) this.state = { status: 'ready', data, error: null };
    } catch (cause) {
      if (ticket === this.sequence) {
        this.state = { status: 'error', data: this.state.data, error: asAdvocacyError(cause) };
        this.onError?.(this.state);
      }
    }
    if (ticket === this.sequence) this.host.requestUpdate();
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AdvocacyStore } from '@advocacy-kit/core';

/**
 * Subscribes its host to one of core's stores while the host is connected. `select` is asked
 * before each update, so when the client (and with it the store) changes, the controller moves
 * its subscription to the new store. Subscribing is what makes core's lazy stores load.
 */
export class StoreController<T> implements ReactiveController {
  value: T | undefined = undefined;
  private store: AdvocacyStore<T> | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly select: () => AdvocacyStore<T> | undefined,
    private readonly onChange?: (value: T, previous: T | undefined) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.store = undefined;
  }

  private sync(): void {
    const next = this.connected ? this.select() : undefined;
    if (next === this.store) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.store = next;
    this.value = undefined;
    if (next === undefined) return;
    this.unsubscribe = next.subscribe((value) => {
      const previous = this.value;
      this.value = value;
      this.onChange?.(value, previous);
      this.host.requestUpdate();
    });
  }
}

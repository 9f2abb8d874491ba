/**
 * The one time-zone rule of the admin screens: times are shown and typed in the signed-in
 * admin's own time zone — their profile's, else the browser's — and every screen says which.
 */

import type { ReactiveControllerHost } from 'lit';
import type { AdvocacyClient, AsyncState, Employee } from '@advocacy-kit/core';
import { StoreController } from './store-controller.js';

const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The admin's time zone for a component (its `client`'s signed-in employee), and times formatted in it. */
export class AdminTime {
  private readonly me: StoreController<AsyncState<Employee>>;

  constructor(host: ReactiveControllerHost & { client?: AdvocacyClient | undefined }) {
    this.me = new StoreController<AsyncState<Employee>>(host, () => host.client?.me.store);
  }

  /** The IANA zone times are shown and typed in. */
  get zone(): string {
    return this.me.value?.data?.timeZone || browserZone();
  }

  /** `iso` as a medium date and short time in the admin's zone; `named` adds the zone's short name (for a lone time). */
  format(iso: string, lang: string, named = false): string {
    // dateStyle/timeStyle can't be combined with timeZoneName, hence the fields spelled out for a named zone.
    const options: Intl.DateTimeFormatOptions = named
      ? { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }
      : { dateStyle: 'medium', timeStyle: 'short' };
    return new Intl.DateTimeFormat(lang, { ...options, timeZone: this.zone }).format(new Date(iso));
  }
}

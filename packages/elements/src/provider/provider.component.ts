import { LitElement, css, html, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { createAdvocacyClient, httpBackend, type AdvocacyBackend, type AdvocacyClient } from '@advocacy-kit/core';
import { clientContext } from '../internal/context.js';

/**
 * @tag advocacy-provider
 * @summary Gives the components inside it an Advocacy Kit client: one it builds from its
 * attributes, or one you pass in.
 *
 * @slot - The components (and any markup) that use this client.
 *
 * Attributes build a client when no `client` property is set: `base-url` talks to an HTTP
 * backend (with the `getToken` callback for SSO hosts), `demo` runs on the in-memory demo
 * company. Each provider has its own client, so several providers on one page don't share
 * state or storage.
 */
export class AdvocacyProviderElement extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    baseUrl: { attribute: 'base-url' },
    locale: {},
    demo: { type: Boolean },
    storageKey: { attribute: 'storage-key' },
    employeeId: { attribute: 'employee-id' },
    client: { attribute: false },
    getToken: { attribute: false },
  };

  /** Base URL of the HTTP API, e.g. `https://advocacy.example.com/api/v1`. */
  declare baseUrl: string | undefined;
  /** Locale for suggested commentary and formatting; default the employee's. */
  declare locale: string | undefined;
  /** Runs on the in-memory demo company (for docs, stories and trying things out). */
  declare demo: boolean;
  /** Namespace for this client's local storage (event queue, last visit); default from base-url. */
  declare storageKey: string | undefined;
  /**
   * The signed-in employee's id, when the host page knows it from its own session: events are
   * then kept under that employee from the first one, even while the backend is away.
   */
  declare employeeId: string | undefined;
  /** A client you created yourself; it wins over the attributes and is never destroyed here. */
  declare client: AdvocacyClient | undefined;
  /** Returns the bearer token for each request (SSO hosts); used with `base-url`. */
  declare getToken: (() => string | null | undefined | Promise<string | null | undefined>) | undefined;

  private readonly provider = new ContextProvider(this, { context: clientContext });
  private owned: AdvocacyClient | undefined;
  /** Bumped whenever the owned client is dropped, so a demo still loading is not installed. */
  private generation = 0;

  constructor() {
    super();
    this.baseUrl = undefined;
    this.locale = undefined;
    this.demo = false;
    this.storageKey = undefined;
    this.employeeId = undefined;
    this.client = undefined;
    this.getToken = undefined;
  }

  /** The client the components below use right now. */
  get activeClient(): AdvocacyClient | undefined {
    return this.client ?? this.owned;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.publish();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.releaseOwned();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const rebuild =
      changed.has('baseUrl') || changed.has('demo') || changed.has('getToken') || changed.has('storageKey') || changed.has('employeeId');
    if (rebuild && this.owned) this.releaseOwned();
    if (changed.has('locale') && this.locale) this.activeClient?.setLocale(this.locale);
    this.publish();
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  private publish(): void {
    if (!this.isConnected) return;
    if (!this.client && !this.owned) this.owned = this.build();
    const active = this.activeClient;
    if (this.provider.value !== active) this.provider.setValue(active);
  }

  private build(): AdvocacyClient | undefined {
    if (this.demo) {
      void this.buildDemo();
      return undefined;
    }
    if (!this.baseUrl) return undefined;
    return this.clientFor(this.httpBackend(this.baseUrl), `advocacy-kit:${this.baseUrl}`);
  }

  /**
   * The demo company lives in its own module (and, in the self-contained script, its own
   * chunk next to it), so production pages never download the demo data.
   */
  private async buildDemo(): Promise<void> {
    const generation = ++this.generation;
    const { memoryBackend } = await import('@advocacy-kit/core/memory');
    if (generation !== this.generation || !this.demo || this.client || this.owned || !this.isConnected) return;
    this.owned = this.clientFor(memoryBackend(), 'advocacy-kit:demo');
    this.publish();
  }

  private clientFor(backend: AdvocacyBackend, defaultKey: string): AdvocacyClient {
    return createAdvocacyClient({
      backend,
      ...(this.locale ? { locale: this.locale } : {}),
      storageKey: this.storageKey ?? defaultKey,
      ...(this.employeeId ? { employeeId: this.employeeId } : {}),
    });
  }

  private httpBackend(baseUrl: string): AdvocacyBackend {
    // Without a token callback the host's own session (cookies) authenticates the requests.
    return httpBackend({ baseUrl, getToken: this.getToken ?? (() => null) });
  }

  private releaseOwned(): void {
    this.generation++;
    const owned = this.owned;
    this.owned = undefined;
    if (owned) void owned.destroy();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-provider': AdvocacyProviderElement;
  }
}

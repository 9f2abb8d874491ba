import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { AdvocacyClient, AdvocacyError } from '@advocacy-kit/core';
import { clientContext } from './context.js';
import { resolveLang } from './lang.js';
import * as commonStrings from '../i18n/common.strings.js';
import { pick, type CommonStrings, type Locales } from '../i18n/index.js';

/**
 * What every Advocacy Kit component shares: the client (from the nearest provider, or set
 * directly), the `theme` attribute, and the language and strings resolved before each render.
 * Each component passes its own strings (its `*.strings.ts`, both languages) and reads them
 * as `this.t`, the shared words as `this.common`, so a bundle carries only the strings of the
 * components in it and a key means one thing in one component.
 */
export class AdvocacyElement<S extends object = object> extends LitElement {
  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    theme: { reflect: true },
  };

  /** The client to read from. Set by the nearest `<advocacy-provider>`; may be set directly. */
  declare client: AdvocacyClient | undefined;
  /** `light` or `dark` forces a color scheme; without it the component follows the OS. */
  declare theme: 'light' | 'dark' | undefined;

  /** The resolved BCP 47 language, refreshed before each render and when a `lang` changes. */
  protected lang_ = 'en';
  /** This component's own words (its `*.strings.ts`), in the resolved language. */
  protected t: S;
  /** The words every component shares (retry, close, loading, errors, periods). */
  protected common: CommonStrings = commonStrings.en;
  private readonly strings: Locales<S>;

  constructor(strings: Locales<S>) {
    super();
    this.strings = strings;
    this.t = strings.en;
    this.client = undefined;
    this.theme = undefined;
    const consumer = new ContextConsumer(this, {
      context: clientContext,
      subscribe: true,
      callback: (client) => {
        this.client = client;
      },
    });
    // A provider defined or connected after this element: ask again when one appears.
    const askAgain = () => consumer.value === undefined && consumer.hostConnected();
    // Speak the new language as soon as the page switches a lang attribute.
    const langWatch = new MutationObserver(() => this.requestUpdate());
    this.addController({
      hostConnected: () => {
        document.addEventListener('context-provider', askAgain);
        langWatch.observe(document.documentElement, { attributeFilter: ['lang'], subtree: true });
      },
      hostDisconnected: () => {
        document.removeEventListener('context-provider', askAgain);
        langWatch.disconnect();
      },
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.lang_ = resolveLang(this);
    this.t = pick(this.strings, this.lang_);
    this.common = pick(commonStrings, this.lang_);
  }

  /** The employee-facing message for an error. */
  protected errorMessage(error: AdvocacyError | null | undefined): string {
    const { errors } = this.common;
    return (error && errors[error.code]) ?? errors.unknown;
  }
}

import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import type { AdvocacyClient, AdvocacyError } from '@advocacy-kit/core';
import { clientContext } from './context.js';
import { resolveLang } from './lang.js';
import { pick, type CommonStrings, type Locales } from '../i18n/index.js';

/**
 * A component's strings: `{ common, <its namespace> }`. The program-admin components still pass
 * one flat table (`common` spread with their own) until they are namespaced too.
 */
type ComponentStrings = { common: CommonStrings } | CommonStrings;

/**
 * What every Advocacy Kit component shares: the client (from the nearest provider, or set
 * directly), the `theme` attribute, and the language and strings resolved before each render.
 * Each component passes its own strings (the `common` namespace and its own, from each
 * locale's table), so a bundle carries only the strings of the components in it.
 */
export class AdvocacyElement<S extends ComponentStrings = ComponentStrings> extends LitElement {
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
  protected t: S;
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
  }

  /** The employee-facing message for an error. */
  protected errorMessage(error: AdvocacyError | null | undefined): string {
    const t: ComponentStrings = this.t;
    const { errors } = 'common' in t ? t.common : t;
    return (error && errors[error.code]) ?? errors.unknown;
  }
}

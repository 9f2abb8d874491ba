import { html, nothing, type PropertyValues } from 'lit';
import {
  problemSlug,
  type AdvocacyError,
  type AsyncState,
  type Compliance,
  type Employee,
  type NetworkId,
  type Post,
  type ShareResult,
} from '@advocacy-kit/core';
import { blockedTermsIn, disclosureFor, withDisclosure } from '@advocacy-kit/core/rules';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import * as shareDialogStrings from './share-dialog.strings.js';
import { StoreController } from '../internal/store-controller.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import { formatNumber } from '../internal/format.js';
import { composeShareText, openShareWindow, suggestedCommentaryFor } from '@advocacy-kit/core/share';
import { availableNetworks, countedParts, type NetworkChoice } from './networks.js';
import { styles } from './share-dialog.styles.js';
import { linkable } from '../internal/url.js';

type Phase =
  | { kind: 'compose' }
  | { kind: 'sharing' }
  | { kind: 'shared'; result: ShareResult; popupBlocked: boolean }
  | { kind: 'error'; error: AdvocacyError };

/**
 * @tag advocacy-share-dialog
 * @summary A modal dialog to share one post: the social-media policy to accept (each new version), network
 * choice, the suggested commentary to make personal, a character counter, a link preview and
 * one-click sharing. Blocked terms are found as the employee types (Share is disabled while one is
 * there, with the reason shown), and the disclosure and hashtags the backend adds are shown and counted.
 *
 * Open it with `show(post, invoker)`; focus returns to `invoker` when it closes. The network's
 * window is opened inside the click on Share (so popup blockers allow it) and pointed at the
 * network's intent once core has recorded the share and its tracking link.
 *
 * @slot policy - Your company's social-media policy, shown before the first share when the backend has
 * none published (a short default text otherwise). A published policy is shown as text from the backend.
 *
 * @event advocacy-share - A share was recorded. `detail: { postId, network, share }`.
 * @event advocacy-share-error - A share failed. `detail: { postId, network, error }`.
 * @event advocacy-policy-accepted - The employee accepted the policy. `detail: { employee }`.
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart header - Title row with the close button.
 * @csspart close-button - The close button.
 * @csspart policy - The policy step.
 * @csspart accept-button - The button that accepts the policy.
 * @csspart networks - The network choice group.
 * @csspart commentary - The commentary text area.
 * @csspart counter - The character counter.
 * @csspart preview - The link preview card.
 * @csspart share-button - The button that shares.
 * @csspart disclosure - What the backend adds to the words when shared (the disclosure and hashtags).
 * @csspart blocked - The blocked terms found in the words, with their reasons.
 * @csspart status - Success and error panels.
 * @csspart copy-fallback - The read-only text to copy by hand when the clipboard is refused.
 *
 * @cssproperty --advocacy-color-accent - Buttons and the selected network.
 * @cssproperty --advocacy-color-surface - Dialog background.
 * @cssproperty --advocacy-color-text - Main text.
 * @cssproperty --advocacy-color-text-muted - Hints and the counter.
 * @cssproperty --advocacy-color-border - Borders.
 * @cssproperty --advocacy-color-danger - Errors and an exceeded counter.
 * @cssproperty --advocacy-color-success - The success state.
 * @cssproperty --advocacy-radius - Dialog corner radius.
 * @cssproperty --advocacy-font-family - Font stack.
 */
export class AdvocacyShareDialogElement extends AdvocacyElement<(typeof shareDialogStrings)['en']> {
  static override styles = styles;

  static override properties = {
    post: { attribute: false },
    network: { state: true, attribute: false },
    commentary: { state: true, attribute: false },
    phase: { state: true, attribute: false },
    accepting: { state: true, attribute: false },
    policyError: { state: true, attribute: false },
  };

  /** The post being shared. `show()` sets it. */
  declare post: Post | undefined;
  declare private network: NetworkId | undefined;
  declare private commentary: string;
  declare private phase: Phase;
  declare private accepting: boolean;
  declare private policyError: AdvocacyError | null;

  private readonly me = new StoreController<AsyncState<Employee>>(this, () => this.client?.me.store);
  private readonly locale = new StoreController<string>(this, () => this.client?.locale);
  /** The policy, blocked terms and disclosures, loaded once (`getCompliance`). */
  private readonly compliance = new StoreController<AsyncState<Compliance | null>>(this, () => this.client?.compliance.store);
  private edited = false;
  private returnFocus: HTMLElement | undefined;
  /** Bumped by each `show()`, so a share that ends after the dialog moved on doesn't redraw it. */
  private session = 0;
  private brokenImage: string | null = null;
  /**
   * A phone or a narrow window: the commentary is not focused on opening (the on-screen keyboard
   * would cover the dialog); the heading is, so keyboards and screen readers still start inside.
   */
  private compact = false;

  constructor() {
    super(shareDialogStrings);
    this.post = undefined;
    this.network = undefined;
    this.commentary = '';
    this.phase = { kind: 'compose' };
    this.accepting = false;
    this.policyError = null;
  }

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the dialog for `post`; focus goes back to `returnFocus` when it closes. */
  async show(post: Post, returnFocus?: HTMLElement): Promise<void> {
    this.post = post;
    this.returnFocus = returnFocus;
    this.session++;
    this.phase = { kind: 'compose' };
    this.network = undefined;
    this.edited = false;
    this.commentary = '';
    this.compact = matchMedia(COMPACT).matches;
    await this.updateComplete;
    if (this.dialog?.open) return;
    this.dialog?.showModal();
    if (this.compact) this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  }

  /** Closes the dialog. */
  close(): void {
    this.dialog?.close();
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  private get choices(): NetworkChoice[] {
    return this.post ? availableNetworks(this.post, this.t, this.lang_) : [];
  }

  private get choice(): NetworkChoice | undefined {
    const choices = this.choices;
    return choices.find((choice) => choice.id === this.network) ?? choices[0];
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const choice = this.choice;
    if (this.post && choice && !this.edited) {
      this.commentary = suggestedCommentaryFor(this.post, this.commentaryLocale(), choice.id);
    }
  }

  protected override render() {
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.onClose} @keydown=${this.onKeydown}>
      <div class="header" part="header">
        <h2 id="title" tabindex="-1">${this.t.title}</h2>
        <button class="icon" part="close-button" aria-label=${this.common.close} @click=${() => this.close()}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
        </button>
      </div>
      ${this.post ? this.renderStep(this.post) : nothing}
    </dialog>`;
  }

  private renderStep(post: Post) {
    const me = this.me.value;
    if (!me || me.status === 'idle' || me.status === 'loading') {
      return html`<p class="loading" role="status">${this.common.loading}</p>`;
    }
    if (me.status === 'error' || !me.data) {
      return html`<div class="status error" part="status" role="alert">
        <p>${this.errorMessage(me.error)}</p>
        <button class="primary" @click=${() => this.client?.me.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    const policy = this.compliance.value?.data?.policy;
    if (policy ? me.data.policyVersionAccepted !== policy.version : me.data.policyAcceptedAt === null) {
      // In the employee's locale (as for the suggested words), its language, then English.
      const texts = policy?.texts;
      const locale = this.commentaryLocale();
      // Someone who accepted an earlier version has shared before: the policy changed.
      const updated = Boolean(policy) && me.data.policyVersionAccepted != null;
      return this.renderPolicy(texts && (texts[locale] ?? texts[locale.split('-')[0]!] ?? texts.en), updated);
    }
    switch (this.phase.kind) {
      case 'shared':
        return this.renderShared(this.phase.result, this.phase.popupBlocked);
      case 'error':
        return this.renderError(this.phase.error);
      default:
        return this.renderCompose(post);
    }
  }

  /** `text` is the backend's policy (plain text, paragraphs between blank lines), else the slot. */
  private renderPolicy(text?: string, updated = false) {
    return html`<div class="policy" part="policy">
      <h3>${updated ? this.t.policyUpdatedTitle : this.t.policyTitle}</h3>
      <div class="policy-text">
        ${text ? text.split(/\n\s*\n/).map((paragraph) => html`<p>${paragraph}</p>`) : html`<slot name="policy"><p>${this.t.policyBody}</p></slot>`}
      </div>
      ${this.policyError ? html`<p class="field-error" role="alert">${this.errorMessage(this.policyError)}</p>` : nothing}
      <button class="primary" part="accept-button" ?disabled=${this.accepting} @click=${this.acceptPolicy}>
        ${this.accepting ? this.common.loading : this.t.policyAccept}
      </button>
    </div>`;
  }

  // A modal <dialog> gives focus to its autofocus element when it opens (the HTML standard's
  // dialog focusing steps): the commentary, where the employee starts (not on a phone: `show()`).
  // The body scrolls between the header and the footer, so Share and Cancel stay in view.
  private renderCompose(post: Post) {
    const choice = this.choice;
    if (!choice) return nothing;
    const rules = this.compliance.value?.data;
    const blocked = blockedTermsIn(this.commentary, rules?.blockedTerms ?? []);
    // What the backend will store: the words, then the disclosure and hashtags they lack.
    const words = this.commentary;
    // The disclosure of the employee's own locale, as the backend picks it.
    const locale = this.me.value?.data?.locale ?? this.lang_;
    const shared = withDisclosure(words, disclosureFor(rules?.disclosures ?? {}, locale), post.hashtags);
    const added = shared.slice(words.trim() ? words.trimEnd().length : 0).trim();
    const counted = countedParts(choice.id, words, shared);
    const over = choice.limit === null ? 0 : counted.used - choice.limit;
    const sharing = this.phase.kind === 'sharing';
    return html`<form class="compose" @submit=${this.onSubmit} novalidate>
      <div class="body">
      <fieldset class="chips" part="networks">
        <legend>${this.t.networkLabel}</legend>
        ${this.choices.map(
          (option) => html`<label class="chip">
            <input
              type="radio"
              name="network"
              .checked=${option.id === choice.id}
              @change=${() => (this.network = option.id)}
            />${option.label}
          </label>`,
        )}
      </fieldset>
      <div class="field">
        <label for="commentary">${this.t.commentaryLabel}</label>
        <p id="nudge" class="hint">${this.t.nudge}</p>
        <textarea
          id="commentary"
          part="commentary"
          rows="5"
          ?autofocus=${!this.compact}
          aria-describedby=${`nudge${added ? ' added' : ''}${choice.limit === null ? '' : ' counter'}${blocked.length ? ' blocked' : ''}`}
          aria-invalid=${over > 0 || blocked.length ? 'true' : 'false'}
          .value=${this.commentary}
          @input=${this.onInput}
        ></textarea>
        ${added ? html`<p id="added" class="hint" part="disclosure">${this.t.added} ${added}</p>` : nothing}
        ${
          blocked.length
            ? html`<p id="blocked" class="field-error" part="blocked" role="alert">
              ${this.t.blocked} ${blocked.map(({ term, reason }) => `“${term}”: ${reason}`).join(' ')}
            </p>`
            : nothing
        }
        <p id="counter" class="counter ${over > 0 ? 'over' : ''}" part="counter" aria-live="polite">
          ${choice.limit === null ? '' : over > 0 ? this.t.overLimit(over) : this.t.counter(counted, choice.limit)}
        </p>
      </div>
      ${choice.urlOnly ? html`<p class="notice" role="note">${this.t.urlOnlyBefore(choice.label)}</p>` : nothing}
      ${this.renderPreview(post)}
      </div>
      <div class="footer">
      <button type="button" @click=${() => this.close()}>${this.t.cancel}</button>
      <button class="primary share" part="share-button" type="submit" ?disabled=${sharing || over > 0 || blocked.length > 0} aria-busy=${sharing ? 'true' : 'false'}>
        ${sharing ? this.t.sharing : this.t.shareOn(choice.label)}
      </button>
      </div>
    </form>`;
  }

  private renderPreview(post: Post) {
    return html`<figure class="preview" part="preview" aria-label=${this.t.previewLabel}>
      ${
        linkable(post.imageUrl) && this.brokenImage !== post.imageUrl
          ? html`<img src=${post.imageUrl} alt="" width="600" height="314" @error=${() => this.imageFailed(post.imageUrl)} />`
          : nothing
      }
      <figcaption>
        <span class="domain">${hostname(post.url)}</span>
        <strong>${post.title}</strong>
      </figcaption>
    </figure>`;
  }

  private renderShared(result: ShareResult, popupBlocked: boolean) {
    const choice = this.choices.find((option) => option.id === result.share.network);
    const points = result.share.pointsAwarded;
    return html`<div class="status success" part="status" role="status">
      <h3>${this.t.sharedTitle}</h3>
      <p class="points">${points > 0 ? this.t.pointsEarned(formatNumber(points, this.lang_)) : this.t.noNewPoints}</p>
      ${
        result.copiedText !== null
          ? html`<p class="notice">${choice?.urlOnly ? this.t.urlOnlyAfter(choice.label) : this.t.copiedAfter}</p>`
          : choice?.urlOnly || result.share.network === 'copy'
            ? html`<p class="notice" id="copy-hint">${this.t.copyByHand}</p>
              <textarea part="copy-fallback" readonly aria-labelledby="copy-hint"
                .value=${composeShareText(result.share.commentary, result.share.trackingUrl)}></textarea>`
            : nothing
      }
      ${
        popupBlocked && result.intentUrl
          ? html`<a class="button primary" href=${result.intentUrl} target="_blank" rel="noopener noreferrer"
            >${this.t.continueOn(choice?.label ?? result.share.network)}</a
          >`
          : nothing
      }
      <button class=${popupBlocked ? '' : 'primary'} id="done" @click=${() => this.close()}>${this.t.done}</button>
    </div>`;
  }

  private renderError(error: AdvocacyError) {
    return html`<div class="status error" part="status" role="alert">
      <h3>${this.t.errorTitle}</h3>
      <p>${this.errorMessage(error)}</p>
      <button class="primary" id="retry" @click=${this.share}>${this.common.retry}</button>
    </div>`;
  }

  private imageFailed(url: string | null): void {
    this.brokenImage = url;
    this.requestUpdate();
  }

  private commentaryLocale(): string {
    return this.locale.value ?? this.me.value?.data?.locale ?? this.lang_;
  }

  private readonly onInput = (event: Event): void => {
    this.commentary = (event.target as HTMLTextAreaElement).value;
    this.edited = true;
  };

  private readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    this.share();
  };

  /** Runs in the click: the network's window must open before anything is awaited. */
  private readonly share = (): void => {
    const post = this.post;
    const choice = this.choice;
    const client = this.client;
    if (!post || !choice || !client || this.phase.kind === 'sharing') return;
    const target = choice.opensWindow ? openShareWindow() : null;
    // A blocked popup: the share is still recorded, and the success step links to the intent.
    const popupBlocked = choice.opensWindow && target === null;
    const network = choice.id;
    const session = this.session;
    this.phase = { kind: 'sharing' };
    client.shares.share({ post, network, commentary: this.commentary, target }).then(
      (result) => {
        emit(this, 'advocacy-share', { postId: post.id, network, share: result.share });
        if (session !== this.session) return;
        this.phase = { kind: 'shared', result, popupBlocked };
        void this.focusAfterRender(popupBlocked ? '.status a' : '#done');
      },
      (cause: unknown) => {
        const error = asAdvocacyError(cause);
        emit(this, 'advocacy-share-error', { postId: post.id, network, error });
        if (session !== this.session) return;
        // A new policy version or a newly blocked term: reload the rules and show them.
        if (/^(policy_required|blocked_terms)$/.test(problemSlug(error) ?? '')) {
          void client.compliance.refresh();
          this.phase = { kind: 'compose' };
          return;
        }
        this.phase = { kind: 'error', error };
        void this.focusAfterRender('#retry');
      },
    );
  };

  private readonly acceptPolicy = async (): Promise<void> => {
    const client = this.client;
    if (!client) return;
    this.accepting = true;
    this.policyError = null;
    try {
      const employee = await client.acceptPolicy(this.compliance.value?.data?.policy?.version);
      emit(this, 'advocacy-policy-accepted', { employee });
    } catch (cause) {
      this.policyError = asAdvocacyError(cause);
    } finally {
      this.accepting = false;
    }
    await this.focusAfterRender('textarea, [part="accept-button"]');
  };

  private async focusAfterRender(selector: string): Promise<void> {
    if (this.compact) selector = selector.replace('textarea', '#title');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Keeps Tab inside the dialog, wrapping from the last control to the first and back. */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab') return;
    const focusable = this.focusableControls();
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = this.shadowRoot?.activeElement;
    // The heading (focused on opening on a phone) comes before the first control.
    if (event.shiftKey && (active === first || active?.id === 'title')) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  private focusableControls(): HTMLElement[] {
    const dialog = this.dialog;
    if (!dialog) return [];
    const controls = [...dialog.querySelectorAll<HTMLElement>('button, textarea, input, a[href], [tabindex]:not([tabindex="-1"])')].filter(
      (element) => !element.hasAttribute('disabled') && element.getClientRects().length > 0,
    );
    // Only the checked radio of a group takes part in Tab order.
    return controls.filter((element) => !(element instanceof HTMLInputElement && element.type === 'radio' && !element.checked));
  }

  private readonly onClose = (): void => {
    if (this.phase.kind !== 'sharing') this.phase = { kind: 'compose' };
    const invoker = this.returnFocus;
    this.returnFocus = undefined;
    invoker?.focus();
  };
}

/** Where the commentary is not focused on opening: a touch screen, or a window too narrow for the dialog. */
const COMPACT = '(pointer: coarse), (max-width: 600px)';

function hostname(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-share-dialog': AdvocacyShareDialogElement;
  }
}

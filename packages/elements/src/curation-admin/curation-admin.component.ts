import { html, nothing } from 'lit';
import type { CuratedSource, CurationItem } from '@advocacy-kit/core';
import { createCurationAdmin, installHttpAdmin, type CurationAdminState } from '@advocacy-kit/core/admin';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { emit } from '../internal/events.js';
import { relativeTime } from '../internal/format.js';
import { perClient } from '../internal/per-client.js';
import { StoreController } from '../internal/store-controller.js';
import { linkable } from '../internal/url.js';
import * as curationStrings from './curation-admin.strings.js';
import { styles } from './curation-admin.styles.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

/** One curation store per client, shared by every component that shows it. */
const curationOf = perClient((client) => createCurationAdmin({ backend: client.backend }));

/**
 * @tag advocacy-curation-admin
 * @summary The program admin's curated sources (RSS, Atom and JSON feeds) with their last fetch
 * and last error, a form to add one, and the queue of their new items: Publish makes an item a
 * `curated` post prefilled from its Open Graph preview, Dismiss takes it off the queue. Feed text
 * is shown as text, never as HTML.
 *
 * @event advocacy-error - Loading or an action failed. `detail: { source: 'curation-admin', error }`.
 *
 * @csspart sources - The list of sources.
 * @csspart source - One source.
 * @csspart source-error - A source's last error.
 * @csspart queue - The list of items waiting for review.
 * @csspart item - One item.
 * @csspart publish-button - Publishes an item as a post.
 * @csspart dismiss-button - Dismisses an item.
 * @csspart form - The add-a-source form.
 * @csspart status - What the last action did.
 * @csspart state - Loading and error states.
 *
 * @cssproperty --advocacy-color-accent - Buttons.
 * @cssproperty --advocacy-color-danger - Errors.
 * @cssproperty --advocacy-color-surface - Panel background.
 */
export class AdvocacyCurationAdminElement extends AdvocacyElement<(typeof curationStrings)['en']> {
  static override styles = styles;

  static override properties = {
    notice: { state: true, attribute: false },
  };

  declare private notice: string;

  private readonly curation = new StoreController<CurationAdminState>(
    this,
    () => (this.client ? curationOf(this.client).store : undefined),
    (state, previous) => {
      if (previous && state.status === 'error' && previous.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'curation-admin', error: state.error });
      }
    },
  );

  constructor() {
    super(curationStrings);
    this.notice = '';
  }

  /** Loads the sources and the queue again. */
  refresh(): Promise<void> {
    return this.client ? curationOf(this.client).refresh() : Promise.resolve();
  }

  protected override render() {
    return html`<section aria-labelledby="heading">
      <div class="header"><h2 id="heading">${this.t.title}</h2></div>
      <p part="status" role="status">${this.notice}</p>
      ${this.renderBody()}
      <form part="form" aria-labelledby="new-heading" @submit=${this.onAdd}>
        <h3 id="new-heading">${this.t.newHeading}</h3>
        <label>${this.t.urlLabel}<input id="url" name="url" type="url" maxlength="2048" required /></label>
        <label>${this.t.nameLabel}<input id="name" name="name" maxlength="200" /></label>
        <label
          >${this.t.languageLabel}
          <select id="language" name="language">
            <option value="ja" ?selected=${this.lang_ === 'ja'}>日本語</option>
            <option value="en" ?selected=${this.lang_ !== 'ja'}>English</option>
          </select>
        </label>
        ${this.errorFor('new')}
        <div><button class="primary" type="submit" ?disabled=${!!this.curation.value?.busy['new']}>${this.t.add}</button></div>
      </form>
    </section>`;
  }

  private renderBody() {
    const state = this.curation.value;
    if (!state || state.status === 'idle' || (state.status === 'loading' && state.sources.length === 0)) {
      return html`<p class="meta" part="state" role="status">${this.t.loading}</p>`;
    }
    if (state.status === 'error') {
      return html`<div class="state" part="state" role="alert">
        <strong>${this.t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button @click=${() => this.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    return html`<h3>${this.t.sourcesHeading}</h3>
      ${
        state.sources.length === 0
          ? html`<p class="meta">${this.t.noSources}</p>`
          : html`<ul part="sources">
            ${state.sources.map((source) => this.renderSource(source, state))}
          </ul>`
      }
      <h3>${this.t.queueHeading}</h3>
      ${
        state.items.length === 0
          ? html`<p class="meta">${this.t.noItems}</p>`
          : html`<ul part="queue">
            ${state.items.map((item) => this.renderItem(item, state))}
          </ul>`
      }`;
  }

  private renderSource(source: CuratedSource, state: CurationAdminState) {
    const busy = !!state.busy[source.id];
    return html`<li part="source">
      <h4>${source.title || source.url}</h4>
      <span class="meta">${source.url}</span>
      <span class="meta"
        >${source.paused ? `${this.t.paused} · ` : ''}${
          source.lastFetchedAt ? this.t.lastFetched(relativeTime(source.lastFetchedAt, this.lang_)) : this.t.neverFetched
        }</span
      >
      ${source.lastError ? html`<span class="error" part="source-error">${this.t.lastError(source.lastError)}</span>` : nothing}
      ${this.errorFor(source.id)}
      <div class="actions">
        <button ?disabled=${busy} @click=${() => this.run(source.id, () => curationOf(this.client!).fetchSource(source.id), this.t.fetched(source.title))}>
          ${this.t.fetchNow}
        </button>
        <button
          aria-pressed=${source.paused ? 'true' : 'false'}
          ?disabled=${busy}
          @click=${() => this.run(source.id, () => curationOf(this.client!).updateSource(source.id, { paused: !source.paused }))}
        >
          ${this.t.pause}
        </button>
        <button ?disabled=${busy} @click=${() => this.run(source.id, () => curationOf(this.client!).removeSource(source.id), this.t.removed(source.title))}>
          ${this.t.remove}
        </button>
      </div>
    </li>`;
  }

  private renderItem(item: CurationItem, state: CurationAdminState) {
    const busy = !!state.busy[item.id];
    return html`<li part="item">
      <h4>${linkable(item.url) ? html`<a href=${item.url} target="_blank" rel="noopener noreferrer">${item.title}</a>` : item.title}</h4>
      <span class="meta">${this.t.from(item.sourceTitle)}${item.siteName && item.siteName !== item.sourceTitle ? ` · ${item.siteName}` : ''}</span>
      ${item.summary ? html`<p>${item.summary}</p>` : nothing}
      ${this.errorFor(item.id)}
      <div class="actions">
        <button
          class="primary"
          part="publish-button"
          aria-label=${this.t.publishAria(item.title)}
          ?disabled=${busy}
          @click=${() => this.run(item.id, () => curationOf(this.client!).publish(item.id), this.t.published(item.title))}
        >
          ${this.t.publish}
        </button>
        <button
          part="dismiss-button"
          aria-label=${this.t.dismissAria(item.title)}
          ?disabled=${busy}
          @click=${() => this.run(item.id, () => curationOf(this.client!).dismiss(item.id), this.t.dismissed(item.title))}
        >
          ${this.t.dismiss}
        </button>
      </div>
    </li>`;
  }

  private errorFor(id: string) {
    const error = this.curation.value?.errors[id];
    return error ? html`<p class="error" role="alert">${this.errorMessage(error)}</p>` : nothing;
  }

  private async run(id: string, action: () => Promise<unknown>, notice = ''): Promise<void> {
    try {
      await action();
      this.notice = notice;
    } catch (error) {
      // The store keeps the error by id; it shows beside the source or item.
      emit(this, 'advocacy-error', { source: 'curation-admin', error: this.curation.value!.errors[id] ?? (error as never) });
    }
  }

  private readonly onAdd = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (!form.reportValidity() || !this.client) return;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    try {
      const source = await curationOf(this.client).addSource({
        url: String(data.get('url')).trim(),
        locale: String(data.get('language')),
        ...(name ? { title: name } : {}),
      });
      form.reset();
      this.notice = this.t.added(source.title || source.url);
    } catch (error) {
      emit(this, 'advocacy-error', { source: 'curation-admin', error: this.curation.value!.errors['new'] ?? (error as never) });
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-curation-admin': AdvocacyCurationAdminElement;
  }
}

import { html, nothing, render, type PropertyValues } from 'lit';
import type { FeedState, Post, AsyncState, Topic } from '@advocacy-kit/core';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { pick, type Locales } from '../i18n/index.js';
import * as feedStrings from './feed.strings.js';
import { StoreController } from '../internal/store-controller.js';
import { tagFor } from '../internal/define.js';
import { emit } from '../internal/events.js';
import { relativeTime } from '../internal/format.js';
import { localized } from '../internal/topics.js';
import { segmented } from '../internal/segmented.js';
import type { AdvocacyShareDialogElement } from '../share-dialog/share-dialog.component.js';
import type { ShareDialogStrings } from '../share-dialog/share-dialog.strings.js';
import { loadShareDialog, prefetchShareDialog } from './share-dialog-loader.js';
import { styles } from './feed.styles.js';
import { linkable } from '../internal/url.js';
import { heading, headingLevelProperty, levelOf } from '../internal/heading.js';

let instances = 0;

/**
 * How many cards one task draws. The first slice fills a phone's first screen; each later one comes
 * in its own task, so a long page of posts never holds the main thread (input, paint) for long.
 */
const SLICE = 4;

/**
 * @tag advocacy-feed
 * @summary The posts an employee can share, newest first, in the employee's language (other
 * languages on request), with search, a topic filter, infinite scroll and a share dialog. The
 * dialog's code loads on first need (prefetched when the browser is idle after the first render,
 * or when a Share button is hovered or focused); if it cannot load, the card says so with a retry.
 *
 * @slot policy - Your company's social-media policy, shown in the share dialog before the first share.
 *
 * @event advocacy-share-open - The employee pressed a card's Share button. `detail: { postId }`.
 * @event advocacy-share - A share was recorded (from the share dialog). `detail: { postId, network, share }`.
 * @event advocacy-share-error - A share failed. `detail: { postId, network, error }`.
 * @event advocacy-policy-accepted - The employee accepted the social-media policy. `detail: { employee }`.
 * @event advocacy-error - The feed failed to load. `detail: { source: 'feed', error }`.
 *
 * @csspart header - The row with the "new posts" badge, the search box, the language toggle and the topic filter.
 * @csspart new-badge - The count of posts new since the last visit.
 * @csspart filter - The topic filter group.
 * @csspart search - The search box.
 * @csspart languages - The toggle that lists posts in other languages too.
 * @csspart list - The list of cards.
 * @csspart card - One post.
 * @csspart image - A card's picture, or the tile drawn instead when it has none or it fails to load: the
 *   source's initial on the colour of the post's first topic, in the picture's box (decorative, hidden
 *   from assistive technology like the picture, whose alt is empty: the title says what the card is).
 * @csspart kind - The content kind badge (curated, from us, promotion).
 * @csspart title - A card's title link.
 * @csspart summary - A card's summary.
 * @csspart topics - A card's topic chips.
 * @csspart meta - Source and freshness.
 * @csspart share-button - A card's Share button.
 * @csspart shared - The “Shared” marker on a post the employee already shared.
 * @csspart load-more - The Load more button.
 * @csspart state - The loading, empty and error panels.
 * @csspart offline - The offline notice.
 * @csspart share-error - On a card, the notice that the share dialog could not load, with a retry.
 *
 * @cssproperty --advocacy-color-accent - Buttons, selected chips, links on hover.
 * @cssproperty --advocacy-color-on-accent - Text on the accent color.
 * @cssproperty --advocacy-color-surface - Card background.
 * @cssproperty --advocacy-color-background - Page-level background of panels.
 * @cssproperty --advocacy-color-text - Main text.
 * @cssproperty --advocacy-color-text-muted - Secondary text.
 * @cssproperty --advocacy-color-border - Borders.
 * @cssproperty --advocacy-color-danger - Errors.
 * @cssproperty --advocacy-color-highlight - The "new" badge and highlights.
 * @cssproperty --advocacy-color-skeleton - Loading placeholders.
 * @cssproperty --advocacy-color-focus - Focus ring.
 * @cssproperty --advocacy-font-family - Font stack.
 * @cssproperty --advocacy-radius - Card corner radius.
 * @cssproperty --advocacy-radius-small - Small corner radius.
 * @cssproperty --advocacy-spacing - Base spacing unit.
 */
export class AdvocacyFeedElement extends AdvocacyElement<(typeof feedStrings)['en']> {
  static override styles = styles;

  static override properties = {
    online: { state: true, attribute: false },
    shareFailed: { state: true, attribute: false },
    headingLevel: headingLevelProperty,
  };

  /**
   * The level (2–6) of the cards' headings (each post's title), to fit the host page's outline: under a page whose only heading
   * is an `<h1>`, use `heading-level="2"`. Default 3 (as under a section heading); other values fall back to it.
   */
  declare headingLevel: number | undefined;

  declare private online: boolean;
  /** The post whose Share press could not load the dialog (offline), shown with a retry. */
  declare private shareFailed: string | null;

  private readonly feed = new StoreController<FeedState>(
    this,
    () => this.client?.feed.store,
    (state, previous) => this.feedChanged(state, previous),
  );
  private readonly topics = new StoreController<AsyncState<Topic[]>>(this, () => this.client?.topics.store);
  private readonly brokenImages = new Set<string>();
  private readonly filterName = `advocacy-topic-${++instances}`;
  /** How many of the posts have their card drawn: grows by a slice a task until all have one. */
  private shown = SLICE;
  private observer: IntersectionObserver | undefined;
  private observed: Element | undefined;
  private viewTracked = new WeakSet<object>();
  /** The share dialog, under the tag the prefix in force gives it, once its code has loaded. */
  private dialog: AdvocacyShareDialogElement | undefined;
  /** The dialog's default policy text, from its module. */
  private dialogStrings: Locales<ShareDialogStrings> | undefined;
  /** The latest Share press still waiting for the dialog's code. */
  private pendingShare: { post: Post; invoker: HTMLElement } | undefined;

  constructor() {
    super(feedStrings);
    // Until connected, where it is read from the browser.
    this.online = true;
    this.shareFailed = null;
    this.headingLevel = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.online = navigator.onLine;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('pagehide', this.onPageHide);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('pagehide', this.onPageHide);
    // The observer stays, watching nothing, for when the feed is connected again.
    this.observer?.disconnect();
    this.observed = undefined;
    this.client?.feed.markSeen();
  }

  /** Reloads the feed from its first page. */
  refresh(): Promise<void> {
    return this.client?.feed.refresh() ?? Promise.resolve();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const { dialog, dialogStrings } = this;
    if (!dialog || !dialogStrings) return;
    // The dialog uses the feed's client, also when the feed was given one without a provider.
    dialog.client = this.client;
    if (this.theme) dialog.setAttribute('theme', this.theme);
    else dialog.removeAttribute('theme');
    // The host's policy (slot "policy" on the feed) goes on to the dialog.
    render(html`<slot name="policy" slot="policy"><p>${pick(dialogStrings, this.lang_).policyBody}</p></slot>`, dialog);
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    // Fetch the dialog's code once the page has settled, so the first Share opens at once.
    if ('requestIdleCallback' in window) requestIdleCallback(prefetchShareDialog, { timeout: 5000 });
    else setTimeout(prefetchShareDialog, 2000);
    // The first date formatter in a language loads Intl's data for it, a long task of its own on a
    // phone: it is made in a task of its own while the posts are on their way, not with their cards.
    setTimeout(() => relativeTime('', this.lang_));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The next slice, in a task of its own. (An update for another reason while one is due asks for
    // one more: each task still draws one slice, so that only brings the last cards sooner.)
    if (this.shown < (this.feed.value?.items.length ?? 0)) {
      setTimeout(() => {
        this.shown += SLICE;
        this.requestUpdate();
      });
    }
    this.observeSentinel();
  }

  protected override render() {
    const state = this.feed.value;
    return html`
      ${this.online ? nothing : html`<p class="notice offline" part="offline" role="status">${this.t.offline}</p>`}
      ${this.renderHeader(state)}
      ${this.renderBody(state)}
      ${this.dialog ?? nothing}
    `;
  }

  private renderHeader(state: FeedState | undefined) {
    const topics = this.topics.value?.data ?? [];
    const fresh = state?.newSinceLastVisit ?? 0;
    const current = state?.topic ?? null;
    const feed = this.client?.feed;
    return html`<div class="header" part="header">
      ${fresh > 0 ? html`<p class="new-badge" part="new-badge" role="status">${this.t.newSinceLastVisit(fresh)}</p>` : nothing}
      <input
        type="search"
        part="search"
        aria-label=${this.t.search}
        placeholder=${this.t.search}
        .value=${state?.search ?? ''}
        @input=${(event: Event) => feed?.setSearch((event.target as HTMLInputElement).value)}
      />
      <button part="languages" aria-pressed=${!!state?.allLanguages} @click=${() => feed?.setAllLanguages(!state?.allLanguages)}>
        ${this.t.allLanguages}
      </button>
      ${
        topics.length > 0
          ? segmented({
              legend: this.t.topicFilter,
              name: this.filterName,
              part: 'filter',
              // '' stands for every topic.
              values: ['', ...topics.map((topic) => topic.id)],
              current: current ?? '',
              label: (id) => {
                const topic = topics.find((candidate) => candidate.id === id);
                return topic ? localized(topic.names, this.lang_) : this.t.allTopics;
              },
              onPick: (id) => this.client?.feed.setTopic(id || null),
            })
          : nothing
      }
    </div>`;
  }

  private renderBody(state: FeedState | undefined) {
    // A new list (another topic, a search) starts again from one slice.
    if (!state?.items.length) this.shown = SLICE;
    // A refresh keeps the posts it already shows (and the employee's place and focus among them)
    // while it reads them again; skeletons are for a list with nothing to show yet.
    if (state === undefined || state.status === 'idle' || (state.status === 'loading' && state.items.length === 0)) {
      return html`<ul class="list" part="list" aria-busy="true" aria-label=${this.t.label}>
          ${[0, 1, 2].map(
            () => html`<li class="card skeleton-card" aria-hidden="true">
            <div class="media skeleton"></div>
            <div class="body">
              <div class="skeleton line short"></div>
              <div class="skeleton line"></div>
              <div class="skeleton line"></div>
            </div>
          </li>`,
          )}
        </ul>
        <p class="visually-hidden" role="status">${this.t.loadingPosts}</p>`;
    }
    if (state.status === 'error') {
      return html`<div class="state" part="state" role="alert">
        <strong>${this.t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    if (state.status === 'empty' || state.items.length === 0) {
      const search = state.search.trim();
      return html`<div class="state" part="state" role="status">
        <strong>${search ? this.t.noMatch(search) : this.t.emptyTitle}</strong>
        ${search ? nothing : html`<p>${state.topic ? this.t.emptyTopic : this.t.emptyBody}</p>`}
      </div>`;
    }
    const topicsById = new Map((this.topics.value?.data ?? []).map((topic) => [topic.id, topic]));
    // Busy until every post has its card; the posts keep their order, later slices only add cards.
    const drawing = this.shown < state.items.length;
    return html`<ul class="list" part="list" aria-busy=${state.status === 'loading' || drawing ? 'true' : nothing} aria-label=${this.t.label}>
        ${state.items.slice(0, this.shown).map((post, index) => this.renderCard(post, index < state.newSinceLastVisit, topicsById))}
      </ul>
      ${this.renderFooter(state, drawing)}`;
  }

  private renderCard(post: Post, isNew: boolean, topicsById: Map<string, Topic>) {
    const titleId = `title-${post.id}`;
    const topics = post.topics.map((id) => topicsById.get(id)).filter((topic): topic is Topic => topic !== undefined);
    // Without a picture, the card's tile takes its first topic's colour: one of six, by the topic's place.
    const tone = Math.max(0, [...topicsById.keys()].indexOf(post.topics[0] ?? '')) % 6;
    return html`<li class="card" part="card" aria-labelledby=${titleId}>
      ${
        linkable(post.imageUrl) && !this.brokenImages.has(post.id)
          ? html`<img
            class="media"
            part="image"
            src=${post.imageUrl}
            alt=""
            loading="lazy"
            decoding="async"
            width="600"
            height="314"
            @error=${() => this.imageFailed(post.id)}
          />`
          : html`<div class="media placeholder tone-${tone}" part="image" aria-hidden="true">${[...post.source][0]}</div>`
      }
      <div class="body">
        <p class="badges">
          <span class="kind kind-${post.kind}" part="kind">${this.t.kinds[post.kind]}</span>
          ${isNew ? html`<span class="new">${this.t.newLabel}</span>` : nothing}
          ${post.sharedNetworks?.length ? html`<span class="kind" part="shared">✓ ${this.t.shared}</span>` : nothing}
        </p>
        ${heading(
          levelOf(this.headingLevel, 3),
          linkable(post.url)
            ? html`<a part="title" lang=${post.locale} href=${post.url} target="_blank" rel="noopener noreferrer" @click=${() => this.opened(post)}>${post.title}</a>`
            : html`<span part="title" lang=${post.locale}>${post.title}</span>`,
          titleId,
          'title',
        )}
        <p class="summary" part="summary" lang=${post.locale}>${post.summary}</p>
        ${
          topics.length > 0
            ? html`<ul class="topics" part="topics">
              ${topics.map((topic) => html`<li>${localized(topic.names, this.lang_)}</li>`)}
            </ul>`
            : nothing
        }
        <div class="footer">
          <p class="meta" part="meta">
            <span>${post.source}</span>
            <span aria-hidden="true">·</span>
            <time datetime=${post.publishAt}>${relativeTime(post.publishAt, this.lang_)}</time>
          </p>
          <button
            class="primary share"
            part="share-button"
            aria-label=${this.t.shareAria(post.title)}
            @pointerenter=${prefetchShareDialog}
            @focus=${prefetchShareDialog}
            @click=${(event: Event) => this.openShare(post, event.currentTarget as HTMLElement)}
          >
            ${this.t.share}
          </button>
        </div>
        ${
          this.shareFailed === post.id
            ? html`<div class="notice error" part="share-error" role="alert">
              <strong>${this.t.shareUnavailable}</strong>
              <span>${this.common.errors.network}</span>
              <button @click=${(event: Event) => this.retryShare(post, event.currentTarget as HTMLElement)}>${this.common.retry}</button>
            </div>`
            : nothing
        }
      </div>
    </li>`;
  }

  /** While cards are still being drawn, the end of the list is not watched: it isn't the end yet. */
  private renderFooter(state: FeedState, drawing: boolean) {
    if (state.loadMoreError) {
      return html`<div class="notice error more" role="alert">
        <strong>${this.t.loadMoreError}</strong>
        <span>${this.errorMessage(state.loadMoreError)}</span>
        <button @click=${() => this.client?.feed.loadMore()}>${this.common.retry}</button>
      </div>`;
    }
    if (!state.hasMore) return html`<p class="end">${this.t.caughtUp}</p>`;
    return html`<div class="more">
      ${drawing ? nothing : html`<div class="sentinel"></div>`}
      <button
        part="load-more"
        ?disabled=${state.loadingMore}
        aria-busy=${state.loadingMore ? 'true' : 'false'}
        @click=${() => this.client?.feed.loadMore()}
      >
        ${state.loadingMore ? this.t.loadingMore : this.t.loadMore}
      </button>
    </div>`;
  }

  private feedChanged(state: FeedState, previous: FeedState | undefined): void {
    if (state.status === 'error' && previous?.status !== 'error' && state.error) {
      emit(this, 'advocacy-error', { source: 'feed', error: state.error });
    }
    const client = this.client;
    if (state.status === 'ready' && client && !this.viewTracked.has(client)) {
      this.viewTracked.add(client);
      client.events.track('feed_view');
    }
  }

  private observeSentinel(): void {
    const sentinel = this.renderRoot.querySelector('.sentinel') ?? undefined;
    if (sentinel === this.observed) return;
    this.observer ??= new IntersectionObserver(
      (entries) => {
        const state = this.feed.value;
        if (!entries.some((entry) => entry.isIntersecting) || !state) return;
        if (state.hasMore && !state.loadingMore && !state.loadMoreError) void this.client?.feed.loadMore();
      },
      { rootMargin: '600px 0px' },
    );
    if (this.observed) this.observer.unobserve(this.observed);
    this.observed = sentinel;
    if (sentinel) this.observer.observe(sentinel);
  }

  private imageFailed(postId: string): void {
    this.brokenImages.add(postId);
    this.requestUpdate();
  }

  private opened(post: Post): void {
    this.client?.events.track('post_open', { postId: post.id });
  }

  private openShare(post: Post, invoker: HTMLElement): void {
    emit(this, 'advocacy-share-open', { postId: post.id });
    // A press after a failure clears the notice; a new failure shows (and announces) it again.
    this.shareFailed = null;
    const waiting = this.pendingShare !== undefined;
    this.pendingShare = { post, invoker };
    if (!waiting) void this.showShareDialog();
  }

  /** The Retry on a card whose Share could not load the dialog: focus goes back to its Share button. */
  private retryShare(post: Post, retry: HTMLElement): void {
    const invoker = retry.closest('.card')?.querySelector<HTMLElement>('[part="share-button"]') ?? retry;
    invoker.focus();
    this.openShare(post, invoker);
  }

  /** Loads the dialog's code if needed, then opens it for the latest Share press. */
  private async showShareDialog(): Promise<void> {
    try {
      const { shareDialogStrings } = await loadShareDialog();
      if (!this.dialog) {
        this.dialogStrings = shareDialogStrings;
        this.dialog = document.createElement(tagFor('share-dialog')) as AdvocacyShareDialogElement;
        this.requestUpdate();
        await this.updateComplete;
      }
    } catch {
      // Offline or the script moved: the card says so, and its retry (or Share) tries again.
      this.shareFailed = this.pendingShare?.post.id ?? null;
      this.pendingShare = undefined;
      return;
    }
    const { post, invoker } = this.pendingShare!;
    this.pendingShare = undefined;
    void this.dialog?.show(post, invoker);
  }

  private readonly onOnline = (): void => {
    this.online = true;
    if (this.feed.value?.status === 'error') void this.refresh();
  };

  private readonly onOffline = (): void => {
    this.online = false;
  };

  private readonly onPageHide = (): void => {
    this.client?.feed.markSeen();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-feed': AdvocacyFeedElement;
  }
}

import { html, nothing } from 'lit';
import { CONTENT_KINDS, POST_STATUSES, type AdminPost, type AdminPostQuery, type AsyncState, type ContentKind, type Page, type PostStatus, type Topic } from '@advocacy-kit/core';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import * as en from '../i18n/en.js';
import * as ja from '../i18n/ja.js';
import * as adminEn from '../i18n/admin-en.js';
import * as adminJa from '../i18n/admin-ja.js';
import type { AdminCommonStrings, AdminResultsStrings, CommonStrings, ContentListStrings } from '../i18n/index.js';
import { StoreController } from '../internal/store-controller.js';
import { LoadController } from '../internal/load-controller.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import { localized } from '../internal/topics.js';
import { segmented } from '../internal/segmented.js';
import { downloadCsv, toCsv } from '../internal/csv.js';
import { formatNumber } from '../internal/format.js';
import { styles } from './content-list.styles.js';

const strings = {
  en: { ...en.common, ...en.adminCommon, ...en.contentList, ...adminEn.adminResults },
  ja: { ...ja.common, ...ja.adminCommon, ...ja.contentList, ...adminJa.adminResults },
};

const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 250;
type StatusFilter = PostStatus | 'all';

/**
 * @tag advocacy-content-list
 * @summary The program's posts by status, each with its results so far (shares, unique clicks,
 * conversions and their value), with a search over titles, summaries and links, kind and topic
 * filters, Load more, Edit (the host opens the post in `<advocacy-post-editor>`), Archive and a
 * CSV export of the rows shown.
 *
 * @event advocacy-post-edit - Edit was pressed. `detail: { post }`.
 * @event advocacy-post-save - A post was archived from the list. `detail: { post, suggestion: null }`.
 * @event advocacy-error - Loading or archiving failed. `detail: { source: 'content-list', error }`.
 *
 * @csspart filters - The status, search, kind and topic filters.
 * @csspart table - The table of posts.
 * @csspart row - One post.
 * @csspart edit-button - A post's Edit button.
 * @csspart archive-button - A post's Archive button.
 * @csspart load-more - The Load more button.
 * @csspart export-button - The CSV export.
 * @csspart state - Loading, empty and error states.
 *
 * @cssproperty --advocacy-color-accent - Buttons and the chosen status.
 * @cssproperty --advocacy-color-surface - Panel background.
 * @cssproperty --advocacy-color-border - Borders and row rules.
 */
export class AdvocacyContentListElement extends AdvocacyElement<CommonStrings & AdminCommonStrings & AdminResultsStrings & ContentListStrings> {
  static override styles = styles;

  static override properties = {
    status: { state: true, attribute: false },
    query: { state: true, attribute: false },
    kind: { state: true, attribute: false },
    topic: { state: true, attribute: false },
    more: { state: true, attribute: false },
    cursor: { state: true, attribute: false },
    loadingMore: { state: true, attribute: false },
    actionError: { state: true, attribute: false },
  };

  declare private status: StatusFilter;
  declare private query: string;
  declare private kind: ContentKind | '';
  declare private topic: string;
  /** Posts of the pages after the first, appended by Load more. */
  declare private more: AdminPost[];
  declare private cursor: string | null;
  declare private loadingMore: boolean;
  declare private actionError: string;

  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly topics = new StoreController<AsyncState<Topic[]>>(this, () => this.client?.topics.store);
  private readonly posts = new LoadController<Page<AdminPost>>(
    this,
    async (client) => {
      const page = await client.backend.admin.listPosts(this.filters());
      this.more = [];
      this.cursor = page.nextCursor;
      return page;
    },
    (state) => emit(this, 'advocacy-error', { source: 'content-list', error: state.error! }),
  );

  constructor() {
    super(strings);
    this.status = 'all';
    this.query = '';
    this.kind = '';
    this.topic = '';
    this.more = [];
    this.cursor = null;
    this.loadingMore = false;
    this.actionError = '';
  }

  /** Loads the list again from its first page (after a post was saved elsewhere, say). */
  refresh(): Promise<void> {
    return this.posts.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  private filters(): AdminPostQuery {
    return {
      limit: PAGE_SIZE,
      status: this.status === 'all' ? null : this.status,
      q: this.query.trim() || null,
      kind: this.kind || null,
      topic: this.topic || null,
    };
  }

  private get shown(): AdminPost[] {
    return [...(this.posts.state.data?.items ?? []), ...this.more];
  }

  private topicName(id: string): string {
    const topic = this.topics.value?.data?.find((candidate) => candidate.id === id);
    return topic ? localized(topic.names, this.lang_) : id;
  }

  protected override render() {
    return html`<section aria-labelledby="heading">
      <div class="header">
        <h2 id="heading">${this.t.contentTitle}</h2>
        ${this.renderFilters()}
      </div>
      ${this.actionError ? html`<p class="notice error" role="alert">${this.actionError}</p>` : nothing}
      ${this.renderBody()}
    </section>`;
  }

  private renderFilters() {
    const t = this.t;
    const topics = this.topics.value?.data ?? [];
    return html`<div class="filters" part="filters">
      ${segmented<StatusFilter>({
        legend: t.statusFilter,
        name: 'status',
        part: 'status',
        values: ['all', ...POST_STATUSES],
        current: this.status,
        label: (value) => (value === 'all' ? t.allStatuses : t.statuses[value]),
        onPick: (value) => this.filter(() => (this.status = value)),
      })}
      <div class="row">
        <div class="field grow">
          <label for="search">${t.searchLabel}</label>
          <input id="search" type="search" .value=${this.query} @input=${this.onSearch} />
        </div>
        <div class="field">
          <label for="kind">${t.kindFilter}</label>
          <select id="kind" @change=${(event: Event) => this.filter(() => (this.kind = (event.target as HTMLSelectElement).value as ContentKind | ''))}>
            <option value="" ?selected=${this.kind === ''}>${t.allKinds}</option>
            ${CONTENT_KINDS.map((kind) => html`<option value=${kind} ?selected=${this.kind === kind}>${t.kinds[kind]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="topic">${t.topicFilter}</label>
          <select id="topic" @change=${(event: Event) => this.filter(() => (this.topic = (event.target as HTMLSelectElement).value))}>
            <option value="" ?selected=${this.topic === ''}>${t.allTopics}</option>
            ${topics.map((topic) => html`<option value=${topic.id} ?selected=${this.topic === topic.id}>${localized(topic.names, this.lang_)}</option>`)}
          </select>
        </div>
      </div>
    </div>`;
  }

  private renderBody() {
    const t = this.t;
    const state = this.posts.state;
    if (state.status === 'error' && !state.data) {
      return html`<div class="state" part="state" role="alert">
        <strong>${t.contentErrorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.refresh()}>${t.retry}</button>
      </div>`;
    }
    if (!state.data) {
      return html`<div class="state" part="state" aria-busy="true">
        <span class="visually-hidden">${t.loading}</span>
        ${[0, 1, 2, 3].map(() => html`<span class="skeleton" aria-hidden="true"></span>`)}
      </div>`;
    }
    const posts = this.shown;
    if (posts.length === 0) return html`<div class="state" part="state" role="status"><p>${t.contentEmpty}</p></div>`;
    const date = new Intl.DateTimeFormat(this.lang_, { dateStyle: 'medium', timeStyle: 'short' });
    const n = (value: number) => formatNumber(value, this.lang_);
    return html`<div class="scroll">
        <table part="table" aria-labelledby="heading" aria-busy=${state.status === 'loading' ? 'true' : 'false'}>
          <thead>
            <tr>
              <th scope="col">${t.colTitle}</th>
              <th scope="col">${t.colKind}</th>
              <th scope="col">${t.colStatus}</th>
              <th scope="col">${t.colPublish}</th>
              <th scope="col" class="number">${t.colShares}</th>
              <th scope="col" class="number">${t.colUniqueClicks}</th>
              <th scope="col" class="number">${t.colConversions}</th>
              <th scope="col"><span class="visually-hidden">${t.colActions}</span></th>
            </tr>
          </thead>
          <tbody>
            ${posts.map(
              (post) => html`<tr part="row">
                <th scope="row">
                  <a href=${post.url} target="_blank" rel="noopener noreferrer">${post.title}</a>
                  <span class="topics">${post.topics.map((id) => this.topicName(id)).join(' · ')}</span>
                </th>
                <td>${t.kinds[post.kind]}</td>
                <td><span class="status ${post.status}">${t.statuses[post.status]}</span></td>
                <td>${date.format(new Date(post.publishAt))}</td>
                <td class="number">${n(post.metrics.shares)}</td>
                <td class="number">${n(post.metrics.clicks)}</td>
                <td class="number">
                  ${n(post.metrics.conversions)}
                  ${post.metrics.conversionValue ? html`<span class="value">${t.conversionValue(n(post.metrics.conversionValue))}</span>` : nothing}
                </td>
                <td>
                  <div class="actions">
                    <button part="edit-button" aria-label=${t.editPost(post.title)} @click=${() => emit(this, 'advocacy-post-edit', { post })}>${t.edit}</button>
                    ${post.status === 'archived'
                      ? nothing
                      : html`<button part="archive-button" aria-label=${t.archivePost(post.title)} @click=${() => this.archive(post)}>${t.archive}</button>`}
                  </div>
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="footer">
        ${this.cursor
          ? html`<button part="load-more" ?disabled=${this.loadingMore} aria-busy=${this.loadingMore ? 'true' : 'false'} @click=${this.loadMore}>
              ${this.loadingMore ? t.loading : t.loadMore}
            </button>`
          : nothing}
        <button part="export-button" @click=${this.exportCsv}>${t.exportCsv}</button>
      </div>`;
  }

  private filter(change: () => void): void {
    change();
    void this.posts.run();
  }

  private readonly onSearch = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.posts.run(), SEARCH_DELAY_MS);
  };

  private readonly loadMore = async (): Promise<void> => {
    const client = this.client;
    if (!client || !this.cursor || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const page = await client.backend.admin.listPosts({ ...this.filters(), cursor: this.cursor });
      this.more = [...this.more, ...page.items];
      this.cursor = page.nextCursor;
    } catch (cause) {
      const error = asAdvocacyError(cause);
      this.actionError = this.errorMessage(error);
      emit(this, 'advocacy-error', { source: 'content-list', error });
    } finally {
      this.loadingMore = false;
    }
  };

  private async archive(post: AdminPost): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.actionError = '';
    try {
      const archived = await client.backend.admin.archivePost(post.id);
      emit(this, 'advocacy-post-save', { post: archived, suggestion: null });
      await this.posts.run();
      this.renderRoot.querySelector<HTMLElement>('#search')?.focus();
    } catch (cause) {
      const error = asAdvocacyError(cause);
      this.actionError = this.errorMessage(error);
      emit(this, 'advocacy-error', { source: 'content-list', error });
    }
  }

  private readonly exportCsv = (): void => {
    const t = this.t;
    const rows = this.shown.map((post) => [
      post.title,
      post.url,
      t.kinds[post.kind],
      t.statuses[post.status],
      post.publishAt,
      post.expireAt ?? '',
      post.topics.map((id) => this.topicName(id)).join('; '),
      post.metrics.shares,
      post.metrics.clicks,
      post.metrics.conversions,
      post.metrics.conversionValue,
    ]);
    downloadCsv('posts.csv', toCsv([t.colTitle, 'URL', t.colKind, t.colStatus, t.colPublish, 'expireAt', 'topics', t.colShares, t.colUniqueClicks, t.colConversions, 'conversionValue'], rows));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-content-list': AdvocacyContentListElement;
  }
}

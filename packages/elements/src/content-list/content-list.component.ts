import { html, nothing } from 'lit';
import {
  CONTENT_KINDS,
  POST_STATUSES,
  type AdminPost,
  type AsyncState,
  type ContentKind,
  type PostStatus,
  type Topic,
} from '@advocacy-kit/core';
import { installHttpAdmin, type ContentListState } from '@advocacy-kit/core/admin';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import * as adminEn from '../i18n/admin-en.js';
import * as adminJa from '../i18n/admin-ja.js';
import type { AdminStrings } from '../i18n/index.js';
import { StoreController } from '../internal/store-controller.js';
import { adminOf } from '../internal/admin.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import { localized, topicName } from '../internal/topics.js';
import { segmented } from '../internal/segmented.js';
import { downloadCsv, toCsv } from '../internal/csv.js';
import { formatNumber } from '../internal/format.js';
import { styles } from './content-list.styles.js';
import { linkable } from '../internal/url.js';
import { AdminTime } from '../internal/admin-time.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

type Strings = Pick<AdminStrings, 'adminCommon' | 'adminResults' | 'contentList'>;

const strings = {
  en: { adminCommon: adminEn.adminCommon, adminResults: adminEn.adminResults, contentList: adminEn.contentList },
  ja: { adminCommon: adminJa.adminCommon, adminResults: adminJa.adminResults, contentList: adminJa.contentList },
};

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
export class AdvocacyContentListElement extends AdvocacyElement<Strings> {
  static override styles = styles;

  static override properties = {
    query: { state: true, attribute: false },
  };

  /** The search as typed; it reaches the list's filters after a short pause. */
  declare private query: string;

  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly topics = new StoreController<AsyncState<Topic[]>>(this, () => this.client?.topics.store);
  private readonly time = new AdminTime(this);
  private readonly list = new StoreController<ContentListState>(
    this,
    () => (this.client ? adminOf(this.client).contents.store : undefined),
    (state, previous) => {
      const error =
        state.status === 'error' && previous?.status !== 'error'
          ? state.error
          : state.loadMoreError !== previous?.loadMoreError
            ? state.loadMoreError
            : null;
      if (error && previous) emit(this, 'advocacy-error', { source: 'content-list', error });
    },
  );

  constructor() {
    super(strings);
    this.query = '';
  }

  private get contents() {
    return this.client ? adminOf(this.client).contents : undefined;
  }

  /** Loads the list again from its first page (after a post was saved elsewhere, say). */
  refresh(): Promise<void> {
    return this.contents?.refresh() ?? Promise.resolve();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  private topicName(id: string): string {
    return topicName(this.topics.value?.data, id, this.lang_);
  }

  protected override render() {
    const state = this.list.value;
    const failure = state?.loadMoreError ?? state?.archiveError;
    return html`<section aria-labelledby="heading">
      <div class="header">
        <h2 id="heading">${this.t.contentList.title}</h2>
        ${this.renderFilters()}
      </div>
      ${failure ? html`<p class="notice error" role="alert">${this.errorMessage(failure)}</p>` : nothing}
      ${this.renderBody()}
    </section>`;
  }

  private renderFilters() {
    const { adminCommon: common, contentList: t } = this.t;
    const topics = this.topics.value?.data ?? [];
    const filters = this.list.value?.filters;
    const kind = filters?.kind ?? '';
    const topic = filters?.topic ?? '';
    return html`<div class="filters" part="filters">
      ${segmented<StatusFilter>({
        legend: t.statusFilter,
        name: 'status',
        part: 'status',
        values: ['all', ...POST_STATUSES],
        current: filters?.status ?? 'all',
        label: (value) => (value === 'all' ? t.allStatuses : common.statuses[value]),
        onPick: (value) => this.contents?.setFilters({ status: value === 'all' ? null : value }),
      })}
      <div class="row">
        <div class="field grow">
          <label for="search">${t.searchLabel}</label>
          <input id="search" type="search" .value=${this.query} @input=${this.onSearch} />
        </div>
        <div class="field">
          <label for="kind">${t.kindFilter}</label>
          <select id="kind" @change=${(event: Event) => this.contents?.setFilters({ kind: ((event.target as HTMLSelectElement).value as ContentKind) || null })}>
            <option value="" ?selected=${kind === ''}>${t.allKinds}</option>
            ${CONTENT_KINDS.map((value) => html`<option value=${value} ?selected=${kind === value}>${common.kinds[value]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="topic">${t.topicFilter}</label>
          <select id="topic" @change=${(event: Event) => this.contents?.setFilters({ topic: (event.target as HTMLSelectElement).value || null })}>
            <option value="" ?selected=${topic === ''}>${t.allTopics}</option>
            ${topics.map((item) => html`<option value=${item.id} ?selected=${topic === item.id}>${localized(item.names, this.lang_)}</option>`)}
          </select>
        </div>
      </div>
    </div>`;
  }

  private renderBody() {
    const { adminCommon: common, adminResults: results, contentList: t } = this.t;
    const state = this.list.value;
    if (state?.status === 'error' && state.items.length === 0) {
      return html`<div class="state" part="state" role="alert">
        <strong>${t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    if (!state || ((state.status === 'loading' || state.status === 'idle') && state.items.length === 0)) {
      return html`<div class="state" part="state" aria-busy="true">
        <span class="visually-hidden">${this.common.loading}</span>
        ${[0, 1, 2, 3].map(() => html`<span class="skeleton" aria-hidden="true"></span>`)}
      </div>`;
    }
    const posts = state.items;
    if (posts.length === 0) return html`<div class="state" part="state" role="status"><p>${t.empty}</p></div>`;
    const n = (value: number) => formatNumber(value, this.lang_);
    return html`<p class="zone" part="time-zone">${t.timesIn(this.time.zone)}</p>
      <div class="scroll">
        <table part="table" aria-labelledby="heading" aria-busy=${state.status === 'loading' ? 'true' : 'false'}>
          <thead>
            <tr>
              <th scope="col">${results.colTitle}</th>
              <th scope="col">${results.colKind}</th>
              <th scope="col">${t.colStatus}</th>
              <th scope="col">${t.colPublish}</th>
              <th scope="col" class="number">${results.colShares}</th>
              <th scope="col" class="number">${results.colUniqueClicks}</th>
              <th scope="col" class="number">${results.colConversions}</th>
              <th scope="col"><span class="visually-hidden">${t.colActions}</span></th>
            </tr>
          </thead>
          <tbody>
            ${posts.map(
              (post) => html`<tr part="row">
                <th scope="row">
                  ${linkable(post.url) ? html`<a href=${post.url} target="_blank" rel="noopener noreferrer">${post.title}</a>` : post.title}
                  <span class="topics">${post.topics.map((id) => this.topicName(id)).join(' · ')}</span>
                </th>
                <td>${common.kinds[post.kind]}</td>
                <td><span class="status ${post.status}">${common.statuses[post.status]}</span></td>
                <td>${this.time.format(post.publishAt, this.lang_)}</td>
                <td class="number">${n(post.metrics.shares)}</td>
                <td class="number">${n(post.metrics.clicks)}</td>
                <td class="number">
                  ${n(post.metrics.conversions)}
                  ${post.metrics.conversionValue ? html`<span class="value">${results.conversionValue(n(post.metrics.conversionValue))}</span>` : nothing}
                </td>
                <td>
                  <div class="actions">
                    <button part="edit-button" aria-label=${t.editPost(post.title)} @click=${() => emit(this, 'advocacy-post-edit', { post })}>${t.edit}</button>
                    ${
                      post.status === 'archived'
                        ? nothing
                        : html`<button part="archive-button" aria-label=${t.archivePost(post.title)} ?disabled=${state.archiving === post.id} @click=${() => this.archive(post)}>
                          ${t.archive}
                        </button>`
                    }
                  </div>
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="footer">
        ${
          state.hasMore
            ? html`<button part="load-more" ?disabled=${state.loadingMore} aria-busy=${state.loadingMore ? 'true' : 'false'} @click=${() => this.contents?.loadMore()}>
              ${state.loadingMore ? this.common.loading : t.loadMore}
            </button>`
            : nothing
        }
        <button part="export-button" @click=${this.exportCsv}>${common.exportCsv}</button>
      </div>`;
  }

  private readonly onSearch = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.contents?.setFilters({ q: this.query }), SEARCH_DELAY_MS);
  };

  private async archive(post: AdminPost): Promise<void> {
    const contents = this.contents;
    if (!contents) return;
    try {
      const archived = await contents.archive(post.id);
      emit(this, 'advocacy-post-save', { post: archived, suggestion: null });
      this.renderRoot.querySelector<HTMLElement>('#search')?.focus();
    } catch (error) {
      emit(this, 'advocacy-error', { source: 'content-list', error: this.list.value?.archiveError ?? asAdvocacyError(error) });
    }
  }

  private readonly exportCsv = (): void => {
    const { adminCommon: common, adminResults: results, contentList: t } = this.t;
    const rows = (this.list.value?.items ?? []).map((post) => [
      post.title,
      post.url,
      common.kinds[post.kind],
      common.statuses[post.status],
      post.publishAt,
      post.expireAt ?? '',
      post.topics.map((id) => this.topicName(id)).join('; '),
      post.metrics.shares,
      post.metrics.clicks,
      post.metrics.conversions,
      post.metrics.conversionValue,
    ]);
    downloadCsv(
      'posts.csv',
      toCsv(
        [
          results.colTitle,
          t.csvColumns.url,
          results.colKind,
          t.colStatus,
          t.colPublish,
          t.csvColumns.expireAt,
          t.csvColumns.topics,
          results.colShares,
          results.colUniqueClicks,
          results.colConversions,
          t.csvColumns.conversionValue,
        ],
        rows,
      ),
    );
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-content-list': AdvocacyContentListElement;
  }
}

import { html, nothing, type PropertyValues } from 'lit';
import {
  CONTENT_KINDS,
  NETWORK_IDS,
  type AdvocacyError,
  type AsyncState,
  type ContentKind,
  type Employee,
  type NetworkId,
  type Post,
  type PostInput,
  type Role,
  type SuggestedCommentary,
  type Suggestion,
  type Team,
  type Topic,
} from '@advocacy-kit/core';
import { countText } from '@advocacy-kit/core/share';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import * as en from '../i18n/en.js';
import * as ja from '../i18n/ja.js';
import type { AdminCommonStrings, CommonStrings, PostEditorStrings } from '../i18n/index.js';
import { StoreController } from '../internal/store-controller.js';
import { LoadController } from '../internal/load-controller.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import { localized } from '../internal/topics.js';
import { fromLocalInput, toLocalInput } from '../internal/zoned-time.js';
import { commentaryLimit, fieldOf, validatePost, type PostField } from './validate.js';
import { styles } from './post-editor.styles.js';

const strings = {
  en: { ...en.common, ...en.adminCommon, ...en.postEditor },
  ja: { ...ja.common, ...ja.adminCommon, ...ja.postEditor },
};

/** Locales offered for suggested commentary: the ones the components ship. */
const COMMENTARY_LOCALES = ['en', 'ja'] as const;
const ROLES: readonly Role[] = ['employee', 'admin'];
/** Networks an admin can allow (the device share sheet follows the others). */
const ALLOWABLE: readonly NetworkId[] = NETWORK_IDS.filter((id) => id !== 'native');

type Slot = NetworkId | 'default';

/** What the form holds while the admin types. */
interface Draft {
  url: string;
  title: string;
  summary: string;
  imageUrl: string;
  source: string;
  kind: ContentKind;
  locale: string;
  topics: ReadonlySet<string>;
  teams: ReadonlySet<string>;
  roles: ReadonlySet<Role>;
  commentary: SuggestedCommentary;
  hashtags: string;
  /** UTC instants; the inputs show them in the admin's time zone. */
  publishAt: string | null;
  expireAt: string | null;
  networks: ReadonlySet<NetworkId>;
}

type Action = 'draft' | 'publish' | 'archive';

/**
 * @tag advocacy-post-editor
 * @summary Creates or edits a post for the program: link, title, summary, image, kind (the
 * 6-3-1 mix), topics, audience, suggested commentary per language and network with live
 * character counts, hashtags, a schedule in the admin's time zone and the allowed networks.
 * Saves as a draft, schedules or publishes, and archives. The server's per-field errors appear
 * under their fields. With `suggestion` set, saving approves that suggestion as the post.
 *
 * @event advocacy-post-save - A post was saved or archived. `detail: { post, suggestion }`.
 * @event advocacy-error - Saving failed for another reason than the fields. `detail: { source: 'post-editor', error }`.
 *
 * @csspart form - The form.
 * @csspart field - One labelled field.
 * @csspart input - Text inputs, selects and text areas.
 * @csspart field-error - A field's error message.
 * @csspart commentary - The suggested commentary of one language.
 * @csspart counter - A commentary's character count.
 * @csspart preview - How the post will look in the feed.
 * @csspart actions - The save, schedule, publish and archive buttons.
 * @csspart status - What the last save did.
 *
 * @cssproperty --advocacy-color-accent - The main action and checked choices.
 * @cssproperty --advocacy-color-danger - Field errors and counts over the limit.
 * @cssproperty --advocacy-color-surface - Panel background.
 * @cssproperty --advocacy-color-border - Borders.
 * @cssproperty --advocacy-radius - Panel corner radius.
 */
export class AdvocacyPostEditorElement extends AdvocacyElement<CommonStrings & AdminCommonStrings & PostEditorStrings> {
  static override styles = styles;

  static override properties = {
    post: { attribute: false },
    prefill: { attribute: false },
    suggestion: { attribute: false },
    draft: { state: true, attribute: false },
    fieldErrors: { state: true, attribute: false },
    formError: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    previewing: { state: true, attribute: false },
    saved: { state: true, attribute: false },
    brokenImage: { state: true, attribute: false },
  };

  /** The post to edit; `null` (default) starts a new one. Updated after each save. */
  declare post: Post | null;
  /** Values a new post starts from (a suggestion's link and note, a copied post). */
  declare prefill: Partial<PostInput> | null;
  /** A pending suggestion: saving approves it, and its post is created from the form. */
  declare suggestion: Suggestion | null;
  declare private draft: Draft;
  declare private fieldErrors: Partial<Record<PostField, string>>;
  declare private formError: AdvocacyError | null;
  declare private busy: Action | null;
  declare private previewing: boolean;
  /** An image address that failed to load: the preview shows the placeholder instead. */
  declare private brokenImage: string;
  declare private saved: string | null;

  private readonly topics = new StoreController<AsyncState<Topic[]>>(this, () => this.client?.topics.store);
  private readonly me = new StoreController<AsyncState<Employee>>(this, () => this.client?.me.store);
  private readonly teams = new LoadController<Team[]>(this, (client) => client.backend.listTeams());

  constructor() {
    super(strings);
    this.post = null;
    this.prefill = null;
    this.suggestion = null;
    this.fieldErrors = {};
    this.formError = null;
    this.busy = null;
    this.previewing = false;
    this.brokenImage = '';
    this.saved = null;
    this.draft = this.draftFrom(null);
  }

  /** The admin's time zone (their profile's, else the browser's): the schedule is typed in it. */
  get timeZone(): string {
    return this.me.value?.data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('post') || changed.has('prefill') || changed.has('suggestion')) {
      const from = this.post ? { ...this.post, status: undefined } : this.prefill;
      this.draft = this.draftFrom(from);
      this.fieldErrors = {};
      this.formError = null;
    }
  }

  private draftFrom(from: Partial<PostInput> | null): Draft {
    return {
      url: from?.url ?? this.suggestion?.url ?? '',
      title: from?.title ?? '',
      summary: from?.summary ?? this.suggestion?.note ?? '',
      imageUrl: from?.imageUrl ?? '',
      source: from?.source ?? '',
      kind: from?.kind ?? 'curated',
      locale: from?.locale ?? this.me.value?.data?.locale ?? 'en',
      topics: new Set(from?.topics ?? this.suggestion?.topics ?? []),
      teams: new Set(from?.audience?.teams ?? []),
      roles: new Set(from?.audience?.roles ?? []),
      commentary: structuredClone(from?.suggestedCommentary ?? {}),
      hashtags: (from?.hashtags ?? []).join(' '),
      publishAt: from?.publishAt ?? null,
      expireAt: from?.expireAt ?? null,
      networks: new Set(from?.networks ?? []),
    };
  }

  /** The form as the contract's `PostInput`. */
  private input(status: 'draft' | 'published'): PostInput {
    const d = this.draft;
    const commentary: SuggestedCommentary = {};
    for (const [locale, byNetwork] of Object.entries(d.commentary)) {
      const kept = Object.fromEntries(Object.entries(byNetwork).filter(([, text]) => text?.trim()));
      if (Object.keys(kept).length > 0) commentary[locale] = kept;
    }
    return {
      kind: d.kind,
      title: d.title.trim(),
      summary: d.summary.trim(),
      url: d.url.trim(),
      imageUrl: d.imageUrl.trim() || null,
      ...(d.source.trim() ? { source: d.source.trim() } : {}),
      locale: d.locale,
      suggestedCommentary: commentary,
      hashtags: d.hashtags.split(/[\s,、]+/).map((tag) => tag.replace(/^[#＃]/, '')).filter(Boolean),
      topics: [...d.topics],
      audience: { teams: [...d.teams], roles: [...d.roles] },
      networks: [...d.networks],
      publishAt: d.publishAt,
      expireAt: d.expireAt,
      status,
    };
  }

  private get scheduling(): boolean {
    const at = this.draft.publishAt;
    return at !== null && Date.parse(at) > Date.now();
  }

  private set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this.draft = { ...this.draft, [key]: value };
    this.saved = null;
  }

  private setText(field: 'url' | 'title' | 'imageUrl' | 'source' | 'hashtags' | 'publishAt' | 'expireAt', value: string): void {
    if (field === 'publishAt' || field === 'expireAt') this.set(field, fromLocalInput(value, this.timeZone));
    else this.set(field, value);
  }

  private toggle<K extends 'topics' | 'teams' | 'roles' | 'networks'>(key: K, value: string): void {
    const next = new Set<string>(this.draft[key] as ReadonlySet<string>);
    if (!next.delete(value)) next.add(value);
    this.set(key, next as Draft[K]);
  }

  protected override render() {
    const t = this.t;
    const title = this.suggestion ? t.editorApproveTitle : this.post ? t.editorEditTitle : t.editorNewTitle;
    return html`<section aria-labelledby="heading">
      <div class="header"><h2 id="heading">${title}</h2></div>
      <form part="form" novalidate @submit=${(event: Event) => this.save(event, 'publish')}>
        ${this.formError ? html`<p class="notice error" role="alert"><strong>${this.errorMessage(this.formError)}</strong></p>` : nothing}
        <div class="columns">
          <div class="main">
            ${this.text('url', t.urlLabel, { type: 'url', required: true, placeholder: 'https://' })}
            ${this.client?.backend.admin.getLinkPreview
              ? html`<button type="button" class="fetch" ?disabled=${this.previewing} aria-busy=${this.previewing ? 'true' : 'false'} @click=${this.fillFromPage}>
                  ${this.previewing ? t.fetchingPreview : t.fetchPreview}
                </button>`
              : nothing}
            ${this.text('title', t.titleLabel, { required: true })}
            ${this.area('summary', t.summaryLabel)}
            ${this.text('imageUrl', t.imageLabel, { type: 'url', placeholder: 'https://' })}
            ${this.text('source', t.sourceLabel)}
          </div>
          ${this.renderPreview()}
        </div>
        ${this.renderChoices()} ${this.renderCommentary()}
        ${this.text('hashtags', t.hashtagsLabel, { hint: t.hashtagsHint })}
        <fieldset class="group">
          <legend>${t.scheduleHint(this.timeZone)}</legend>
          <div class="row">
            ${this.text('publishAt', t.publishAtLabel, { type: 'datetime-local' })}
            ${this.text('expireAt', t.expireAtLabel, { type: 'datetime-local' })}
          </div>
        </fieldset>
        ${this.checks('networks', t.networksLabel, ALLOWABLE, (id) => t.networkNames[id], t.networksHint)}
        ${this.renderActions()}
      </form>
    </section>`;
  }

  private errorFor(field: PostField) {
    const message = this.fieldErrors[field];
    return message ? html`<p id="${field}-error" class="field-error" part="field-error">${message}</p>` : nothing;
  }

  private describedBy(field: PostField, hint: boolean): string | typeof nothing {
    const ids = [this.fieldErrors[field] ? `${field}-error` : '', hint ? `${field}-hint` : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : nothing;
  }

  private text(
    field: 'url' | 'title' | 'imageUrl' | 'source' | 'hashtags' | 'publishAt' | 'expireAt',
    label: string,
    options: { type?: string; required?: boolean; placeholder?: string; hint?: string } = {},
  ) {
    const errorField: PostField = field === 'source' ? 'summary' : field;
    const invalid = field !== 'source' && Boolean(this.fieldErrors[errorField]);
    return html`<div class="field" part="field">
      <label for=${field}>${label}</label>
      <input
        id=${field}
        part="input"
        type=${options.type ?? 'text'}
        ?required=${options.required}
        aria-required=${options.required ? 'true' : nothing}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${field === 'source' ? nothing : this.describedBy(errorField, Boolean(options.hint))}
        placeholder=${options.placeholder ?? nothing}
        .value=${field === 'publishAt' || field === 'expireAt' ? toLocalInput(this.draft[field], this.timeZone) : this.draft[field]}
        @input=${(event: Event) => this.setText(field, (event.target as HTMLInputElement).value)}
      />
      ${options.hint ? html`<p id="${field}-hint" class="hint">${options.hint}</p>` : nothing}
      ${field === 'source' ? nothing : this.errorFor(field)}
    </div>`;
  }

  private area(field: 'summary', label: string) {
    return html`<div class="field" part="field">
      <label for=${field}>${label}</label>
      <textarea
        id=${field}
        part="input"
        rows="3"
        aria-invalid=${this.fieldErrors[field] ? 'true' : 'false'}
        aria-describedby=${this.describedBy(field, false)}
        .value=${this.draft[field]}
        @input=${(event: Event) => this.set(field, (event.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${this.errorFor(field)}
    </div>`;
  }

  private checks<V extends string>(
    key: 'topics' | 'teams' | 'roles' | 'networks',
    legend: string,
    values: readonly V[],
    label: (value: V) => string,
    hint?: string,
  ) {
    const errorField: PostField = key === 'teams' || key === 'roles' ? 'audience' : key;
    const selected = this.draft[key] as ReadonlySet<string>;
    return html`<fieldset
      class="chips"
      part="field"
      aria-invalid=${this.fieldErrors[errorField] ? 'true' : 'false'}
      aria-describedby=${this.describedBy(errorField, false)}
    >
      <legend>${legend}</legend>
      ${values.map(
        (value) => html`<label class="chip">
          <input type="checkbox" name=${key} value=${value} .checked=${selected.has(value)} @change=${() => this.toggle(key, value)} />${label(value)}
        </label>`,
      )}
      ${hint ? html`<p class="hint">${hint}</p>` : nothing}
      ${key === 'roles' ? nothing : this.errorFor(errorField)}
    </fieldset>`;
  }

  private renderChoices() {
    const t = this.t;
    const topics = this.topics.value?.data ?? [];
    const teams = this.teams.state.data ?? [];
    const teamName = new Map(teams.map((team) => [team.id, team.name]));
    return html`<fieldset class="chips" part="field" aria-invalid=${this.fieldErrors.kind ? 'true' : 'false'}>
        <legend>${t.kindLabel}</legend>
        ${CONTENT_KINDS.map(
          (kind) => html`<label class="chip">
            <input type="radio" name="kind" .checked=${this.draft.kind === kind} @change=${() => this.set('kind', kind)} />${t.kinds[kind]}
          </label>`,
        )}
        ${this.errorFor('kind')}
      </fieldset>
      <div class="field" part="field">
        <label for="locale">${t.localeLabel}</label>
        <select id="locale" part="input" .value=${this.draft.locale} @change=${(event: Event) => this.set('locale', (event.target as HTMLSelectElement).value)}>
          ${COMMENTARY_LOCALES.map((locale) => html`<option value=${locale} ?selected=${this.draft.locale === locale}>${t.localeNames[locale]}</option>`)}
        </select>
      </div>
      ${topics.length > 0 ? this.checks('topics', t.topicsLabel, topics.map((topic) => topic.id), (id) => localized(topics.find((topic) => topic.id === id)!.names, this.lang_)) : nothing}
      ${teams.length > 0 ? this.checks('teams', t.teamsLabel, teams.map((team) => team.id), (id) => teamName.get(id) ?? id, t.audienceHint) : nothing}
      ${this.checks('roles', t.rolesLabel, ROLES, (role) => t.roleNames[role])}`;
  }

  private renderCommentary() {
    const t = this.t;
    const allowed = [...this.draft.networks];
    return html`<fieldset class="group" aria-describedby=${this.describedBy('suggestedCommentary', false)}>
      <legend>${t.commentaryLabel}</legend>
      ${COMMENTARY_LOCALES.map((locale) => {
        const byNetwork = this.draft.commentary[locale] ?? {};
        const slots: Slot[] = ['default', ...ALLOWABLE.filter((id) => byNetwork[id] !== undefined)];
        const addable = (allowed.length > 0 ? allowed : ALLOWABLE).filter((id) => byNetwork[id] === undefined);
        const localeName = t.localeNames[locale];
        return html`<div class="commentary" part="commentary">
          <h3>${localeName}</h3>
          ${slots.map((slot) => this.renderSlot(locale, slot, byNetwork[slot] ?? '', allowed))}
          ${addable.length > 0
            ? html`<div class="add">
                <label class="visually-hidden" for="add-${locale}">${t.addNetworkTextFor(localeName)}</label>
                <select id="add-${locale}" part="input">
                  ${addable.map((id) => html`<option value=${id}>${t.networkNames[id]}</option>`)}
                </select>
                <button type="button" @click=${() => this.addSlot(locale)}>${t.addNetworkText}</button>
              </div>`
            : nothing}
        </div>`;
      })}
      ${this.errorFor('suggestedCommentary')}
    </fieldset>`;
  }

  private renderSlot(locale: string, slot: Slot, text: string, allowed: NetworkId[]) {
    const t = this.t;
    const own = Object.keys(this.draft.commentary[locale] ?? {}) as Slot[];
    const { network, limit } = commentaryLimit(slot, allowed, own);
    const used = countText(network, text);
    const over = limit !== null && used > limit;
    const id = `c-${locale}-${slot}`;
    const name = slot === 'default' ? t.commentaryDefault : t.networkNames[slot];
    return html`<div class="field slot">
      <label for=${id}>${name}</label>
      <textarea
        id=${id}
        part="input"
        rows="2"
        aria-invalid=${over ? 'true' : 'false'}
        aria-describedby="${id}-count"
        .value=${text}
        @input=${(event: Event) => this.setCommentary(locale, slot, (event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p id="${id}-count" class="counter ${over ? 'over' : ''}" part="counter">
        ${t.counter(used, limit)}${over ? html` <span>${t.overLimit}</span>` : nothing}
      </p>
      ${slot === 'default'
        ? nothing
        : html`<button type="button" class="link" aria-label=${t.removeNetworkText(name)} @click=${() => this.removeSlot(locale, slot)}>×</button>`}
    </div>`;
  }

  private setCommentary(locale: string, slot: Slot, text: string): void {
    this.set('commentary', { ...this.draft.commentary, [locale]: { ...this.draft.commentary[locale], [slot]: text } });
  }

  private async addSlot(locale: string): Promise<void> {
    const select = this.renderRoot.querySelector<HTMLSelectElement>(`#add-${locale}`);
    const network = select?.value as NetworkId | undefined;
    if (!network) return;
    this.setCommentary(locale, network, '');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#c-${locale}-${network}`)?.focus();
  }

  private removeSlot(locale: string, slot: NetworkId): void {
    const { [slot]: _removed, ...rest } = this.draft.commentary[locale] ?? {};
    this.set('commentary', { ...this.draft.commentary, [locale]: rest });
  }

  /** Asks the backend for the page's preview tags and fills the fields that are still empty. */
  private readonly fillFromPage = async (): Promise<void> => {
    const admin = this.client?.backend.admin;
    const url = this.draft.url.trim();
    if (!admin?.getLinkPreview || this.previewing) return;
    const error = validatePost({ ...this.input('draft'), title: 'x' }, this.t).url;
    this.fieldErrors = error ? { url: error } : {};
    this.saved = null;
    if (error) {
      await this.focusFirstInvalid();
      return;
    }
    this.previewing = true;
    try {
      const preview = await admin.getLinkPreview(url);
      const d = this.draft;
      this.draft = {
        ...d,
        title: d.title || (preview.title ?? ''),
        summary: d.summary || (preview.description ?? ''),
        imageUrl: d.imageUrl || (preview.imageUrl ?? ''),
        source: d.source || (preview.siteName ?? ''),
      };
      this.saved = preview.title || preview.description || preview.imageUrl ? this.t.previewFilled : this.t.previewEmpty;
    } catch (cause) {
      const failure = asAdvocacyError(cause);
      this.fieldErrors = { url: failure.fieldErrors.find((fieldError) => fieldError.field === 'url')?.message ?? this.errorMessage(failure) };
      await this.focusFirstInvalid();
    } finally {
      this.previewing = false;
    }
  };

  private renderPreview() {
    const d = this.draft;
    let host = '';
    try {
      host = new URL(d.url).hostname;
    } catch {
      host = '';
    }
    const image = /^https?:\/\//.test(d.imageUrl) && d.imageUrl !== this.brokenImage ? d.imageUrl : '';
    return html`<figure class="preview" part="preview" aria-label=${this.t.previewLabel}>
      ${image
        ? html`<img src=${image} alt="" loading="lazy" @error=${() => (this.brokenImage = image)} />`
        : html`<div class="placeholder" aria-hidden="true"></div>`}
      <figcaption>
        <span class="kind">${this.t.kinds[d.kind]}</span>
        <strong>${d.title || '—'}</strong>
        <span class="summary">${d.summary}</span>
        <span class="source">${d.source || host}</span>
      </figcaption>
    </figure>`;
  }

  private renderActions() {
    const t = this.t;
    const publishLabel = this.scheduling ? t.schedule : t.publish;
    const label = (action: Action, idle: string) => (this.busy === action ? t.saving : idle);
    return html`<div class="actions" part="actions">
        <button type="submit" class="primary" ?disabled=${this.busy !== null}>${label('publish', publishLabel)}</button>
        ${this.suggestion
          ? nothing
          : html`<button type="button" ?disabled=${this.busy !== null} @click=${(event: Event) => this.save(event, 'draft')}>${label('draft', t.saveDraft)}</button>`}
        ${this.post && this.post.status !== 'archived'
          ? html`<button type="button" class="danger" ?disabled=${this.busy !== null} @click=${this.archive}>${label('archive', t.archive)}</button>`
          : nothing}
      </div>
      <p class="status" part="status" role="status">${this.saved ?? ''}</p>`;
  }

  private async save(event: Event, action: 'draft' | 'publish'): Promise<void> {
    event.preventDefault();
    const client = this.client;
    if (!client || this.busy) return;
    const input = this.input(action === 'draft' ? 'draft' : 'published');
    this.formError = null;
    this.saved = null;
    this.fieldErrors = validatePost(input, this.t);
    if (Object.keys(this.fieldErrors).length > 0) {
      await this.focusFirstInvalid();
      return;
    }
    const scheduled = this.scheduling;
    await this.run(action, async () => {
      const admin = client.backend.admin;
      let suggestion: Suggestion | null = null;
      let post: Post;
      if (this.suggestion) {
        suggestion = await admin.reviewSuggestion(this.suggestion.id, { decision: 'approve', post: input });
        post = await client.backend.getPost(suggestion.postId!);
      } else {
        post = this.post ? await admin.updatePost(this.post.id, input) : await admin.createPost(input);
      }
      return { post, suggestion, message: action === 'draft' ? this.t.savedDraft : scheduled ? this.t.savedScheduled : this.t.savedPublished };
    });
  }

  private readonly archive = async (): Promise<void> => {
    const client = this.client;
    const current = this.post;
    if (!client || !current || this.busy) return;
    await this.run('archive', async () => ({ post: await client.backend.admin.archivePost(current.id), suggestion: null, message: this.t.archived }));
  };

  private async run(action: Action, write: () => Promise<{ post: Post; suggestion: Suggestion | null; message: string }>): Promise<void> {
    this.busy = action;
    try {
      const { post, suggestion, message } = await write();
      this.suggestion = null;
      this.post = post;
      this.saved = message;
      emit(this, 'advocacy-post-save', { post, suggestion });
    } catch (cause) {
      const error = asAdvocacyError(cause);
      const byField: Partial<Record<PostField, string>> = {};
      for (const fieldError of error.fieldErrors) {
        const field = fieldOf(fieldError.field);
        if (field && !byField[field]) byField[field] = fieldError.message;
      }
      this.fieldErrors = byField;
      if (Object.keys(byField).length > 0) {
        await this.focusFirstInvalid();
      } else {
        this.formError = error;
        emit(this, 'advocacy-error', { source: 'post-editor', error });
      }
    } finally {
      this.busy = null;
    }
  }

  private async focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>('[aria-invalid="true"]:is(input, textarea, select), fieldset[aria-invalid="true"] input, fieldset[aria-describedby~="suggestedCommentary-error"] textarea')
      ?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-post-editor': AdvocacyPostEditorElement;
  }
}

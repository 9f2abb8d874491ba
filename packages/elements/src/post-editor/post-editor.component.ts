import { html, nothing, type PropertyValues } from 'lit';
import type { AsyncState, Employee, Post, PostInput, Suggestion, Team, Topic } from '@advocacy-kit/core';
import {
  installHttpAdmin,
  type DraftOutcome,
  type PostDraftController,
  type PostDraftState,
  type PostField,
} from '@advocacy-kit/core/admin';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import * as adminEn from '../i18n/admin-en.js';
import * as adminJa from '../i18n/admin-ja.js';
import type { AdminStrings } from '../i18n/index.js';
import { StoreController } from '../internal/store-controller.js';
import { adminOf } from '../internal/admin.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import { fieldMessage, summaryField, textField, type FormContext } from './form.js';
import { audiencePicker, contentChoices, networksPicker } from './choices.js';
import { commentaryEditor } from './commentary-editor.js';
import { scheduleFieldset } from './schedule-fieldset.js';
import { postPreview } from './post-preview.js';
import { styles } from './post-editor.styles.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

type Strings = Pick<AdminStrings, 'adminCommon' | 'postEditor'>;

const strings = {
  en: { adminCommon: adminEn.adminCommon, postEditor: adminEn.postEditor },
  ja: { adminCommon: adminJa.adminCommon, postEditor: adminJa.postEditor },
};

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
export class AdvocacyPostEditorElement extends AdvocacyElement<Strings> {
  static override styles = styles;

  static override properties = {
    post: { attribute: false },
    prefill: { attribute: false },
    suggestion: { attribute: false },
    brokenImage: { state: true, attribute: false },
  };

  /** The post to edit; `null` (default) starts a new one. Updated after each save. */
  declare post: Post | null;
  /** Values a new post starts from (a suggestion's link and note, a copied post). */
  declare prefill: Partial<PostInput> | null;
  /** A pending suggestion: saving approves it, and its post is created from the form. */
  declare suggestion: Suggestion | null;
  /** An image address that failed to load: the preview shows the placeholder instead. */
  declare private brokenImage: string;

  /** The draft model (core's), made for the client in force. */
  private controller: PostDraftController | undefined;
  /** The admin's language the draft was last seeded with. */
  private seededLocale: string | undefined;
  private controllerClient: unknown;
  private readonly draft = new StoreController<PostDraftState>(this, () => this.controller?.store);
  private readonly topics = new StoreController<AsyncState<Topic[]>>(this, () => this.client?.topics.store);
  private readonly me = new StoreController<AsyncState<Employee>>(this, () => this.client?.me.store);
  private readonly teams = new StoreController<AsyncState<Team[]>>(this, () =>
    this.client ? adminOf(this.client).teams.store : undefined,
  );

  constructor() {
    super(strings);
    this.post = null;
    this.prefill = null;
    this.suggestion = null;
    this.brokenImage = '';
  }

  /** The admin's time zone (their profile's, else the browser's): the schedule is typed in it. */
  get timeZone(): string {
    return this.me.value?.data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const source = {
      post: this.post,
      suggestion: this.suggestion,
      prefill: this.post ? null : this.prefill,
      locale: this.me.value?.data?.locale,
    };
    const seededLocale = this.seededLocale;
    this.seededLocale = source.locale;
    if (this.client !== this.controllerClient) {
      this.controllerClient = this.client;
      this.controller = this.client ? adminOf(this.client).createDraft(source) : undefined;
      return;
    }
    const state = this.controller?.store.get();
    // A save sets `post` (and clears `suggestion`) to what the draft already holds: nothing to load.
    const same = state && state.post === this.post && state.suggestion === this.suggestion && !changed.has('prefill');
    if ((changed.has('post') || changed.has('prefill') || changed.has('suggestion')) && !same) this.controller?.load(source);
    // The admin's own language arrived after the draft began: an untouched new post takes it, so
    // a Japanese admin's post reaches Japanese employees, whose feed lists their language first.
    else if (source.locale !== seededLocale && state && !state.dirty && !state.post && !state.suggestion) this.controller?.load(source);
  }

  private context(state: PostDraftState): FormContext {
    const t = this.t.postEditor;
    const errors: FormContext['errors'] = {};
    for (const [field, error] of Object.entries(state.errors)) {
      if (error) errors[field as PostField] = fieldMessage(field as PostField, error, t, (failure) => this.errorMessage(failure));
    }
    return {
      t: { ...this.t.adminCommon, ...t },
      draft: state.draft,
      errors,
      controller: this.controller!,
      lang: this.lang_,
      timeZone: this.timeZone,
    };
  }

  protected override render() {
    const t = this.t.postEditor;
    const state = this.draft.value;
    const title = this.suggestion ? t.approveTitle : this.post ? t.editTitle : t.newTitle;
    if (!state || !this.controller)
      return html`<section aria-labelledby="heading"><div class="header"><h2 id="heading">${title}</h2></div></section>`;
    const context = this.context(state);
    const previewing = state.busy === 'preview';
    return html`<section aria-labelledby="heading">
      <div class="header"><h2 id="heading">${title}</h2></div>
      <form part="form" novalidate @submit=${(event: Event) => this.save(event, 'published')}>
        ${state.error ? html`<p class="notice error" role="alert"><strong>${this.errorMessage(state.error)}</strong></p>` : nothing}
        <div class="columns">
          <div class="main">
            ${textField(context, 'url', t.urlLabel, { type: 'url', required: true, placeholder: 'https://' })}
            ${
              this.controller.canPreview
                ? html`<button type="button" class="fetch" ?disabled=${previewing} aria-busy=${previewing ? 'true' : 'false'} @click=${this.fillFromPage}>
                  ${previewing ? t.fetchingPreview : t.fetchPreview}
                </button>`
                : nothing
            }
            ${textField(context, 'title', t.titleLabel, { required: true })} ${summaryField(context)}
            ${textField(context, 'imageUrl', t.imageLabel, { type: 'url', placeholder: 'https://' })} ${textField(context, 'source', t.sourceLabel)}
          </div>
          ${postPreview(context, this.brokenImage, (image) => (this.brokenImage = image))}
        </div>
        ${contentChoices(context, this.topics.value?.data ?? [])} ${audiencePicker(context, this.teams.value?.data ?? [])}
        ${commentaryEditor(context, (selector) => void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus()))}
        ${textField(context, 'hashtags', t.hashtagsLabel, { hint: t.hashtagsHint })} ${scheduleFieldset(context)} ${networksPicker(context)}
        ${this.renderActions(state)}
      </form>
    </section>`;
  }

  private renderActions(state: PostDraftState) {
    const t = this.t.postEditor;
    const at = state.draft.publishAt;
    const publishLabel = at !== null && Date.parse(at) > Date.now() ? t.schedule : t.publish;
    const busy = state.busy !== null && state.busy !== 'preview';
    const label = (action: PostDraftState['busy'], idle: string) => (state.busy === action ? t.saving : idle);
    const said: Record<DraftOutcome, string> = {
      draft: t.savedDraft,
      scheduled: t.savedScheduled,
      published: t.savedPublished,
      archived: t.archived,
      'preview-filled': t.previewFilled,
      'preview-empty': t.previewEmpty,
    };
    return html`<div class="actions" part="actions">
        <button type="submit" class="primary" ?disabled=${busy}>${label('publish', publishLabel)}</button>
        ${
          this.suggestion
            ? nothing
            : html`<button type="button" ?disabled=${busy} @click=${(event: Event) => this.save(event, 'draft')}>${label('draft', t.saveDraft)}</button>`
        }
        ${
          this.post && this.post.status !== 'archived'
            ? html`<button type="button" class="danger" ?disabled=${busy} @click=${this.archive}>${label('archive', t.archive)}</button>`
            : nothing
        }
      </div>
      <p class="status" part="status" role="status">${state.outcome ? said[state.outcome] : ''}</p>`;
  }

  /** Asks the backend for the page's preview tags and fills the fields that are still empty. */
  private readonly fillFromPage = async (): Promise<void> => {
    await this.controller?.fillFromLink();
    if (this.controller?.store.get().errors.url) await this.focusFirstInvalid();
  };

  private async save(event: Event, status: 'draft' | 'published'): Promise<void> {
    event.preventDefault();
    const controller = this.controller;
    if (!controller || controller.store.get().busy) return;
    await this.settle(() => controller.save(status));
  }

  private readonly archive = async (): Promise<void> => {
    const controller = this.controller;
    if (controller && !controller.store.get().busy) await this.settle(() => controller.archive());
  };

  /** Runs a save or an archive: tells the host what was saved, or points at what to fix. */
  private async settle(write: () => Promise<{ post: Post; suggestion: Suggestion | null } | null>): Promise<void> {
    try {
      const result = await write();
      if (result) {
        this.suggestion = null;
        this.post = result.post;
        emit(this, 'advocacy-post-save', result);
      } else {
        await this.focusFirstInvalid();
      }
    } catch (cause) {
      emit(this, 'advocacy-error', { source: 'post-editor', error: asAdvocacyError(cause) });
    }
  }

  private async focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(
        '[aria-invalid="true"]:is(input, textarea, select), fieldset[aria-invalid="true"] input, fieldset[aria-describedby~="suggestedCommentary-error"] textarea',
      )
      ?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-post-editor': AdvocacyPostEditorElement;
  }
}

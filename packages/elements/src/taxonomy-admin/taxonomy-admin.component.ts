import { html, nothing } from 'lit';
import type { AdminTeam, AdminTopic, LocalizedText } from '@advocacy-kit/core';
import { installHttpAdmin, type TaxonomyController, type TaxonomyState } from '@advocacy-kit/core/admin';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import * as adminEn from '../i18n/admin-en.js';
import * as adminJa from '../i18n/admin-ja.js';
import type { AdminStrings } from '../i18n/index.js';
import { StoreController } from '../internal/store-controller.js';
import { peopleOf } from '../internal/people.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import { localized } from '../internal/topics.js';
import { styles } from './taxonomy-admin.styles.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

type Strings = Pick<AdminStrings, 'taxonomyAdmin'>;
type Item = AdminTopic | AdminTeam;
type Kind = 'topics' | 'teams';

const strings = {
  en: { taxonomyAdmin: adminEn.taxonomyAdmin },
  ja: { taxonomyAdmin: adminJa.taxonomyAdmin },
};

/** The languages names are edited in; a name in another language (from the API) is kept as it is. */
const LANGUAGES = ['en', 'ja'] as const;

/**
 * @tag advocacy-taxonomy-admin
 * @summary The program's topics (`kind="topics"`, the default) or teams (`kind="teams"`) for
 * their admin: add one with a name per language, rename, move up or down, archive and restore.
 * Archived ones leave every employee list and picker; posts, shares and results keep them. Names
 * are shown as text, never as HTML.
 *
 * @event advocacy-people-change - A topic or team was added or changed. `detail: { kind, action, id }`.
 * @event advocacy-error - Loading or a change failed. `detail: { source: 'topics' | 'teams', error }`.
 *
 * @csspart add-form - The form that adds one.
 * @csspart list - The list, in the order employees see it.
 * @csspart item - One topic or team.
 * @csspart archived - The "Archived" badge.
 * @csspart status - What the last change did.
 * @csspart state - Loading, empty and error states.
 *
 * @cssproperty --advocacy-color-accent - Buttons.
 * @cssproperty --advocacy-color-danger - Errors.
 * @cssproperty --advocacy-color-surface - Panel background.
 */
export class AdvocacyTaxonomyAdminElement extends AdvocacyElement<Strings> {
  static override styles = styles;

  static override properties = {
    kind: { reflect: true },
    editing: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    nameError: { state: true, attribute: false },
  };

  /** `topics` or `teams`. */
  declare kind: Kind;
  /** The id whose names are being edited. */
  declare private editing: string | null;
  declare private notice: string;
  declare private nameError: string;

  private readonly list = new StoreController<TaxonomyState<Item>>(
    this,
    () => this.controller()?.store,
    (state, previous) => {
      if (previous && state.status === 'error' && previous.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: this.kindOf(), error: state.error });
      }
    },
  );

  constructor() {
    super(strings);
    this.kind = 'topics';
    this.editing = null;
    this.notice = '';
    this.nameError = '';
  }

  /** Loads the list again. */
  refresh(): Promise<void> {
    return this.controller()?.refresh() ?? Promise.resolve();
  }

  private kindOf(): Kind {
    return this.kind === 'teams' ? 'teams' : 'topics';
  }

  private controller(): TaxonomyController<Item> | undefined {
    if (!this.client) return undefined;
    const people = peopleOf(this.client);
    return this.kindOf() === 'teams' ? people.teams : people.topics;
  }

  private nameOf(item: Item): string {
    return localized(item.names, this.lang_) || item.id;
  }

  protected override render() {
    const t = this.t.taxonomyAdmin;
    const kind = this.kindOf();
    return html`<section aria-labelledby="heading">
      <div class="header"><h2 id="heading">${t.title[kind]}</h2></div>
      <p class="intro">${t.intro[kind]}</p>
      ${this.renderAdd()}
      <p class="status" part="status" role="status">${this.notice}</p>
      ${this.renderBody()}
    </section>`;
  }

  private renderNames(prefix: string, names: LocalizedText, error: string, describedBy: string) {
    const t = this.t.taxonomyAdmin;
    return html`<div class="names">
      ${LANGUAGES.map(
        (language) => html`<div class="field">
          <label for="${prefix}-${language}">${t.nameIn(t.languages[language])}</label>
          <input
            id="${prefix}-${language}"
            name=${language}
            lang=${language}
            maxlength="100"
            .value=${names[language] ?? ''}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
          />
        </div>`,
      )}
    </div>`;
  }

  private renderAdd() {
    const t = this.t.taxonomyAdmin;
    const kind = this.kindOf();
    const busy = Boolean(this.list.value?.busy['']);
    const failure = this.list.value?.errors[''];
    const error = this.nameError || (failure ? this.errorMessage(failure) : '');
    return html`<form class="add" part="add-form" aria-labelledby="add-heading" @submit=${this.onAdd}>
      <h3 id="add-heading">${t.addTitle[kind]}</h3>
      ${this.renderNames('new', {}, error, error ? 'new-hint new-error' : 'new-hint')}
      <p id="new-hint" class="hint">${t.nameHint}</p>
      ${error ? html`<p id="new-error" class="field-error">${error}</p>` : nothing}
      <div><button class="primary" ?disabled=${busy}>${t.add}</button></div>
    </form>`;
  }

  private renderBody() {
    const t = this.t.taxonomyAdmin;
    const kind = this.kindOf();
    const state = this.list.value;
    if (state?.status === 'error' && state.items.length === 0) {
      return html`<div class="state" part="state" role="alert">
        <strong>${t.errorTitle[kind]}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    if (!state || state.status === 'idle' || (state.status === 'loading' && state.items.length === 0)) {
      return html`<div class="state" part="state" aria-busy="true">
        <span class="visually-hidden">${this.common.loading}</span>
        ${[0, 1, 2].map(() => html`<span class="skeleton" aria-hidden="true"></span>`)}
      </div>`;
    }
    if (state.items.length === 0) return html`<div class="state" part="state"><p>${t.empty[kind]}</p></div>`;
    return html`<ol class="list" part="list" aria-labelledby="heading">
      ${state.items.map((item, index) => this.renderItem(item, index, state))}
    </ol>`;
  }

  private renderItem(item: Item, index: number, state: TaxonomyState<Item>) {
    const t = this.t.taxonomyAdmin;
    const name = this.nameOf(item);
    const busy = Boolean(state.busy[item.id]);
    const failure = state.errors[item.id];
    if (this.editing === item.id) {
      const error = this.nameError || (failure ? this.errorMessage(failure) : '');
      return html`<li class="item editing" part="item">
        <form aria-label=${t.renameItem(name)} @submit=${(event: SubmitEvent) => this.onRename(event, item)} @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.stopEditing(item.id)}>
          ${this.renderNames(`edit-${item.id}`, item.names, error, error ? `edit-${item.id}-error` : '')}
          ${error ? html`<p id="edit-${item.id}-error" class="field-error">${error}</p>` : nothing}
          <div class="actions">
            <button class="primary" ?disabled=${busy}>${t.save}</button>
            <button type="button" @click=${() => this.stopEditing(item.id)}>${t.cancel}</button>
          </div>
        </form>
      </li>`;
    }
    const archived = item.archivedAt !== null;
    return html`<li class="item ${archived ? 'is-archived' : ''}" part="item" data-id=${item.id}>
      <span class="name">${name}</span>
      ${archived ? html`<span class="badge" part="archived">${t.archived}</span>` : nothing}
      ${failure ? html`<p class="field-error" role="alert">${this.errorMessage(failure)}</p>` : nothing}
      <div class="actions">
        <button data-action="up" aria-label=${t.moveUp(name)} ?disabled=${busy || index === 0} @click=${() => this.move(item, -1)}>↑</button>
        <button data-action="down" aria-label=${t.moveDown(name)} ?disabled=${busy || index === state.items.length - 1} @click=${() => this.move(item, 1)}>↓</button>
        <button data-action="rename" aria-label=${t.renameItem(name)} ?disabled=${busy} @click=${() => this.startEditing(item.id)}>${t.rename}</button>
        ${
          archived
            ? html`<button data-action="restore" aria-label=${t.restoreItem(name)} ?disabled=${busy} @click=${() => this.setArchived(item, false)}>${t.restore}</button>`
            : html`<button data-action="archive" aria-label=${t.archiveItem(name)} ?disabled=${busy} @click=${() => this.setArchived(item, true)}>${t.archive}</button>`
        }
      </div>
    </li>`;
  }

  /** Names typed in a form: the edited languages, over the names it had in others. */
  private namesFrom(form: HTMLFormElement, kept: LocalizedText = {}): LocalizedText | null {
    const names: LocalizedText = { ...kept };
    for (const language of LANGUAGES) {
      const value = (form.elements.namedItem(language) as HTMLInputElement).value.trim();
      if (value) names[language] = value;
      else delete names[language];
    }
    return Object.keys(names).length === 0 ? null : names;
  }

  private async focusField(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private readonly onAdd = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const controller = this.controller();
    if (!controller) return;
    const names = this.namesFrom(form);
    this.nameError = '';
    if (names === null) {
      this.nameError = this.t.taxonomyAdmin.nameRequired;
      return this.focusField('#new-en');
    }
    try {
      const item = await controller.create({ names });
      form.reset();
      this.notice = this.t.taxonomyAdmin.added(this.nameOf(item));
      this.changed('create', item.id);
      await this.focusField('#new-en');
    } catch (cause) {
      emit(this, 'advocacy-error', { source: this.kindOf(), error: asAdvocacyError(cause) });
      await this.focusField('#new-en');
    }
  };

  private async startEditing(id: string): Promise<void> {
    this.nameError = '';
    this.editing = id;
    await this.focusField(`#edit-${CSS.escape(id)}-en`);
  }

  private async stopEditing(id: string): Promise<void> {
    this.editing = null;
    this.nameError = '';
    await this.focusField(`[data-id="${CSS.escape(id)}"] [data-action="rename"]`);
  }

  private async onRename(event: SubmitEvent, item: Item): Promise<void> {
    event.preventDefault();
    const controller = this.controller();
    if (!controller) return;
    const others = Object.fromEntries(
      Object.entries(item.names).filter(([language]) => !(LANGUAGES as readonly string[]).includes(language)),
    );
    const names = this.namesFrom(event.currentTarget as HTMLFormElement, others);
    if (names === null) {
      this.nameError = this.t.taxonomyAdmin.nameRequired;
      return this.focusField(`#edit-${CSS.escape(item.id)}-en`);
    }
    try {
      const renamed = await controller.rename(item.id, names);
      this.notice = this.t.taxonomyAdmin.renamed(this.nameOf(renamed));
      this.changed('rename', item.id);
      await this.stopEditing(item.id);
    } catch (cause) {
      emit(this, 'advocacy-error', { source: this.kindOf(), error: asAdvocacyError(cause) });
    }
  }

  private async move(item: Item, by: -1 | 1): Promise<void> {
    const controller = this.controller();
    if (!controller) return;
    try {
      await controller.move(item.id, by);
      const items = controller.store.get().items;
      const position = items.findIndex((other) => other.id === item.id) + 1;
      this.notice = this.t.taxonomyAdmin.moved(this.nameOf(item), position, items.length);
      this.changed('move', item.id);
      // Keep the keyboard on the moved item: the same arrow, or the other one once it reaches an end.
      const atEnd = by === -1 ? position === 1 : position === items.length;
      const action = (by === -1) !== atEnd ? 'up' : 'down';
      await this.focusField(`[data-id="${CSS.escape(item.id)}"] [data-action="${action}"]`);
    } catch (cause) {
      emit(this, 'advocacy-error', { source: this.kindOf(), error: asAdvocacyError(cause) });
    }
  }

  private async setArchived(item: Item, archived: boolean): Promise<void> {
    const controller = this.controller();
    if (!controller) return;
    const t = this.t.taxonomyAdmin;
    try {
      const changed = archived ? await controller.archive(item.id) : await controller.restore(item.id);
      this.notice = archived ? t.archivedNotice(this.nameOf(changed)) : t.restored(this.nameOf(changed));
      this.changed(archived ? 'archive' : 'restore', item.id);
      await this.focusField(`[data-id="${CSS.escape(item.id)}"] [data-action="${archived ? 'restore' : 'archive'}"]`);
    } catch (cause) {
      emit(this, 'advocacy-error', { source: this.kindOf(), error: asAdvocacyError(cause) });
    }
  }

  private changed(action: string, id: string): void {
    emit(this, 'advocacy-people-change', { kind: this.kindOf() === 'teams' ? 'team' : 'topic', action, id });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-taxonomy-admin': AdvocacyTaxonomyAdminElement;
  }
}

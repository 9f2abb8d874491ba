import { html, nothing } from 'lit';
import type { AdminEmployee, AdminTeam, EmployeeStatus, Role } from '@advocacy-kit/core';
import { installHttpAdmin, type DirectoryController, type DirectoryState, type TaxonomyState } from '@advocacy-kit/core/admin';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import * as adminEn from '../i18n/admin-en.js';
import * as adminJa from '../i18n/admin-ja.js';
import type { AdminStrings } from '../i18n/index.js';
import { StoreController } from '../internal/store-controller.js';
import { peopleOf } from '../internal/people.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import { relativeTime } from '../internal/format.js';
import { localized } from '../internal/topics.js';
import { styles } from './directory.styles.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

type Strings = Pick<AdminStrings, 'directory'>;

const strings = {
  en: { directory: adminEn.directory },
  ja: { directory: adminJa.directory },
};

const ROLES: readonly Role[] = ['employee', 'admin'];
const STATUSES: readonly EmployeeStatus[] = ['active', 'deactivated'];
/** Languages offered as a filter; the directory matches a language and its regional tags (`ja` finds `ja-JP`). */
const LANGUAGES = ['en', 'ja'] as const;

/**
 * @tag advocacy-directory
 * @summary The program's employee directory for its admins: search by name, email or id, filter
 * by team, role, status and language, and page through. Each row shows name, email, team, role,
 * language, time zone, status and last activity; an admin changes a role or team in place (the
 * choice waits for the row's Save, so arrowing through a list with the keyboard changes nothing)
 * and deactivates a leaver (after confirming) or reactivates them.
 *
 * @event advocacy-people-change - An employee was changed. `detail: { kind: 'employee', action, id }`.
 * @event advocacy-error - Loading or a change failed. `detail: { source: 'directory', error }`.
 *
 * @csspart filters - The search and filter form.
 * @csspart table - The table of employees.
 * @csspart row - One employee.
 * @csspart membership - Reserved for the employee's pilot membership (empty here).
 * @csspart deactivate-button - Deactivates an employee (asks first).
 * @csspart reactivate-button - Reactivates a deactivated employee.
 * @csspart status - What the last change did.
 * @csspart state - Loading, empty and error states.
 *
 * @cssproperty --advocacy-color-accent - Buttons.
 * @cssproperty --advocacy-color-danger - Errors and Deactivate.
 * @cssproperty --advocacy-color-surface - Panel background.
 */
export class AdvocacyDirectoryElement extends AdvocacyElement<Strings> {
  static override styles = styles;

  static override properties = {
    confirming: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    edits: { state: true, attribute: false },
  };

  /** The employee whose deactivation waits for confirmation. */
  declare private confirming: string | null;
  declare private notice: string;
  /**
   * Team and role choices not saved yet, per employee. A select changes nothing until Save: with
   * the keyboard, each arrow key fires `change`, and one press must not move someone or make them
   * an admin.
   */
  declare private edits: Record<string, { team?: string; role?: Role }>;

  private readonly list = new StoreController<DirectoryState>(
    this,
    () => this.directory()?.store,
    (state, previous) => {
      if (previous && state.status === 'error' && previous.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'directory', error: state.error });
      }
    },
  );
  private readonly teams = new StoreController<TaxonomyState<AdminTeam>>(this, () =>
    this.client ? peopleOf(this.client).teams.store : undefined,
  );

  constructor() {
    super(strings);
    this.confirming = null;
    this.notice = '';
    this.edits = {};
  }

  /** Loads the first page again. */
  refresh(): Promise<void> {
    return this.directory()?.refresh() ?? Promise.resolve();
  }

  private directory(): DirectoryController | undefined {
    return this.client ? peopleOf(this.client).directory : undefined;
  }

  private teamName(team: AdminTeam): string {
    return localized(team.names, this.lang_) || team.name;
  }

  protected override render() {
    const state = this.list.value;
    return html`<section aria-labelledby="heading">
      <div class="header"><h2 id="heading">${this.t.directory.title}</h2></div>
      ${this.renderFilters()}
      <p class="status" part="status" role="status">${this.notice}</p>
      ${state?.error && state.items.length > 0 ? html`<p class="notice error" role="alert">${this.errorMessage(state.error)}</p>` : nothing}
      ${this.renderBody()}
    </section>`;
  }

  private renderFilters() {
    const t = this.t.directory;
    const filters = this.list.value?.filters ?? {};
    const teams = this.teams.value?.items ?? [];
    const select = (id: string, label: string, current: string, all: string, options: Array<[string, string]>) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} name=${id} @change=${this.onFilter}>
          <option value="" ?selected=${current === ''}>${all}</option>
          ${options.map(([value, text]) => html`<option value=${value} ?selected=${current === value}>${text}</option>`)}
        </select>
      </div>`;
    return html`<form class="filters" part="filters" role="search" aria-label=${t.title} @submit=${this.onSearch}>
      <div class="field grow">
        <label for="q">${t.searchLabel}</label>
        <div class="search">
          <input id="q" name="q" type="search" aria-describedby="q-hint" .value=${filters.q ?? ''} />
          <button class="primary">${t.search}</button>
        </div>
        <p id="q-hint" class="hint">${t.searchHint}</p>
      </div>
      ${select(
        'team',
        t.teamFilter,
        filters.team ?? '',
        t.allTeams,
        teams.map((team) => [team.id, this.teamName(team)]),
      )}
      ${select(
        'role',
        t.roleFilter,
        filters.role ?? '',
        t.allRoles,
        ROLES.map((role) => [role, t.roles[role]]),
      )}
      ${select(
        'status',
        t.statusFilter,
        filters.status ?? '',
        t.allStatuses,
        STATUSES.map((status) => [status, t.statuses[status]]),
      )}
      ${select(
        'language',
        t.languageFilter,
        filters.language ?? '',
        t.allLanguages,
        LANGUAGES.map((language) => [language, this.languageName(language)]),
      )}
    </form>`;
  }

  private languageName(tag: string): string {
    try {
      return new Intl.DisplayNames([this.lang_], { type: 'language' }).of(tag) ?? tag;
    } catch {
      return tag;
    }
  }

  private renderBody() {
    const t = this.t.directory;
    const state = this.list.value;
    if (state?.status === 'error' && state.items.length === 0) {
      return html`<div class="state" part="state" role="alert">
        <strong>${t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    if (!state || state.status === 'idle' || state.status === 'loading') {
      return html`<div class="state" part="state" aria-busy="true">
        <span class="visually-hidden">${this.common.loading}</span>
        ${[0, 1, 2, 3].map(() => html`<span class="skeleton" aria-hidden="true"></span>`)}
      </div>`;
    }
    if (state.items.length === 0) return html`<div class="state" part="state"><p>${t.empty}</p></div>`;
    return html`<div class="scroll">
        <table part="table" aria-labelledby="heading">
          <thead>
            <tr>
              <th scope="col">${t.colName}</th>
              <th scope="col">${t.colTeam}</th>
              <th scope="col">${t.colRole}</th>
              <th scope="col">${t.colLanguage}</th>
              <th scope="col">${t.colTimeZone}</th>
              <th scope="col">${t.colStatus}</th>
              <th scope="col">${t.colLastActive}</th>
              <th scope="col">${t.colActions}</th>
            </tr>
          </thead>
          <tbody>
            ${state.items.map((employee) => this.renderRow(employee, state))}
          </tbody>
        </table>
      </div>
      ${
        state.hasMore
          ? html`<div class="footer">
              <button ?disabled=${state.loadingMore} aria-busy=${state.loadingMore ? 'true' : 'false'} @click=${this.onLoadMore}>${t.loadMore}</button>
            </div>`
          : nothing
      }`;
  }

  private renderRow(employee: AdminEmployee, state: DirectoryState) {
    const t = this.t.directory;
    const name = employee.displayName;
    const busy = Boolean(state.busy[employee.id]);
    const failure = state.errors[employee.id];
    const teams = (this.teams.value?.items ?? []).filter((team) => team.archivedAt === null || team.id === employee.team);
    const known = teams.some((team) => team.id === employee.team);
    const id = CSS.escape(employee.id);
    const deactivated = employee.status === 'deactivated';
    const edit = this.edits[employee.id];
    const team = edit?.team ?? employee.team;
    const role = edit?.role ?? employee.role;
    return html`<tr part="row" data-id=${employee.id} class=${deactivated ? 'is-deactivated' : ''}>
      <th scope="row">
        <span class="name">${name}</span>
        ${employee.email ? html`<span class="email">${employee.email}</span>` : nothing}
        <span class="membership" part="membership">${this.renderMembership(employee)}</span>
      </th>
      <td>
        <select aria-label=${t.teamOf(name)} data-field="team" ?disabled=${busy} @change=${(event: Event) => this.stage(employee, { team: (event.target as HTMLSelectElement).value })}>
          ${known ? nothing : html`<option value=${employee.team} ?selected=${team === employee.team}>${employee.teamName}</option>`}
          ${teams.map((option) => html`<option value=${option.id} ?selected=${option.id === team}>${this.teamName(option)}</option>`)}
        </select>
      </td>
      <td>
        <select aria-label=${t.roleOf(name)} data-field="role" ?disabled=${busy} @change=${(event: Event) => this.stage(employee, { role: (event.target as HTMLSelectElement).value as Role })}>
          ${ROLES.map((option) => html`<option value=${option} ?selected=${option === role}>${t.roles[option]}</option>`)}
        </select>
      </td>
      <td>${this.languageName(employee.locale)}</td>
      <td>${employee.timeZone}</td>
      <td><span class="pill ${employee.status}">${t.statuses[employee.status]}</span></td>
      <td>${employee.lastActiveAt ? relativeTime(employee.lastActiveAt, this.lang_) : t.never}</td>
      <td>
        ${
          edit
            ? html`<div class="edit">
                <button class="primary" data-action="save" aria-label=${t.saveWho(name)} ?disabled=${busy} @click=${() => this.save(employee)}>${t.save}</button>
                <button data-action="undo" aria-label=${t.undoWho(name)} ?disabled=${busy} @click=${() => this.undo(employee)}>${t.undo}</button>
              </div>`
            : nothing
        }
        ${
          this.confirming === employee.id
            ? html`<div class="confirm" role="group" aria-labelledby="confirm-${id}">
                <p id="confirm-${id}">${t.confirmDeactivate(name)}</p>
                <button class="danger" data-action="confirm" ?disabled=${busy} @click=${() => this.setStatus(employee, 'deactivated')}>${t.confirm}</button>
                <button data-action="cancel" @click=${() => this.cancelConfirm(employee.id)} @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.cancelConfirm(employee.id)}>${t.cancel}</button>
              </div>`
            : deactivated
              ? html`<button part="reactivate-button" data-action="reactivate" aria-label=${t.reactivateWho(name)} ?disabled=${busy} @click=${() => this.setStatus(employee, 'active')}>${t.reactivate}</button>`
              : html`<button part="deactivate-button" data-action="deactivate" aria-label=${t.deactivateWho(name)} ?disabled=${busy} @click=${() => this.askConfirm(employee.id)}>${t.deactivate}</button>`
        }
        ${failure ? html`<p class="field-error" role="alert">${failure.fieldErrors[0]?.message ?? this.errorMessage(failure)}</p>` : nothing}
      </td>
    </tr>`;
  }

  /**
   * The employee's pilot membership (invited, joined) beside their name; nothing here. A
   * subclass or a later version fills it in.
   */
  protected renderMembership(_employee: AdminEmployee): unknown {
    return nothing;
  }

  private readonly onSearch = (event: SubmitEvent): void => {
    event.preventDefault();
    this.applyFilters(event.currentTarget as HTMLFormElement);
  };

  private readonly onFilter = (event: Event): void => {
    this.applyFilters((event.target as HTMLSelectElement).form!);
  };

  private applyFilters(form: HTMLFormElement): void {
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim() || undefined;
    this.directory()?.setFilters({
      q: value('q'),
      team: value('team'),
      role: value('role') as Role | undefined,
      status: value('status') as EmployeeStatus | undefined,
      language: value('language'),
    });
  }

  private readonly onLoadMore = async (): Promise<void> => {
    const before = this.list.value?.items.length ?? 0;
    await this.directory()?.loadMore();
    await this.updateComplete;
    // Keep the keyboard where the new rows begin.
    this.renderRoot.querySelectorAll<HTMLElement>('tbody tr')[before]?.querySelector<HTMLElement>('select')?.focus();
  };

  /** Keeps a team or role choice until Save; choosing the stored value again drops it. */
  private stage(employee: AdminEmployee, patch: { team?: string; role?: Role }): void {
    const edit = { ...this.edits[employee.id], ...patch };
    if (edit.team === employee.team) delete edit.team;
    if (edit.role === employee.role) delete edit.role;
    const { [employee.id]: _previous, ...others } = this.edits;
    this.edits = Object.keys(edit).length > 0 ? { ...others, [employee.id]: edit } : others;
  }

  private async undo(employee: AdminEmployee): Promise<void> {
    const { [employee.id]: _undone, ...others } = this.edits;
    this.edits = others;
    await this.updateComplete;
    // A select the user changed keeps its choice whatever the options say: put the stored ones back.
    const row = this.renderRoot.querySelector(`tr[data-id="${CSS.escape(employee.id)}"]`);
    const team = row?.querySelector<HTMLSelectElement>('select[data-field="team"]');
    const role = row?.querySelector<HTMLSelectElement>('select[data-field="role"]');
    if (team) team.value = employee.team;
    if (role) role.value = employee.role;
    team?.focus();
  }

  private async save(employee: AdminEmployee): Promise<void> {
    const patch = this.edits[employee.id];
    if (!patch) return;
    await this.change(employee, patch);
    const { [employee.id]: _saved, ...others } = this.edits;
    this.edits = others;
    await this.updateComplete;
    // The Save button is gone: the keyboard goes back to the row's first choice.
    this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(employee.id)}"] select[data-field="team"]`)?.focus();
  }

  private async change(employee: AdminEmployee, patch: { team?: string; role?: Role }): Promise<void> {
    const directory = this.directory();
    if (!directory) return;
    try {
      await directory.update(employee.id, patch);
      this.notice = this.t.directory.changed(employee.displayName);
      emit(this, 'advocacy-people-change', { kind: 'employee', action: 'update', id: employee.id });
    } catch (cause) {
      emit(this, 'advocacy-error', { source: 'directory', error: asAdvocacyError(cause) });
      // The select shows the stored value again.
      this.requestUpdate();
      await this.updateComplete;
      const select = this.renderRoot.querySelector<HTMLSelectElement>(
        `tr[data-id="${CSS.escape(employee.id)}"] select[data-field="${patch.team ? 'team' : 'role'}"]`,
      );
      if (select) select.value = patch.team ? employee.team : employee.role;
    }
  }

  private async askConfirm(id: string): Promise<void> {
    this.confirming = id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"] [data-action="cancel"]`)?.focus();
  }

  private async cancelConfirm(id: string): Promise<void> {
    this.confirming = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"] [data-action="deactivate"]`)?.focus();
  }

  private async setStatus(employee: AdminEmployee, status: EmployeeStatus): Promise<void> {
    const directory = this.directory();
    if (!directory) return;
    const t = this.t.directory;
    try {
      const changed = status === 'deactivated' ? await directory.deactivate(employee.id) : await directory.reactivate(employee.id);
      this.confirming = null;
      this.notice = status === 'deactivated' ? t.deactivatedNotice(changed.displayName) : t.reactivatedNotice(changed.displayName);
      emit(this, 'advocacy-people-change', {
        kind: 'employee',
        action: status === 'deactivated' ? 'deactivate' : 'reactivate',
        id: employee.id,
      });
      await this.updateComplete;
      const next = status === 'deactivated' ? 'reactivate' : 'deactivate';
      this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(employee.id)}"] [data-action="${next}"]`)?.focus();
    } catch (cause) {
      this.confirming = null;
      emit(this, 'advocacy-error', { source: 'directory', error: asAdvocacyError(cause) });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(employee.id)}"] [data-action]`)?.focus();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-directory': AdvocacyDirectoryElement;
  }
}

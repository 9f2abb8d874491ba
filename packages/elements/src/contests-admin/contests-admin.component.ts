import { html, nothing, type PropertyValues } from 'lit';
import type { Contest, LeaderboardSettings } from '@advocacy-kit/core';
import { contestText } from '@advocacy-kit/core/points';
import { installHttpAdmin } from '@advocacy-kit/core/admin';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import { formatNumber } from '../internal/format.js';
import type { AdvocacyError } from '@advocacy-kit/core';
import * as contestsStrings from './contests-admin.strings.js';
import { styles } from './contests-admin.styles.js';
import {
  checkDraft,
  draftOf,
  field,
  fieldErrorsOf,
  inputOf,
  patchOf,
  type ContestDraft,
  type ContestField,
  type ContestFieldErrors,
} from './contest-form.js';
import { AdminTime } from '../internal/admin-time.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

/**
 * @tag advocacy-contests-admin
 * @summary The program admin's contests: every contest (upcoming, running, ended, cancelled) with
 * its leader or final winner, a form for a new one (title, description and prize, with their
 * Japanese translations), Edit and Cancel for those not ended yet (errors shown by field); and
 * the leaderboard setting (anonymous: only employees who opted in are named, at most N).
 *
 * @event advocacy-error - Loading or an action failed. `detail: { source: 'contests-admin', error }`.
 *
 * @csspart list - The contests.
 * @csspart contest - One contest.
 * @csspart cancel-button - Cancels a contest.
 * @csspart edit-button - Opens a contest in the form.
 * @csspart form - The contest form (new or edit).
 * @csspart leaderboard - The leaderboard setting.
 * @csspart status - What the last action did.
 *
 * @cssproperty --advocacy-color-accent - Buttons.
 * @cssproperty --advocacy-color-surface - Panel background.
 */
export class AdvocacyContestsAdminElement extends AdvocacyElement<(typeof contestsStrings)['en']> {
  static override styles = styles;

  static override properties = {
    contests: { state: true, attribute: false },
    error: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    board: { state: true, attribute: false },
    editing: { state: true, attribute: false },
    fieldErrors: { state: true, attribute: false },
  };

  private readonly time = new AdminTime(this);
  declare private contests: Contest[] | null;
  declare private error: AdvocacyError | null;
  declare private notice: string;
  declare private busy: boolean;
  /** The leaderboard setting, when the backend has it. */
  declare private board: LeaderboardSettings | null;
  /** The contest in the form; null for a new one. */
  declare private editing: Contest | null;
  declare private fieldErrors: ContestFieldErrors;
  private loadedFor: unknown = null;

  constructor() {
    super(contestsStrings);
    this.contests = null;
    this.error = null;
    this.notice = '';
    this.busy = false;
    this.board = null;
    this.editing = null;
    this.fieldErrors = {};
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.client && this.loadedFor !== this.client) {
      this.loadedFor = this.client;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const admin = this.client?.backend.admin;
    try {
      if (!admin?.listContests) throw new Error('This backend has no contest administration.');
      this.contests = await admin.listContests();
      this.board = admin.getLeaderboardSettings ? await admin.getLeaderboardSettings() : null;
      this.error = null;
    } catch (error) {
      this.error = asAdvocacyError(error);
      emit(this, 'advocacy-error', { source: 'contests-admin', error: this.error });
    }
  }

  protected override render() {
    const t = this.t;
    return html`<section aria-labelledby="heading">
      <div class="header"><h2 id="heading">${t.title}</h2></div>
      ${this.renderList()}
      ${this.renderForm()}
      ${this.board ? this.renderBoard(this.board) : nothing}
      <p part="status" role="status">${this.notice}</p>
    </section>`;
  }

  private renderForm() {
    const t = this.t;
    const editing = this.editing;
    const draft = draftOf(editing, this.time.zone);
    const e = this.fieldErrors;
    const started = editing !== null && Date.parse(editing.startsAt) <= Date.now();
    // The values are bound once per contest opened; openForm() puts them back after a reset.
    return html`<form part="form" aria-labelledby="form-heading" novalidate @submit=${this.onSubmit}>
      <h3 id="form-heading">${editing ? t.editHeading(contestText(editing, this.lang_).title) : t.newHeading}</h3>
      ${field('title', t.titleLabel, draft.title, e, { maxlength: 200 })}
      ${field('description', t.descriptionLabel, draft.description, e, { maxlength: 2000, multiline: true })}
      ${field('prize', t.prizeLabel, draft.prize, e, { maxlength: 500 })}
      <fieldset>
        <legend>${t.japaneseLegend}</legend>
        ${field('title-ja', t.titleLabel, draft['title-ja'], e, { maxlength: 200 })}
        ${field('description-ja', t.descriptionLabel, draft['description-ja'], e, { maxlength: 2000, multiline: true })}
        ${field('prize-ja', t.prizeLabel, draft['prize-ja'], e, { maxlength: 500 })}
      </fieldset>
      <label
        >${t.scopeLabel}
        <select id="scope" name="scope" ?disabled=${editing !== null} .value=${draft.scope}>
          <option value="company" ?selected=${draft.scope === 'company'}>${t.scopes.company}</option>
          <option value="team" ?selected=${draft.scope === 'team'}>${t.scopes.team}</option>
        </select>
      </label>
      ${field('team', t.teamLabel, draft.team, e, { maxlength: 200, disabled: editing !== null })}
      ${field('starts', t.startsLabel, draft.starts, e, { type: 'datetime-local', disabled: started })}
      ${field('ends', t.endsLabel, draft.ends, e, { type: 'datetime-local' })}
      <p class="zone">${t.timesIn(this.time.zone)}</p>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy}>${editing ? t.save : t.create}</button>
        ${editing ? html`<button type="button" @click=${() => this.openForm(null)}>${t.cancelEdit}</button>` : nothing}
      </div>
    </form>`;
  }

  private async openForm(contest: Contest | null): Promise<void> {
    this.editing = contest;
    this.fieldErrors = {};
    this.renderRoot.querySelector<HTMLFormElement>('form[part="form"]')?.reset();
    await this.updateComplete;
    // Values are bound as properties; set them again after the reset put the defaults back.
    const draft = draftOf(contest, this.time.zone);
    for (const [id, value] of Object.entries(draft)) {
      const input = this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`);
      if (input) input.value = value;
    }
    this.renderRoot.querySelector<HTMLInputElement>('#title')?.focus();
  }

  private readDraft(): ContestDraft {
    const value = (id: string) => this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)?.value ?? '';
    const ids: Array<ContestField | 'scope'> = [
      'title',
      'description',
      'prize',
      'title-ja',
      'description-ja',
      'prize-ja',
      'scope',
      'team',
      'starts',
      'ends',
    ];
    return Object.fromEntries(ids.map((id) => [id, value(id)])) as ContestDraft;
  }

  /** Shows field errors and moves focus to the first one. */
  private async showFieldErrors(errors: ContestFieldErrors): Promise<void> {
    this.fieldErrors = errors;
    this.notice = this.t.fixFields;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const admin = this.client?.backend.admin;
    const editing = this.editing;
    if (!admin?.createContest || (editing && !admin.updateContest)) return;
    const draft = this.readDraft();
    const startLocked = editing !== null && Date.parse(editing.startsAt) <= Date.now();
    const errors = checkDraft(draft, this.t, startLocked);
    if (Object.keys(errors).length > 0) {
      void this.showFieldErrors(errors);
      return;
    }
    this.fieldErrors = {};
    void this.act(
      async () => {
        if (editing) {
          const saved = await admin.updateContest!(editing.id, patchOf(draft, editing, startLocked, this.time.zone));
          await this.openForm(null);
          return this.t.saved(saved.title);
        }
        const created = await admin.createContest!(inputOf(draft, this.time.zone));
        await this.openForm(null);
        return this.t.created(created.title);
      },
      (failure) => {
        const byField = fieldErrorsOf(failure);
        if (Object.keys(byField).length === 0) return false;
        void this.showFieldErrors(byField);
        return true;
      },
    );
  };

  private renderBoard(board: LeaderboardSettings) {
    const t = this.t;
    return html`<form part="leaderboard" aria-labelledby="board-heading" @submit=${this.onSaveBoard}>
      <h3 id="board-heading">${t.boardHeading}</h3>
      <label class="check"
        ><input id="anonymous" name="anonymous" type="checkbox" .checked=${board.anonymous} aria-describedby="anonymous-hint" />
        ${t.anonymousLabel}</label
      >
      <p class="meta" id="anonymous-hint">${t.anonymousHint}</p>
      <label>${t.topLabel}<input id="top" name="top" type="number" min="1" max="100" step="1" .value=${String(board.top)} /></label>
      <div><button class="primary" type="submit" ?disabled=${this.busy}>${t.saveBoard}</button></div>
    </form>`;
  }

  private readonly onSaveBoard = (event: SubmitEvent) => {
    event.preventDefault();
    const admin = this.client?.backend.admin;
    if (!admin?.setLeaderboardSettings) return;
    const anonymous = this.renderRoot.querySelector<HTMLInputElement>('#anonymous')!.checked;
    const top = Math.min(100, Math.max(1, Math.round(Number(this.renderRoot.querySelector<HTMLInputElement>('#top')!.value) || 10)));
    void this.act(async () => {
      this.board = await admin.setLeaderboardSettings!({ anonymous, top });
      return this.t.savedBoard;
    });
  };

  private renderList() {
    const t = this.t;
    if (this.error) {
      return html`<div class="state" role="alert">
        <strong>${t.errorTitle}</strong>
        <p>${this.errorMessage(this.error)}</p>
        <button class="primary" @click=${() => void this.load()}>${this.common.retry}</button>
      </div>`;
    }
    if (this.contests === null) return html`<p role="status">${this.common.loading}</p>`;
    if (this.contests.length === 0) return html`<p>${t.empty}</p>`;
    const day = (iso: string) => this.time.format(iso, this.lang_, true);
    return html`<ul part="list" aria-label=${t.listLabel}>
      ${this.contests.map((contest) => {
        const first = contest.entries[0];
        const open = contest.status === 'scheduled' || contest.status === 'active';
        const text = contestText(contest, this.lang_);
        return html`<li part="contest">
          <h3>${text.title}</h3>
          <p class="meta">
            ${t.statuses[contest.status]} · ${contest.scope === 'team' ? `${t.scopes.team}: ${contest.team}` : t.scopes.company} ·
            ${t.when(day(contest.startsAt), day(contest.endsAt))}
          </p>
          <p class="meta">${t.prize(text.prize)}</p>
          ${
            first && contest.status !== 'cancelled'
              ? html`<p class="meta">
                ${(contest.final ? t.winner : t.leader)(first.displayName, formatNumber(first.points, this.lang_))}
              </p>`
              : nothing
          }
          ${
            open
              ? html`<div class="actions">
                <button type="button" part="edit-button" aria-label=${t.edit(text.title)} ?disabled=${this.busy} @click=${() => void this.openForm(contest)}>
                  ${t.editLabel}
                </button>
                <button
                  type="button"
                  part="cancel-button"
                  aria-label=${t.cancel(text.title)}
                  ?disabled=${this.busy}
                  @click=${() => this.onCancel(contest)}
                >
                  ${t.cancelLabel}
                </button>
              </div>`
              : nothing
          }
        </li>`;
      })}
    </ul>`;
  }

  /** Runs an action, with the busy flag and a status line; failures are announced too. */
  private async act(run: () => Promise<string>, onFailure?: (failure: AdvocacyError) => boolean): Promise<void> {
    this.busy = true;
    try {
      this.notice = await run();
      await this.load();
    } catch (error) {
      const failure = asAdvocacyError(error);
      if (!onFailure?.(failure)) this.notice = `${this.t.failed} ${this.errorMessage(failure)}`;
      emit(this, 'advocacy-error', { source: 'contests-admin', error: failure });
    } finally {
      this.busy = false;
    }
  }

  private onCancel(contest: Contest): void {
    const admin = this.client?.backend.admin;
    if (!admin?.cancelContest) return;
    void this.act(async () => {
      await admin.cancelContest!(contest.id);
      return this.t.cancelled(contest.title);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-contests-admin': AdvocacyContestsAdminElement;
  }
}

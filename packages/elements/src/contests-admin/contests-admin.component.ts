import { html, nothing, type PropertyValues } from 'lit';
import type { Contest, LeaderboardSettings } from '@advocacy-kit/core';
import { installHttpAdmin } from '@advocacy-kit/core/admin';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import { formatNumber } from '../internal/format.js';
import type { AdvocacyError } from '@advocacy-kit/core';
import * as contestsStrings from './contests-admin.strings.js';
import { styles } from './contests-admin.styles.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

/**
 * @tag advocacy-contests-admin
 * @summary The program admin's contests: every contest (upcoming, running, ended, cancelled) with
 * its leader or final winner, a form for a new one, and a Cancel for those not ended yet; and the
 * leaderboard setting (anonymous: only employees who opted in are named, at most N).
 *
 * @event advocacy-error - Loading or an action failed. `detail: { source: 'contests-admin', error }`.
 *
 * @csspart list - The contests.
 * @csspart contest - One contest.
 * @csspart cancel-button - Cancels a contest.
 * @csspart form - The new-contest form.
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
  };

  declare private contests: Contest[] | null;
  declare private error: AdvocacyError | null;
  declare private notice: string;
  declare private busy: boolean;
  /** The leaderboard setting, when the backend has it. */
  declare private board: LeaderboardSettings | null;
  private loadedFor: unknown = null;

  constructor() {
    super(contestsStrings);
    this.contests = null;
    this.error = null;
    this.notice = '';
    this.busy = false;
    this.board = null;
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
      <form part="form" aria-labelledby="new-heading" novalidate @submit=${this.onCreate}>
        <h3 id="new-heading">${t.newHeading}</h3>
        <label>${t.titleLabel}<input id="title" name="title" maxlength="200" required /></label>
        <label>${t.prizeLabel}<input id="prize" name="prize" maxlength="500" required /></label>
        <label
          >${t.scopeLabel}
          <select id="scope" name="scope">
            <option value="company">${t.scopes.company}</option>
            <option value="team">${t.scopes.team}</option>
          </select>
        </label>
        <label>${t.teamLabel}<input id="team" name="team" maxlength="200" /></label>
        <label>${t.startsLabel}<input id="starts" name="starts" type="datetime-local" required /></label>
        <label>${t.endsLabel}<input id="ends" name="ends" type="datetime-local" required /></label>
        <div><button class="primary" type="submit" ?disabled=${this.busy}>${t.create}</button></div>
      </form>
      ${this.board ? this.renderBoard(this.board) : nothing}
      <p part="status" role="status">${this.notice}</p>
    </section>`;
  }

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
    const day = (iso: string) => new Date(iso).toLocaleString(this.lang_, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<ul part="list" aria-label=${t.listLabel}>
      ${this.contests.map((contest) => {
        const first = contest.entries[0];
        const open = contest.status === 'scheduled' || contest.status === 'active';
        return html`<li part="contest">
          <h3>${contest.title}</h3>
          <p class="meta">
            ${t.statuses[contest.status]} · ${contest.scope === 'team' ? `${t.scopes.team}: ${contest.team}` : t.scopes.company} ·
            ${t.when(day(contest.startsAt), day(contest.endsAt))}
          </p>
          <p class="meta">${t.prize(contest.prize)}</p>
          ${
            first && contest.status !== 'cancelled'
              ? html`<p class="meta">
                ${(contest.final ? t.winner : t.leader)(first.displayName, formatNumber(first.points, this.lang_))}
              </p>`
              : nothing
          }
          ${
            open
              ? html`<div>
                <button
                  type="button"
                  part="cancel-button"
                  aria-label=${t.cancel(contest.title)}
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
  private async act(run: () => Promise<string>): Promise<void> {
    this.busy = true;
    try {
      this.notice = await run();
      await this.load();
    } catch (error) {
      const failure = asAdvocacyError(error);
      this.notice = `${this.t.failed} ${this.errorMessage(failure)}`;
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

  private readonly onCreate = (event: SubmitEvent) => {
    event.preventDefault();
    const admin = this.client?.backend.admin;
    if (!admin?.createContest) return;
    const value = (id: string) => (this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)?.value ?? '').trim();
    const [title, prize, scope, team, starts, ends] = ['title', 'prize', 'scope', 'team', 'starts', 'ends'].map(value) as string[];
    const startsAt = Date.parse(starts!);
    const endsAt = Date.parse(ends!);
    if (!title || !prize || !(endsAt > startsAt) || (scope === 'team' && !team)) {
      this.notice = this.t.needFields;
      return;
    }
    void this.act(async () => {
      await admin.createContest!({
        title: title!,
        prize: prize!,
        scope: scope === 'team' ? 'team' : 'company',
        ...(scope === 'team' ? { team: team! } : {}),
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(endsAt).toISOString(),
      });
      this.renderRoot.querySelector('form')?.reset();
      return this.t.created(title!);
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-contests-admin': AdvocacyContestsAdminElement;
  }
}

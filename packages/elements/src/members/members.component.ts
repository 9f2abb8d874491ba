import { html, nothing } from 'lit';
import type { AsyncState, EnrollmentMode, Member, MemberFilter, Team } from '@advocacy-kit/core';
import {
  ENROLLMENT_MODES,
  MEMBER_FILTERS,
  installHttpAdmin,
  createMemberList,
  type MemberListController,
  type MemberListState,
} from '@advocacy-kit/core/admin';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { StoreController } from '../internal/store-controller.js';
import { adminOf } from '../internal/admin.js';
import { emit } from '../internal/events.js';
import { formatDay } from '../internal/format.js';
import { segmented } from '../internal/segmented.js';
import * as membersStrings from './members.strings.js';
import { styles } from './members.styles.js';
import { perClient } from '../internal/per-client.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

/** The member-list store of a client, created once per client. */
const listOf = perClient((client): MemberListController => createMemberList({ backend: client.backend }));

type Filter = MemberFilter | 'all';
const FILTERS: readonly Filter[] = ['all', ...MEMBER_FILTERS];

/**
 * @tag advocacy-members
 * @summary Who takes part in the program: the enrollment mode (everyone who signs in, or by
 * invitation), inviting a whole team or one person, and every employee with their state —
 * joined, invited, declined or not invited — filtered by state, including "not joined" (invited
 * or declined, and those never invited).
 *
 * @event advocacy-error - Loading failed. `detail: { source: 'members', error }`.
 *
 * @csspart enrollment - The enrollment choice.
 * @csspart invite-team - The team invitation form.
 * @csspart filter - The state filter.
 * @csspart table - The member table.
 * @csspart status - Announcements after a change.
 * @csspart state - Loading, empty and error states.
 *
 * @cssproperty --advocacy-color-accent - Buttons and the chosen filter.
 * @cssproperty --advocacy-color-success - A joined member's badge.
 * @cssproperty --advocacy-color-danger - A declined member's badge and errors.
 */
export class AdvocacyMembersElement extends AdvocacyElement<(typeof membersStrings)['en']> {
  static override styles = styles;
  static override properties = { notice: { state: true } };

  declare private notice: string;

  constructor() {
    super(membersStrings);
    this.notice = '';
  }

  private readonly teams = new StoreController<AsyncState<Team[]>>(this, () =>
    this.client ? adminOf(this.client).teams.store : undefined,
  );
  private readonly state = new StoreController<MemberListState>(
    this,
    () => (this.client ? listOf(this.client).store : undefined),
    (state, previous) => {
      if (state.status === 'error' && previous?.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'members', error: state.error });
      }
    },
  );

  private get list() {
    return this.client ? listOf(this.client) : undefined;
  }

  private async invite(input: { employeeIds?: string[]; teams?: string[] }) {
    try {
      const result = await this.list?.invite(input);
      if (result) this.notice = this.t.invitedNotice(result.invited.length, result.unchanged.length);
    } catch {
      this.notice = '';
    }
  }

  private async setEnrollment(mode: EnrollmentMode) {
    try {
      await this.list?.setEnrollment(mode);
      this.notice = this.t.enrollmentSaved(this.t.enrollment[mode]);
    } catch {
      this.notice = '';
    }
  }

  private onInviteTeam(event: SubmitEvent) {
    event.preventDefault();
    const team = new FormData(event.target as HTMLFormElement).get('team');
    if (typeof team === 'string' && team) void this.invite({ teams: [team] });
  }

  private row(member: Member, busy: boolean) {
    const t = this.t;
    const day = (iso: string | null) => (iso ? formatDay(iso, this.lang_) : '—');
    const canInvite = member.active && (member.state === 'declined' || member.state === 'not_invited');
    return html`<tr>
      <th scope="row">${member.displayName}</th>
      <td>${member.teamName}</td>
      <td>
        <span class="state-badge ${member.state}">${t.states[member.state]}</span>
        ${member.active ? nothing : html`<span class="muted">${t.deactivated}</span>`}
      </td>
      <td>
        ${day(member.invitedAt)}
        ${member.invitedVia ? html`<span class="muted">${t.viaTeam(this.teamName(member.invitedVia))}</span>` : nothing}
      </td>
      <td>${day(member.respondedAt)}</td>
      <td>
        ${
          canInvite
            ? html`<button aria-label=${t.inviteName(member.displayName)} ?disabled=${busy} @click=${() => this.invite({ employeeIds: [member.employeeId] })}>
              ${t.invite}
            </button>`
            : nothing
        }
      </td>
    </tr>`;
  }

  private teamName(id: string) {
    return this.teams.value?.data?.find((team) => team.id === id)?.name ?? id;
  }

  protected override render() {
    const t = this.t;
    const state = this.state.value;
    const busy = state?.busy ?? null;
    const writeError = state?.writeError ?? null;
    return html`<section aria-labelledby="title">
      <div class="header"><h2 id="title">${t.title}</h2></div>
      ${
        state?.enrollment
          ? html`<div>
            ${segmented({
              legend: t.enrollmentLegend,
              name: 'enrollment',
              part: 'enrollment',
              values: ENROLLMENT_MODES,
              current: state.enrollment,
              label: (mode) => t.enrollment[mode],
              onPick: (mode) => void this.setEnrollment(mode),
            })}
            <p class="hint">${t.enrollmentHint[state.enrollment]}</p>
          </div>`
          : nothing
      }
      <form class="invite-team" part="invite-team" @submit=${this.onInviteTeam}>
        <div class="field">
          <label for="team">${t.inviteTeamLabel}</label>
          <select id="team" name="team" aria-describedby="team-hint">
            ${(this.teams.value?.data ?? []).map((team) => html`<option value=${team.id}>${team.name}</option>`)}
          </select>
        </div>
        <button class="primary" type="submit" ?disabled=${busy !== null}>${t.inviteTeam}</button>
        <p class="hint" id="team-hint">${t.inviteTeamHint}</p>
      </form>
      <p part="status" role="status">${this.notice}</p>
      ${writeError ? html`<p class="notice error" role="alert">${this.errorMessage(writeError)}</p>` : nothing}
      ${segmented({
        legend: t.filterLegend,
        name: 'filter',
        part: 'filter',
        values: FILTERS,
        current: state?.filter ?? 'all',
        label: (filter) => t.filters[filter],
        onPick: (filter) => void this.list?.setFilter(filter === 'all' ? null : filter),
      })}
      ${this.body(state)}
    </section>`;
  }

  private body(state: MemberListState | undefined) {
    const t = this.t;
    if (!state || state.status === 'idle' || (state.status === 'loading' && state.items.length === 0)) {
      return html`<div class="state" part="state" aria-busy="true">
        <span class="skeleton"></span><span class="skeleton"></span>
        <p class="visually-hidden" role="status">${this.common.loading}</p>
      </div>`;
    }
    if (state.status === 'unsupported') return nothing;
    if (state.status === 'error') {
      return html`<div class="state" part="state" role="alert">
        <strong>${t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.list?.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    if (state.status === 'empty') return html`<p class="state" part="state">${t.empty}</p>`;
    // Focusable, so a keyboard can scroll the table sideways when it is wider than the card.
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${t.tableLabel}>
        <table part="table">
          <thead>
            <tr>
              <th scope="col">${t.colName}</th>
              <th scope="col">${t.colTeam}</th>
              <th scope="col">${t.colState}</th>
              <th scope="col">${t.colInvited}</th>
              <th scope="col">${t.colAnswered}</th>
              <th scope="col">${t.colAction}</th>
            </tr>
          </thead>
          <tbody>
            ${state.items.map((member) => this.row(member, state.busy !== null))}
          </tbody>
        </table>
      </div>
      ${state.nextCursor ? html`<button @click=${() => this.list?.loadMore()}>${t.loadMore}</button>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-members': AdvocacyMembersElement;
  }
}

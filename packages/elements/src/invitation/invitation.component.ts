import { html, nothing } from 'lit';
import type { InvitationDecision, MembershipController, MembershipState } from '@advocacy-kit/core';
import { createMembership } from '@advocacy-kit/core/self-service';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { StoreController } from '../internal/store-controller.js';
import { emit } from '../internal/events.js';
import { formatDay } from '../internal/format.js';
import * as invitationStrings from './invitation.strings.js';
import { styles } from './invitation.styles.js';
import { perClient } from '../internal/per-client.js';

/** The membership store of a client, created once per client. */
const membershipOf = perClient((client): MembershipController => createMembership(client.backend));

/**
 * @tag advocacy-invitation
 * @summary The signed-in employee's invitation to the advocacy program, with Join and Not now.
 * After declining it offers to join after all; in invitation enrollment, someone never invited
 * is told whom to ask. Shows nothing to a member (except a welcome right after joining) or when
 * the backend has no program membership.
 *
 * @event advocacy-membership-change - The employee accepted or declined. `detail: { membership }`.
 * @event advocacy-error - The invitation failed to load. `detail: { source: 'membership', error }`.
 *
 * @csspart card - The invitation, the declined note or the welcome.
 * @csspart actions - The buttons.
 * @csspart state - The loading and error panels.
 *
 * @cssproperty --advocacy-color-accent - The card's accent and the Join button.
 * @cssproperty --advocacy-color-surface - Card background.
 * @cssproperty --advocacy-color-text-muted - Secondary text.
 */
export class AdvocacyInvitationElement extends AdvocacyElement<(typeof invitationStrings)['en']> {
  static override styles = styles;
  static override properties = { welcomed: { state: true } };

  /** The employee joined from this element: say welcome once. */
  declare private welcomed: boolean;

  constructor() {
    super(invitationStrings);
    this.welcomed = false;
  }

  private readonly state = new StoreController<MembershipState>(
    this,
    () => (this.client ? membershipOf(this.client).store : undefined),
    (state, previous) => {
      if (state.status === 'error' && previous?.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'membership', error: state.error });
      }
    },
  );

  private async answer(decision: InvitationDecision) {
    if (!this.client) return;
    try {
      const membership = await membershipOf(this.client).respond(decision);
      this.welcomed = decision === 'accept';
      emit(this, 'advocacy-membership-change', { membership });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus();
    } catch {
      // The store holds the failure; the card says so.
    }
  }

  private actions(primary: { label: string; decision: InvitationDecision }, secondary?: { label: string; decision: InvitationDecision }) {
    const busy = this.state.value?.busy ?? null;
    return html`<div class="actions" part="actions">
      <button class="primary" ?disabled=${busy !== null} @click=${() => this.answer(primary.decision)}>${primary.label}</button>
      ${
        secondary
          ? html`<button ?disabled=${busy !== null} @click=${() => this.answer(secondary.decision)}>${secondary.label}</button>`
          : nothing
      }
    </div>`;
  }

  protected override render() {
    const state = this.state.value;
    if (!state || state.status === 'idle' || (state.status === 'loading' && state.membership === null)) {
      return html`<div class="card" part="state" aria-busy="true">
        <span class="skeleton line"></span>
        <p class="visually-hidden" role="status">${this.common.loading}</p>
      </div>`;
    }
    if (state.status === 'unsupported') return nothing;
    if (state.status === 'error') {
      return html`<div class="card" part="state" role="alert">
        <strong>${this.t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.client && membershipOf(this.client).refresh()}>${this.common.retry}</button>
      </div>`;
    }
    const membership = state.membership!;
    const t = this.t;
    const status = html`<p class="muted" role="status">
      ${state.busy ? t.sending : nothing}${state.answerError ? html`${t.answerFailed} ${this.errorMessage(state.answerError)}` : nothing}
    </p>`;
    if (membership.state === 'invited') {
      return html`<section class="card" part="card" aria-labelledby="title">
        <h2 id="title">${t.invitedTitle}</h2>
        <p>${t.invitedBody}</p>
        ${membership.invitedAt ? html`<p class="muted">${t.invitedOn(formatDay(membership.invitedAt, this.lang_))}</p>` : nothing}
        ${this.actions({ label: t.accept, decision: 'accept' }, { label: t.decline, decision: 'decline' })} ${status}
      </section>`;
    }
    if (membership.state === 'declined') {
      return html`<section class="card quiet" part="card" aria-labelledby="title">
        <h2 id="title" tabindex="-1" data-focus>${t.declinedTitle}</h2>
        <p>${t.declinedBody}</p>
        ${this.actions({ label: t.rejoin, decision: 'accept' })} ${status}
      </section>`;
    }
    if (membership.state === 'not_invited') {
      return html`<p class="card quiet" part="card">${t.notInvited}</p>`;
    }
    return this.welcomed ? html`<p class="card" part="card" role="status" tabindex="-1" data-focus>${t.joined}</p>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-invitation': AdvocacyInvitationElement;
  }
}

import { html, nothing } from 'lit';
import type { AsyncState, Leaderboard, LeaderboardVisibilityController, LeaderboardVisibilityState } from '@advocacy-kit/core';
import { createLeaderboardVisibility } from '@advocacy-kit/core/points';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { emit } from '../internal/events.js';
import { perClient } from '../internal/per-client.js';
import { StoreController } from '../internal/store-controller.js';
import * as visibilityStrings from './leaderboard-visibility.strings.js';
import { styles } from './leaderboard-visibility.styles.js';

/** One opt-in store per client; a change reloads the client's leaderboard. */
const visibilityOf = perClient((client): LeaderboardVisibilityController =>
  createLeaderboardVisibility({ backend: client.backend, onChange: () => void client.leaderboard.refresh() }),
);

/**
 * @tag advocacy-leaderboard-visibility
 * @summary The employee's "Show my name on the leaderboard" switch, shown only while the program's
 * leaderboard is anonymous (nobody is named unless they opt in). Turning it on or off saves the
 * `showOnLeaderboard` preference and reloads the leaderboard. Place it next to
 * `<advocacy-leaderboard>`; it stays out of the feed bundle.
 *
 * @event advocacy-error - Loading or saving failed. `detail: { source: 'leaderboard-visibility', error }`.
 *
 * @csspart switch - The labelled switch.
 * @csspart status - What the last change did.
 *
 * @cssproperty --advocacy-color-accent - The switch.
 * @cssproperty --advocacy-color-text-muted - The hint.
 */
export class AdvocacyLeaderboardVisibilityElement extends AdvocacyElement<(typeof visibilityStrings)['en']> {
  static override styles = styles;

  static override properties = { notice: { state: true, attribute: false } };
  declare private notice: string;

  constructor() {
    super(visibilityStrings);
    this.notice = '';
  }

  private readonly board = new StoreController<AsyncState<Leaderboard>>(this, () => this.client?.leaderboard.store);
  private readonly visibility = new StoreController<LeaderboardVisibilityState>(
    this,
    () => (this.client ? visibilityOf(this.client).store : undefined),
    (state, previous) => {
      if (state.status === 'error' && previous?.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'leaderboard-visibility', error: state.error });
      }
    },
  );

  protected override render() {
    const anonymous = this.board.value?.data?.anonymous === true;
    const state = this.visibility.value;
    if (!anonymous || !state || state.status === 'unsupported') return nothing;
    if (state.status === 'error') {
      return html`<div role="alert">
        <strong>${this.t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => void visibilityOf(this.client!).refresh()}>${this.common.retry}</button>
      </div>`;
    }
    const loading = state.status !== 'ready';
    return html`<label class="switch" part="switch"
        ><input
          type="checkbox"
          role="switch"
          .checked=${state.shown}
          aria-checked=${state.shown ? 'true' : 'false'}
          aria-describedby="hint"
          ?disabled=${loading || state.busy}
          @change=${this.onChange}
        />${this.t.label}</label
      >
      <p class="hint" id="hint">${this.t.hint}</p>
      <p class="status ${state.error ? 'error' : ''}" part="status" role="status">
        ${state.error ? `${this.t.failed} ${this.errorMessage(state.error)}` : this.notice}
      </p>`;
  }

  private readonly onChange = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const shown = input.checked;
    try {
      await visibilityOf(this.client!).set(shown);
      this.notice = shown ? this.t.shown : this.t.hidden;
    } catch {
      // The store keeps the failure (shown in the status line) and the previous choice.
      input.checked = !shown;
      this.notice = '';
      emit(this, 'advocacy-error', { source: 'leaderboard-visibility', error: this.visibility.value!.error! });
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-leaderboard-visibility': AdvocacyLeaderboardVisibilityElement;
  }
}

import { html, nothing } from 'lit';
import type { NetworkId } from '@advocacy-kit/core';
import { commentaryCount } from '@advocacy-kit/core/admin';
import { describedBy, errorFor, type FormContext } from './form.js';
import { ALLOWABLE, EDITOR_LOCALES } from './choices.js';

type Slot = NetworkId | 'default';

/**
 * The suggested commentary per language: a text for every network, and texts of their own for
 * some, each with a live count as its network counts it. `focus` moves focus to a new slot.
 */
export function commentaryEditor(context: FormContext, focus: (selector: string) => void) {
  const t = context.t;
  const allowed = context.draft.networks;
  return html`<fieldset class="group" aria-describedby=${describedBy(context, 'suggestedCommentary', false)}>
    <legend>${t.commentaryLabel}</legend>
    ${EDITOR_LOCALES.map((locale) => {
      const byNetwork = context.draft.suggestedCommentary[locale] ?? {};
      const slots: Slot[] = ['default', ...ALLOWABLE.filter((id) => byNetwork[id] !== undefined)];
      const addable = (allowed.length > 0 ? allowed : ALLOWABLE).filter((id) => byNetwork[id] === undefined);
      const localeName = t.localeNames[locale];
      const add = (event: Event) => {
        const select = (event.currentTarget as HTMLElement).parentElement!.querySelector('select')!;
        const network = select.value as NetworkId;
        if (!network) return;
        context.controller.setCommentary(locale, network, '');
        focus(`#c-${locale}-${network}`);
      };
      return html`<div class="commentary" part="commentary">
        <h3>${localeName}</h3>
        ${slots.map((slot) => commentarySlot(context, locale, slot))}
        ${
          addable.length > 0
            ? html`<div class="add">
              <label class="visually-hidden" for="add-${locale}">${t.addNetworkTextFor(localeName)}</label>
              <select id="add-${locale}" part="input">
                ${addable.map((id) => html`<option value=${id}>${t.networkNames[id]}</option>`)}
              </select>
              <button type="button" @click=${add}>${t.addNetworkText}</button>
            </div>`
            : nothing
        }
      </div>`;
    })}
    ${errorFor(context, 'suggestedCommentary')}
  </fieldset>`;
}

function commentarySlot(context: FormContext, locale: string, slot: Slot) {
  const t = context.t;
  const byNetwork = context.draft.suggestedCommentary[locale] ?? {};
  const { used, limit, over } = commentaryCount(byNetwork, slot, context.draft.networks);
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
      .value=${byNetwork[slot] ?? ''}
      @input=${(event: Event) => context.controller.setCommentary(locale, slot, (event.target as HTMLTextAreaElement).value)}
    ></textarea>
    <p id="${id}-count" class="counter ${over ? 'over' : ''}" part="counter">${t.counter(used, limit)}${over ? html` <span>${t.overLimit}</span>` : nothing}</p>
    ${
      slot === 'default'
        ? nothing
        : html`<button type="button" class="link" aria-label=${t.removeNetworkText(name)} @click=${() => context.controller.setCommentary(locale, slot, undefined)}>×</button>`
    }
  </div>`;
}

import { html } from 'lit';
import { fromLocalInput, toLocalInput } from '../internal/zoned-time.js';
import { input, type FormContext } from './form.js';

/** When the post is published and expires, typed in the admin's time zone and kept as UTC instants. */
export function scheduleFieldset(context: FormContext) {
  const { t, draft, timeZone } = context;
  const time = (field: 'publishAt' | 'expireAt', label: string) =>
    input(
      context,
      field,
      label,
      toLocalInput(draft[field], timeZone),
      (value) => context.controller.update({ [field]: fromLocalInput(value, timeZone) }),
      {
        type: 'datetime-local',
      },
    );
  return html`<fieldset class="group">
    <legend>${t.scheduleHint(timeZone)}</legend>
    <div class="row">${time('publishAt', t.publishAtLabel)} ${time('expireAt', t.expireAtLabel)}</div>
  </fieldset>`;
}

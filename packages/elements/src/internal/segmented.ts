import { html } from 'lit';

/**
 * A labelled group of radio buttons drawn as chips: native keyboard use (arrow keys move the
 * choice), one Tab stop, and a legend for screen readers.
 */
export function segmented<T extends string>(options: {
  legend: string;
  name: string;
  part: string;
  values: readonly T[];
  current: T | undefined;
  label: (value: T) => string;
  onPick: (value: T) => void;
}) {
  return html`<fieldset class="chips" part=${options.part}>
    <legend class="visually-hidden">${options.legend}</legend>
    ${options.values.map(
      (value) => html`<label class="chip">
        <input
          type="radio"
          name=${options.name}
          .checked=${value === options.current}
          @change=${() => options.onPick(value)}
        />${options.label(value)}
      </label>`,
    )}
  </fieldset>`;
}

import { html, nothing } from 'lit';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import * as myDataStrings from './my-data.strings.js';
import { styles } from './my-data.styles.js';

/**
 * @tag advocacy-my-data
 * @summary A button that downloads, as JSON, everything the program stores about the signed-in
 * employee (their profile, shares with click counts, points, suggestions, badges, preferences,
 * event counts and the audit entries about them). Hidden text explains when a backend has no export.
 *
 * @event advocacy-error - The export failed. `detail: { source: 'my-data', error }`.
 *
 * @csspart download-button - Starts the download.
 * @csspart status - What the last download did.
 *
 * @cssproperty --advocacy-color-accent - The button.
 * @cssproperty --advocacy-color-surface - Panel background.
 */
export class AdvocacyMyDataElement extends AdvocacyElement<(typeof myDataStrings)['en']> {
  static override styles = styles;

  static override properties = {
    busy: { state: true, attribute: false },
    notice: { state: true, attribute: false },
  };

  declare private busy: boolean;
  declare private notice: string;

  constructor() {
    super(myDataStrings);
    this.busy = false;
    this.notice = '';
  }

  protected override render() {
    const t = this.t;
    const supported = typeof this.client?.backend.getMyExport === 'function';
    return html`<section aria-labelledby="heading">
      <div class="header"><h2 id="heading">${t.title}</h2></div>
      <p>${t.description}</p>
      ${
        supported || !this.client
          ? html`<button class="primary" part="download-button" ?disabled=${this.busy || !this.client} @click=${this.download}>
            ${this.busy ? t.downloading : t.download}
          </button>`
          : html`<p>${t.unsupported}</p>`
      }
      <p part="status" role="status">${this.notice || nothing}</p>
    </section>`;
  }

  private readonly download = async () => {
    const exportMine = this.client?.backend.getMyExport;
    if (!exportMine || this.busy) return;
    this.busy = true;
    this.notice = '';
    try {
      const data = await exportMine.call(this.client!.backend);
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `my-advocacy-data-${data.exportedAt.slice(0, 10)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      this.notice = this.t.downloaded;
    } catch (error) {
      const failure = asAdvocacyError(error);
      this.notice = `${this.t.failed} ${this.errorMessage(failure)}`;
      emit(this, 'advocacy-error', { source: 'my-data', error: failure });
    } finally {
      this.busy = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-my-data': AdvocacyMyDataElement;
  }
}

import { html, nothing } from 'lit';
import type { AuditEntry } from '@advocacy-kit/core';
import {
  installHttpAdmin,
  createAuditLog,
  NO_AUDIT_FILTERS,
  type AuditFilters,
  type AuditLogController,
  type AuditLogState,
} from '@advocacy-kit/core/admin';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { StoreController } from '../internal/store-controller.js';
import { emit } from '../internal/events.js';
import { asAdvocacyError } from '../internal/errors.js';
import { formatNumber } from '../internal/format.js';
import { downloadCsv } from '../internal/csv.js';
import * as auditStrings from './audit-log.strings.js';
import { styles } from './audit-log.styles.js';
import { perClient } from '../internal/per-client.js';
import { AdminTime } from '../internal/admin-time.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

/** One audit log store per client: two audit views on a page share it. */
const auditLogOf = perClient((client): AuditLogController => createAuditLog({ backend: client.backend }));

const FIELDS = ['actor', 'action', 'targetKind', 'targetId', 'from', 'to'] as const;

/**
 * @tag advocacy-audit-log
 * @summary The program's audit log for admins: who changed what and when, with the resource
 * before and after, newest first. Filters by who, action (prefix), target and dates, loads more
 * on demand, and exports the filtered log as CSV.
 *
 * @event advocacy-error - Loading or the export failed. `detail: { source: 'audit-log', error }`.
 *
 * @csspart filters - The filter form.
 * @csspart export-button - Exports the filtered log as CSV.
 * @csspart table - The entries.
 * @csspart entry - One entry (a table row).
 * @csspart more-button - Loads the next page.
 * @csspart status - What the last export did.
 * @csspart state - Loading, empty and error states.
 *
 * @cssproperty --advocacy-color-accent - Buttons.
 * @cssproperty --advocacy-color-surface - Panel background.
 * @cssproperty --advocacy-color-border - Table rules.
 */
export class AdvocacyAuditLogElement extends AdvocacyElement<(typeof auditStrings)['en']> {
  static override styles = styles;

  static override properties = {
    notice: { state: true, attribute: false },
    exporting: { state: true, attribute: false },
  };

  declare private notice: string;
  declare private exporting: boolean;

  private readonly time = new AdminTime(this);
  private readonly log = new StoreController<AuditLogState>(
    this,
    () => (this.client ? auditLogOf(this.client).store : undefined),
    (state, previous) => {
      const failure =
        state.status === 'error' && previous?.status !== 'error'
          ? state.error
          : state.loadMoreError !== previous?.loadMoreError
            ? state.loadMoreError
            : null;
      if (failure) emit(this, 'advocacy-error', { source: 'audit-log', error: failure });
    },
  );

  constructor() {
    super(auditStrings);
    this.notice = '';
    this.exporting = false;
  }

  /** Loads the first page again. */
  refresh(): Promise<void> {
    return this.client ? auditLogOf(this.client).refresh() : Promise.resolve();
  }

  protected override render() {
    const t = this.t;
    return html`<section aria-labelledby="heading">
      <div class="header"><h2 id="heading">${t.title}</h2></div>
      ${this.renderFilters()}
      <p class="status" part="status" role="status">${this.notice}</p>
      ${this.renderBody()}
    </section>`;
  }

  private renderFilters() {
    const t = this.t;
    const filters = this.log.value?.filters ?? NO_AUDIT_FILTERS;
    const labels: Record<(typeof FIELDS)[number], string> = {
      actor: t.actor,
      action: t.action,
      targetKind: t.targetKind,
      targetId: t.targetId,
      from: t.from,
      to: t.to,
    };
    return html`<form part="filters" aria-label=${t.filters} @submit=${this.onSubmit}>
      ${FIELDS.map(
        (name) =>
          html`<label
            >${labels[name]}
            <input
              name=${name}
              type=${name === 'from' || name === 'to' ? 'date' : 'text'}
              .value=${filters[name]}
              maxlength="200"
              aria-describedby=${name === 'action' ? 'action-hint' : nothing}
            />
            ${name === 'action' ? html`<span class="hint" id="action-hint">${t.actionHint}</span>` : nothing}
          </label>`,
      )}
      <div class="tools">
        <button class="primary" type="submit">${t.apply}</button>
        <button type="button" @click=${this.onClear}>${t.clear}</button>
        <button type="button" part="export-button" ?disabled=${this.exporting} @click=${this.onExport}>
          ${this.exporting ? t.exporting : t.exportCsv}
        </button>
      </div>
    </form>`;
  }

  private renderBody() {
    const t = this.t;
    const state = this.log.value;
    if (state?.status === 'error') {
      return html`<div class="state" part="state" role="alert">
        <strong>${t.errorTitle}</strong>
        <p>${this.errorMessage(state.error)}</p>
        <button class="primary" @click=${() => this.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    if (!state || state.status === 'idle' || (state.status === 'loading' && state.items.length === 0)) {
      return html`<div part="state" aria-busy="true">
        ${[0, 1, 2].map(() => html`<p class="skeleton" aria-hidden="true"></p>`)}
        <p class="visually-hidden" role="status">${this.common.loading}</p>
      </div>`;
    }
    if (state.items.length === 0) return html`<div class="state" part="state"><p>${t.empty}</p></div>`;
    return html`<div class="table-wrap">
        <table part="table" aria-labelledby="heading">
          <thead>
            <tr>
              <th scope="col">${t.when}</th>
              <th scope="col">${t.who}</th>
              <th scope="col">${t.what}</th>
              <th scope="col">${t.target}</th>
              <th scope="col">${t.change}</th>
            </tr>
          </thead>
          <tbody>
            ${state.items.map((entry) => this.renderEntry(entry))}
          </tbody>
        </table>
      </div>
      ${state.loadMoreError ? html`<p class="notice error" role="alert">${this.errorMessage(state.loadMoreError)}</p>` : nothing}
      ${
        state.hasMore
          ? html`<button class="more" part="more-button" ?disabled=${state.loadingMore} @click=${() => auditLogOf(this.client!).loadMore()}>
            ${state.loadingMore ? t.loadingMore : t.loadMore}
          </button>`
          : nothing
      }`;
  }

  private renderEntry(entry: AuditEntry) {
    const t = this.t;
    const when = this.time.format(entry.at, this.lang_, true);
    const json = (value: unknown) => (value === null || value === undefined ? t.none : JSON.stringify(value, null, 2));
    return html`<tr part="entry">
      <td><time datetime=${entry.at}>${when}</time></td>
      <td>${t.actorKinds[entry.actor.kind] ?? entry.actor.kind}<br /><code>${entry.actor.id}</code></td>
      <td><code>${entry.action}</code></td>
      <td>${entry.target.kind}<br /><code>${entry.target.id}</code></td>
      <td>
        <details>
          <summary>${t.details}</summary>
          <p class="muted">${t.before}</p>
          <pre>${json(entry.before)}</pre>
          <p class="muted">${t.after}</p>
          <pre>${json(entry.after)}</pre>
        </details>
      </td>
    </tr>`;
  }

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!this.client) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const filters = Object.fromEntries(FIELDS.map((name) => [name, String(data.get(name) ?? '')])) as unknown as AuditFilters;
    this.notice = '';
    auditLogOf(this.client).setFilters(filters);
  };

  private readonly onClear = () => {
    if (!this.client) return;
    this.notice = '';
    auditLogOf(this.client).setFilters(NO_AUDIT_FILTERS);
  };

  private readonly onExport = async () => {
    if (!this.client) return;
    this.exporting = true;
    try {
      const csv = await auditLogOf(this.client).exportCsv();
      const rows = Math.max(0, csv.split('\r\n').filter(Boolean).length - 1);
      downloadCsv(`audit-log-${new Date().toISOString().slice(0, 10)}.csv`, csv);
      this.notice = this.t.exported(formatNumber(rows, this.lang_));
    } catch (error) {
      const failure = asAdvocacyError(error);
      this.notice = `${this.t.exportFailed} ${this.errorMessage(failure)}`;
      emit(this, 'advocacy-error', { source: 'audit-log', error: failure });
    } finally {
      this.exporting = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-audit-log': AdvocacyAuditLogElement;
  }
}

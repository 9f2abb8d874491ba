import { html, nothing } from 'lit';
import type { AsyncState, FieldError, Goal, GoalInput, GoalMetric, Team } from '@advocacy-kit/core';
import { GOAL_METRICS } from '@advocacy-kit/core/admin';
import { installHttpAdmin, createGoals, type GoalsController, type GoalsState } from '@advocacy-kit/core/admin';
import { AdvocacyElement } from '../internal/advocacy-element.js';
import { StoreController } from '../internal/store-controller.js';
import { adminOf } from '../internal/admin.js';
import { emit } from '../internal/events.js';
import { formatDay, formatNumber } from '../internal/format.js';
import { goalChart } from './goal-chart.js';
import { ChartWidths } from '../internal/chart-width.js';
import * as goalsStrings from './goals.strings.js';
import { styles } from './goals.styles.js';
import { perClient } from '../internal/per-client.js';

// The provider's httpBackend finds its admin methods here (they stay out of the employee bundles).
installHttpAdmin();

/** The goals store of a client, created once per client. */
const goalsOf = perClient((client): GoalsController => createGoals({ backend: client.backend }));

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * @tag advocacy-goals
 * @summary The program's SMART goals — a measure (participation, shares, unique clicks,
 * conversions or their value), a target and a date range, for the company or one team — each
 * with where it stands today: the value so far, what a steady pace expects by today, and whether
 * it is on track, behind, achieved or missed, drawn as a small labelled chart. Admins add, edit,
 * archive and delete goals.
 *
 * @event advocacy-error - Loading failed. `detail: { source: 'goals', error }`.
 *
 * @csspart goal - One goal.
 * @csspart chart - A goal's chart.
 * @csspart form - The goal form.
 * @csspart status - Announcements after a change.
 * @csspart state - Loading, empty and error states.
 *
 * @cssproperty --advocacy-color-accent - The progress line and buttons.
 * @cssproperty --advocacy-color-success - On track and achieved.
 * @cssproperty --advocacy-color-danger - Behind and missed.
 */
export class AdvocacyGoalsElement extends AdvocacyElement<(typeof goalsStrings)['en']> {
  static override styles = styles;
  static override properties = {
    editing: { state: true },
    metric: { state: true },
    notice: { state: true },
  };

  /** The goal in the form: `new`, one being edited, or none. */
  declare private editing: Goal | 'new' | null;
  /** The measure chosen in the form (participation takes a percentage). */
  declare private metric: GoalMetric;
  declare private notice: string;

  constructor() {
    super(goalsStrings);
    this.editing = null;
    this.metric = 'shares';
    this.notice = '';
  }

  private readonly widths = new ChartWidths(this);
  private readonly teams = new StoreController<AsyncState<Team[]>>(this, () =>
    this.client ? adminOf(this.client).teams.store : undefined,
  );
  private readonly state = new StoreController<GoalsState>(
    this,
    () => (this.client ? goalsOf(this.client).store : undefined),
    (state, previous) => {
      if (state.status === 'error' && previous?.status !== 'error' && state.error) {
        emit(this, 'advocacy-error', { source: 'goals', error: state.error });
      }
    },
  );

  private get goals() {
    return this.client ? goalsOf(this.client) : undefined;
  }

  /** A metric's value as people read it: participation in percent, value and counts as numbers. */
  private value(metric: GoalMetric, value: number): string {
    if (metric === 'participation') return new Intl.NumberFormat(this.lang_, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    return formatNumber(Math.round(value * 10) / 10, this.lang_);
  }

  private async open(goal: Goal | 'new') {
    this.editing = goal;
    this.metric = goal === 'new' ? 'shares' : goal.metric;
    this.notice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#goal-title')?.focus();
  }

  private async close() {
    const was = this.editing;
    this.editing = null;
    await this.updateComplete;
    const selector = was === 'new' || was === null ? '.new-goal' : `[data-edit="${was.id}"]`;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '');
    const metric = text('metric') as GoalMetric;
    const raw = Number(text('target'));
    const input: GoalInput = {
      title: text('title'),
      metric,
      target: metric === 'participation' ? raw / 100 : raw,
      from: text('from'),
      to: text('to'),
      team: text('team') || null,
    };
    const goals = this.goals;
    if (!goals) return;
    try {
      const saved = this.editing && this.editing !== 'new' ? await goals.update(this.editing.id, input) : await goals.create(input);
      this.notice = this.t.saved(saved.title);
      await this.close();
    } catch {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }

  private async act(goal: Goal, action: 'archive' | 'remove') {
    try {
      if (action === 'archive') await this.goals?.archive(goal.id);
      else await this.goals?.remove(goal.id);
      this.notice = action === 'archive' ? this.t.archived(goal.title) : this.t.removed(goal.title);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.new-goal')?.focus();
    } catch {
      // The store holds the failure; the alert says so.
    }
  }

  private field(id: string, label: string, control: unknown, errors: FieldError[], hint?: string) {
    const error = errors.find((e) => e.field === id);
    return html`<div class="field">
      <label for="goal-${id}">${label}</label>
      ${control} ${hint ? html`<p class="hint" id="goal-${id}-hint">${hint}</p>` : nothing}
      ${error ? html`<p class="field-error" id="goal-${id}-error">${error.message}</p>` : nothing}
    </div>`;
  }

  private form() {
    const t = this.t;
    const goal = this.editing === 'new' ? null : this.editing!;
    const state = this.state.value;
    const errors = state?.writeError?.fieldErrors ?? [];
    const invalid = (name: string) => (errors.some((e) => e.field === name) ? 'true' : 'false');
    const described = (name: string, hint = false) =>
      [hint ? `goal-${name}-hint` : '', errors.some((e) => e.field === name) ? `goal-${name}-error` : ''].filter(Boolean).join(' ') ||
      nothing;
    const percent = this.metric === 'participation';
    const target = goal ? (goal.metric === 'participation' ? goal.target * 100 : goal.target) : '';
    return html`<form part="form" @submit=${this.onSubmit} aria-labelledby="form-title" novalidate>
      <h3 id="form-title">${goal ? t.editGoal : t.newGoal}</h3>
      ${
        state?.writeError && errors.length === 0
          ? html`<p class="notice error" role="alert">${this.errorMessage(state.writeError)}</p>`
          : nothing
      }
      ${this.field(
        'title',
        t.titleLabel,
        html`<input id="goal-title" name="title" required maxlength="200" .value=${goal?.title ?? ''} aria-invalid=${invalid('title')}
        aria-describedby=${described('title')} />`,
        errors,
      )}
      <div class="grid">
        ${this.field(
          'metric',
          t.metricLabel,
          html`<select id="goal-metric" name="metric" @change=${(e: Event) => (this.metric = (e.target as HTMLSelectElement).value as GoalMetric)}>
            ${GOAL_METRICS.map((m) => html`<option value=${m} ?selected=${m === this.metric}>${t.metrics[m]}</option>`)}
          </select>`,
          errors,
        )}
        ${this.field(
          'target',
          t.targetLabel,
          html`<input id="goal-target" name="target" type="number" required min="0" step="any" inputmode="decimal" .value=${String(target)}
          aria-invalid=${invalid('target')} aria-describedby=${described('target', percent)} />`,
          errors,
          percent ? t.targetPercentHint : undefined,
        )}
        ${this.field(
          'from',
          t.fromLabel,
          html`<input id="goal-from" name="from" type="date" required .value=${goal?.from ?? today()} aria-invalid=${invalid('from')}
          aria-describedby=${described('from')} />`,
          errors,
        )}
        ${this.field(
          'to',
          t.toLabel,
          html`<input id="goal-to" name="to" type="date" required .value=${goal?.to ?? inDays(29)} aria-invalid=${invalid('to')}
          aria-describedby=${described('to')} />`,
          errors,
        )}
        ${this.field(
          'team',
          t.teamLabel,
          html`<select id="goal-team" name="team" aria-invalid=${invalid('team')} aria-describedby=${described('team')}>
            <option value="">${t.company}</option>
            ${(this.teams.value?.data ?? []).map((team) => html`<option value=${team.id} ?selected=${goal?.team === team.id}>${team.name}</option>`)}
          </select>`,
          errors,
        )}
      </div>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${state?.busy != null}>${t.save}</button>
        <button type="button" @click=${() => this.close()}>${t.cancel}</button>
      </div>
    </form>`;
  }

  private goal(goal: Goal, busy: boolean) {
    const t = this.t;
    const { progress } = goal;
    const v = (value: number) => this.value(goal.metric, value);
    const day = (iso: string) => formatDay(iso, this.lang_);
    const team = goal.team === null ? t.company : (this.teams.value?.data?.find((x) => x.id === goal.team)?.name ?? goal.team);
    const headingId = `goal-${goal.id}`;
    return html`<li class="goal" part="goal" aria-labelledby=${headingId}>
      <h3 id=${headingId}>${goal.title}</h3>
      <p class="meta">
        ${t.metrics[goal.metric]} · ${team} · ${t.range(day(goal.from), day(goal.to))} · ${t.day(progress.elapsedDays, progress.totalDays)}
        ${goal.archived ? html` · ${t.archivedBadge}` : nothing}
      </p>
      <p><span class="status ${progress.status}">${t.statuses[progress.status]}</span></p>
      <dl class="figures">
        <div><dt>${t.current}</dt><dd>${v(progress.current)}</dd></div>
        <div><dt>${t.expected}</dt><dd>${v(progress.expected)}</dd></div>
        <div><dt>${t.target}</dt><dd>${v(goal.target)}</dd></div>
      </dl>
      <div part="chart" ${this.widths.ref(goal.id)}>
        ${goalChart(
          goal,
          {
            label: t.chartLabel(goal.title, v(progress.current), v(goal.target), v(progress.expected), t.statuses[progress.status]),
            target: v(goal.target),
            zero: v(0),
            from: day(goal.from),
            to: day(goal.to),
          },
          Math.min(420, this.widths.width(goal.id, 320)),
        )}
      </div>
      <div class="actions">
        <button data-edit=${goal.id} aria-label=${t.editName(goal.title)} ?disabled=${busy} @click=${() => this.open(goal)}>${t.edit}</button>
        ${
          goal.archived
            ? nothing
            : html`<button aria-label=${t.archiveName(goal.title)} ?disabled=${busy} @click=${() => this.act(goal, 'archive')}>${t.archive}</button>`
        }
        <button aria-label=${t.removeName(goal.title)} ?disabled=${busy} @click=${() => this.act(goal, 'remove')}>${t.remove}</button>
      </div>
    </li>`;
  }

  protected override render() {
    const t = this.t;
    const state = this.state.value;
    return html`<section aria-labelledby="title">
      <div class="header">
        <h2 id="title">${t.title}</h2>
        <label class="check">
          <input type="checkbox" .checked=${state?.archived ?? false} @change=${(e: Event) => this.goals?.showArchived((e.target as HTMLInputElement).checked)} />
          ${t.showArchived}
        </label>
      </div>
      <p part="status" role="status">${this.notice}</p>
      ${state?.writeError && this.editing === null ? html`<p class="notice error" role="alert">${this.errorMessage(state.writeError)}</p>` : nothing}
      ${
        this.editing === null
          ? html`<div><button class="primary new-goal" @click=${() => this.open('new')}>${t.newGoal}</button></div>`
          : this.form()
      }
      ${this.body(state)}
    </section>`;
  }

  private body(state: GoalsState | undefined) {
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
        <button class="primary" @click=${() => this.goals?.refresh()}>${this.common.retry}</button>
      </div>`;
    }
    if (state.status === 'empty') return html`<p class="state" part="state">${t.empty}</p>`;
    return html`<ul class="goals">
      ${state.items.map((goal) => this.goal(goal, state.busy !== null))}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'advocacy-goals': AdvocacyGoalsElement;
  }
}

import { httpBackend } from '@advocacy-kit/core';
import type { AdvocacyAdminBackend, AnalyticsSummary, Breakdown, ContentKind, Suggestion, Topic } from '@advocacy-kit/core/backend';
import './styles.css';
import { API_BASE_URL } from './api.js';
import { strings, type PortalStrings } from './i18n.js';
import { requireSession } from './session.js';
import { applyHeader, applyText } from './shell.js';

/**
 * The program admin's page: plain forms and tables over core's admin backend (publish a post,
 * review suggestions, read the analytics summary).
 */
class AdminPage {
  private topics: Topic[] = [];
  private readonly numbers: Intl.NumberFormat;
  private readonly dates: Intl.DateTimeFormat;

  constructor(
    private readonly t: PortalStrings,
    private readonly language: string,
    private readonly admin: AdvocacyAdminBackend,
    private readonly status: HTMLElement,
  ) {
    this.numbers = new Intl.NumberFormat(language);
    this.dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  }

  async start(topics: Promise<Topic[]>): Promise<void> {
    document.querySelector('#publish-form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.publish(event.target as HTMLFormElement);
    });
    await Promise.all([
      this.guard(document.querySelector('#post-topics')!, async () => {
        this.topics = await topics;
        this.renderTopicChoices();
      }),
      this.loadSuggestions(),
      this.loadAnalytics(),
    ]);
  }

  /** Runs a load; on failure shows the error with a Retry button in `target`. */
  private async guard(target: HTMLElement, load: () => Promise<void>): Promise<void> {
    try {
      await load();
    } catch (error) {
      const message = document.createElement('p');
      message.className = 'status error';
      message.textContent = this.t.errorPrefix + describe(error);
      const retry = button(this.t.retry, () => void this.guard(target, load));
      target.replaceChildren(message, retry);
    }
  }

  private say(text: string, isError = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('error', isError);
  }

  private renderTopicChoices(): void {
    const box = document.querySelector<HTMLElement>('#post-topics')!;
    box.replaceChildren(
      ...this.topics.map((topic) => {
        const label = document.createElement('label');
        const input = document.createElement('input');
        input.type = 'checkbox';
        input.name = 'topics';
        input.value = topic.id;
        label.append(input, this.topicName(topic.id));
        return label;
      }),
    );
  }

  private topicName(id: string): string {
    const topic = this.topics.find((candidate) => candidate.id === id);
    return topic?.names[this.language] ?? topic?.names.en ?? id;
  }

  private async publish(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const locale = text('locale');
    const commentary = text('commentary');
    try {
      const post = await this.admin.createPost({
        kind: text('kind') as ContentKind,
        title: text('title'),
        summary: text('summary'),
        url: text('url'),
        locale,
        topics: data.getAll('topics').map(String),
        hashtags: text('hashtags').split(/\s+/).map((tag) => tag.replace(/^#/, '')).filter(Boolean),
        ...(commentary ? { suggestedCommentary: { [locale]: { default: commentary } } } : {}),
      });
      form.reset();
      this.say(this.t.published + post.title);
    } catch (error) {
      this.say(this.t.errorPrefix + describe(error), true);
    }
  }

  private loadSuggestions(): Promise<void> {
    const target = document.querySelector<HTMLElement>('#suggestions')!;
    target.textContent = this.t.loading;
    return this.guard(target, async () => {
      const page = await this.admin.listSuggestions({ status: 'pending', limit: 100 });
      if (page.items.length === 0) {
        const empty = document.createElement('p');
        empty.textContent = this.t.suggestionsEmpty;
        target.replaceChildren(empty);
        return;
      }
      target.replaceChildren(this.suggestionTable(page.items));
    });
  }

  private suggestionTable(items: Suggestion[]): HTMLElement {
    const rows = items.map((suggestion) => {
      const link = document.createElement('a');
      link.href = suggestion.url;
      link.textContent = suggestion.url;
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      const reasonId = `reason-${suggestion.id}`;
      const reasonLabel = document.createElement('label');
      reasonLabel.htmlFor = reasonId;
      reasonLabel.className = 'visually-hidden';
      reasonLabel.textContent = `${this.t.rejectReason}: ${suggestion.url}`;
      const reason = document.createElement('input');
      reason.id = reasonId;
      reason.placeholder = this.t.rejectReason;
      const actions = document.createElement('div');
      actions.className = 'actions';
      actions.append(
        button(this.t.approve, () => void this.review(suggestion, { decision: 'approve' }), `${this.t.approve}: ${suggestion.url}`),
        reasonLabel,
        reason,
        button(
          this.t.reject,
          () => void this.review(suggestion, { decision: 'reject', reason: reason.value.trim() || this.t.defaultRejectReason }),
          `${this.t.reject}: ${suggestion.url}`,
        ),
      );
      return [link, suggestion.note, this.dates.format(new Date(suggestion.createdAt)), actions] as const;
    });
    return table([this.t.colLink, this.t.colNote, this.t.colSubmitted, this.t.colActions], rows);
  }

  private async review(suggestion: Suggestion, review: Parameters<AdvocacyAdminBackend['reviewSuggestion']>[1]): Promise<void> {
    try {
      await this.admin.reviewSuggestion(suggestion.id, review);
      this.say((review.decision === 'approve' ? this.t.approved : this.t.rejected) + suggestion.url);
      await Promise.all([this.loadSuggestions(), this.loadAnalytics()]);
    } catch (error) {
      this.say(this.t.errorPrefix + describe(error), true);
    }
  }

  private loadAnalytics(): Promise<void> {
    const target = document.querySelector<HTMLElement>('#analytics')!;
    target.textContent = this.t.loading;
    const to = new Date();
    const from = new Date(to.getTime() - 30 * 24 * 60 * 60 * 1000);
    return this.guard(target, async () => {
      const summary = await this.admin.getAnalytics({ from: from.toISOString(), to: to.toISOString() });
      target.replaceChildren(...this.analytics(summary));
    });
  }

  private analytics(summary: AnalyticsSummary): HTMLElement[] {
    const n = (value: number) => this.numbers.format(value);
    const percent = new Intl.NumberFormat(this.language, { style: 'percent', maximumFractionDigits: 1 });
    const metrics = document.createElement('dl');
    metrics.className = 'metrics';
    const entries: Array<[string, string, string]> = [
      ['advocates', this.t.metricAdvocates, `${n(summary.activeAdvocates)} / ${n(summary.employees)}`],
      ['participation', this.t.metricParticipation, percent.format(summary.participationRate)],
      ['shares', this.t.metricShares, n(summary.shares)],
      ['reach', this.t.metricReach, n(summary.estimatedReach)],
      ['clicks', this.t.metricClicks, n(summary.uniqueClicks)],
      ['conversions', this.t.metricConversions, n(summary.conversions)],
      ['conversion-value', this.t.metricConversionValue, n(summary.conversionValue)],
    ];
    for (const [key, label, value] of entries) {
      const item = document.createElement('div');
      item.dataset.metric = key;
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = value;
      item.append(dt, dd);
      metrics.append(item);
    }
    return [
      metrics,
      this.breakdown(this.t.byNetworkHeading, summary.byNetwork, (key) => networkName(key, this.t)),
      this.breakdown(this.t.byTopicHeading, summary.byTopic, (key) => this.topicName(key)),
    ];
  }

  private breakdown(heading: string, rows: Breakdown[], name: (key: string) => string): HTMLElement {
    const section = document.createElement('div');
    const title = document.createElement('h3');
    title.textContent = heading;
    const n = (value: number) => this.numbers.format(value);
    section.append(
      title,
      table(
        [this.t.colKey, this.t.metricShares, this.t.metricClicks, this.t.metricConversions],
        rows.map((row) => [name(row.key), n(row.shares), n(row.clicks), n(row.conversions)]),
        true,
      ),
    );
    return section;
  }
}

const BRANDS: Record<string, string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  threads: 'Threads',
  bluesky: 'Bluesky',
  xing: 'XING',
  line: 'LINE',
  hatena: 'はてなブックマーク',
};

function networkName(key: string, t: PortalStrings): string {
  return BRANDS[key] ?? t.networkNames[key as keyof PortalStrings['networkNames']] ?? key;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function button(text: string, onClick: () => void, accessibleName?: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'button button-small';
  element.textContent = text;
  if (accessibleName) element.setAttribute('aria-label', accessibleName);
  element.addEventListener('click', onClick);
  return element;
}

/** A table with a header row; cells are text or elements (never HTML strings). */
function table(headers: string[], rows: ReadonlyArray<ReadonlyArray<string | HTMLElement>>, numeric = false): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  const element = document.createElement('table');
  const head = element.createTHead().insertRow();
  headers.forEach((header, index) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = header;
    if (numeric && index > 0) th.className = 'number';
    head.append(th);
  });
  const body = element.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((cell, index) => {
      const td = tr.insertCell();
      if (numeric && index > 0) td.className = 'number';
      td.append(cell);
    });
  }
  wrap.append(element);
  return wrap;
}

const session = requireSession();
if (session !== null) {
  const t = strings(session.language);
  applyText(t, session.language);
  applyHeader(t, session);
  const status = document.querySelector<HTMLElement>('#admin-status')!;
  if (session.employee.role !== 'admin') {
    status.textContent = t.adminForbidden;
    status.classList.add('error');
    for (const section of document.querySelectorAll<HTMLElement>('main section')) section.hidden = true;
  } else {
    const backend = httpBackend({ baseUrl: API_BASE_URL, getToken: () => session.token });
    const page = new AdminPage(t, session.language, backend.admin, status);
    void page.start(backend.listTopics());
  }
}

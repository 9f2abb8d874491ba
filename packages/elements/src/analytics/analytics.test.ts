import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyAnalyticsElement } from './analytics.component.js';
import { compare, windows } from './periods.js';
import { adminClient, find, findAll, shadow, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function analyticsWith(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyAnalyticsElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-analytics></advocacy-analytics></advocacy-provider></div>`,
  );
  const element = wrapper.querySelector('advocacy-analytics')!;
  return element;
}

const kpi = (element: Element, key: string) => shadow(element).querySelector(`[data-kpi="${key}"] .value`)?.textContent?.trim();

/** Captures what a CSV export would download instead of saving a file. */
async function captureDownload(trigger: () => void): Promise<{ name: string; text: string }> {
  const createObjectURL = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  let blob: Blob | undefined;
  let name = '';
  URL.createObjectURL = (object: Blob | MediaSource) => {
    blob = object as Blob;
    return 'blob:captured';
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    name = this.download;
  };
  try {
    trigger();
  } finally {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = click;
  }
  return { name, text: await blob!.text() };
}

describe('<advocacy-analytics>', () => {
  it('shows the key figures of the period against the period before', async () => {
    const { client, backend } = adminClient();
    const { current, previous } = windows('30', new Date());
    const admin = backend.as('emp-haruka').admin;
    const [now, before] = await Promise.all([admin.getAnalytics(current), admin.getAnalytics(previous)]);
    const element = await analyticsWith(client);
    await find(element, '[part="kpis"]');
    expect(kpi(element, 'shares')).to.equal(now.shares.toLocaleString('en'));
    expect(kpi(element, 'advocates')).to.equal(`${now.activeAdvocates} / ${now.employees}`);
    expect(kpi(element, 'clicks')).to.equal(now.uniqueClicks.toLocaleString('en'));
    const change = compare(now.shares, before.shares);
    const changeText = shadow(element).querySelector('[data-kpi="shares"] .change')!.textContent!.trim();
    if (change.kind === 'ratio') expect(changeText).to.match(/^[+-][\d.]+% on the period before$/);
    await expect(element).to.be.accessible();
  });

  it('breaks shares down by network, topic, team and kind, each chart with its table', async () => {
    const { client, backend } = adminClient();
    const now = await backend.as('emp-haruka').admin.getAnalytics(windows('30', new Date()).current);
    const element = await analyticsWith(client);
    const table = await find<HTMLTableElement>(element, '#byNetwork-table');
    expect(table.classList.contains('visually-hidden')).to.equal(true);
    expect(table.tBodies[0]!.rows).to.have.length(now.byNetwork.length);
    const top = [...now.byNetwork].sort((a, b) => b.shares - a.shares)[0]!;
    const chart = shadow(element).querySelector('[part="breakdown"] svg[role="img"]')!;
    expect(chart.getAttribute('aria-label')).to.contain(`${now.shares.toLocaleString('en')} shares in total`);
    expect(table.tBodies[0]!.rows[0]!.cells[1]!.textContent).to.equal(top.shares.toLocaleString('en'));
    const toggle = shadow(element).querySelector<HTMLButtonElement>('button[aria-controls="byNetwork-table"]')!;
    toggle.click();
    await element.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(table.classList.contains('visually-hidden')).to.equal(false);
    expect(textOf(element)).to.contain('By team').and.contain('Content mix against 6-3-1');
    expect(shadow(element).querySelector('#mix-table')!.textContent).to.contain('60%').and.contain('Curated');
    expect(findAll(element, '#series-table tbody tr').length).to.equal(now.byDay.length);
    await expect(element).to.be.accessible();
  });

  it('exports what it shows to CSV', async () => {
    const { client, backend } = adminClient();
    const now = await backend.as('emp-haruka').admin.getAnalytics(windows('30', new Date()).current);
    const element = await analyticsWith(client);
    await find(element, '#byTeam-table');
    const button = shadow(element).querySelector<HTMLButtonElement>('button[aria-label="Export CSV: By team"]')!;
    const { name, text } = await captureDownload(() => button.click());
    expect(name).to.equal('analytics-byTeam.csv');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).to.equal('Name,Shares,Clicks,Conversions');
    expect(lines).to.have.length(now.byTeam.length + 1);
    expect(text).to.contain('Marketing');
  });

  it('follows the chosen period', async () => {
    const { client, backend } = adminClient();
    const week = await backend.as('emp-haruka').admin.getAnalytics(windows('7', new Date()).current);
    const element = await analyticsWith(client);
    await find(element, '[part="kpis"]');
    findAll<HTMLInputElement>(element, 'input[name="range"]').find((input) => input.parentElement!.textContent!.trim() === 'Last 7 days')!.click();
    await waitUntil(() => kpi(element, 'shares') === week.shares.toLocaleString('en'), 'the 7-day figures never showed');
  });

  it('says when nothing was shared, and shows an error with a retry', async () => {
    const empty = await analyticsWith(adminClient({ seed: false }).client);
    await untilText(empty, 'No shares in this period yet.');
    await expect(empty).to.be.accessible();
    const { client, backend } = adminClient();
    backend.fail('timeout');
    const element = await analyticsWith(client);
    await untilText(element, 'We couldn’t load the results');
    backend.fail(null);
    shadow(element).querySelector<HTMLButtonElement>('[part="state"] button')!.click();
    await find(element, '[part="kpis"]');
  });

  it('speaks Japanese', async () => {
    const element = await analyticsWith(adminClient().client, 'ja');
    await find(element, '[part="kpis"]');
    expect(textOf(element)).to.contain('プログラムの成果').and.contain('コンテンツ構成').and.contain('過去30日間');
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyAnalyticsElement } from './analytics.component.js';
import { compare, windows } from './periods.js';
import { everyDay } from '../internal/time-chart.js';
import { demoSeed, type DemoSeed, type SeedShare } from '@advocacy-kit/core/memory';
import { adminClient, captureDownload, find, findAll, shadow, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function analyticsWith(client: AdvocacyClient, lang = 'en', width?: number): Promise<AdvocacyAnalyticsElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-analytics></advocacy-analytics></advocacy-provider></div>`,
  );
  if (width) wrapper.style.width = `${width}px`;
  const element = wrapper.querySelector('advocacy-analytics')!;
  return element;
}

const kpi = (element: Element, key: string) => shadow(element).querySelector(`[data-kpi="${key}"] .value`)?.textContent?.trim();

const UNTRUSTED = '<img src=x onerror="window.pwned=1">Launch';

/** The demo company with five known shares in the last week: two advocates, three posts, the first titled with markup. */
function knownResults(now: Date): DemoSeed {
  const seed = demoSeed(now);
  const [owned, curated, other] = seed.posts;
  owned!.title = UNTRUSTED;
  const share = (id: string, employeeId: string, postId: string, uniqueClicks: number, conversions = 0): SeedShare => ({
    id,
    postId,
    employeeId,
    network: 'linkedin',
    commentary: '',
    createdAt: new Date(now.getTime() - 5 * 86_400_000).toISOString(),
    uniqueClicks,
    conversions: Array.from({ length: conversions }, (_, index) => ({ type: 'lead' as const, value: 1000, externalId: `${id}-${index}` })),
  });
  seed.shares = [
    share('s1', 'emp-emily', owned!.id, 4, 1),
    share('s2', 'emp-emily', owned!.id, 2),
    share('s3', 'emp-emily', curated!.id, 0),
    share('s4', 'emp-kenji', curated!.id, 7, 2),
    share('s5', 'emp-kenji', other!.id, 1),
  ];
  return seed;
}

/**
 * Deals in two currencies in the last 30 days (150,000.4 yen and 19.749 dollars, biggest first)
 * and 10 euros in the 30 days before.
 */
function twoCurrencies(now: Date): DemoSeed {
  const seed = demoSeed(now);
  const [post] = seed.posts;
  const share = (id: string, daysAgo: number, conversions: SeedShare['conversions']): SeedShare => ({
    id,
    postId: post!.id,
    employeeId: 'emp-emily',
    network: 'linkedin',
    commentary: '',
    createdAt: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(),
    uniqueClicks: 0,
    conversions,
  });
  const deal = (externalId: string, value: number, currency: string) => ({ type: 'deal' as const, value, currency, externalId });
  seed.shares = [
    share('s-old', 45, [deal('eur-1', 10, 'EUR')]),
    share('s1', 9, [deal('jpy-1', 120_000.4, 'JPY'), deal('usd-1', 19.499, 'USD')]),
    share('s2', 6, [deal('jpy-2', 30_000, 'JPY'), deal('usd-2', 0.25, 'USD')]),
  ];
  return seed;
}

/** Few shares and many clicks: shares in single figures a day, clicks in the hundreds. */
function fewSharesManyClicks(now: Date): DemoSeed {
  const seed = demoSeed(now);
  const [post] = seed.posts;
  const share = (id: string, daysAgo: number, uniqueClicks: number): SeedShare => ({
    id,
    postId: post!.id,
    employeeId: 'emp-emily',
    network: 'linkedin',
    commentary: '',
    createdAt: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(),
    uniqueClicks,
    conversions: [],
  });
  seed.shares = [share('s1', 9, 900), share('s2', 6, 1200), share('s3', 6, 0), share('s4', 3, 700)];
  return seed;
}

const dayFormat = (lang: string) => new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** The size a text is drawn at on screen: its font size times the SVG's scale. */
const drawnFontSize = (text: SVGTextElement) => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM()!.a;

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function overTimeChart(element: Element) {
  const plot = await find(element, '.series .time-chart-plot');
  return { plot, svg: plot.querySelector('svg')!, readout: shadow(element).querySelector('.series .readout')! };
}

const tableText = (element: Element, id: string) =>
  findAll<HTMLTableRowElement>(element, `#${id}-table tr`).map((row) => [...row.cells].map((cell) => cell.textContent!.trim()));

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
    // Teams are named in the signed-in admin's language (emp-haruka's profile is Japanese).
    expect(text).to.contain('マーケティング部');
  });

  it('exports the KPIs with named columns, periods as ISO dates and rounded rates', async () => {
    const { client, backend } = adminClient();
    const range = windows('30', new Date());
    const now = await backend.as('emp-haruka').admin.getAnalytics(range.current);
    const element = await analyticsWith(client);
    await find(element, '[part="kpis"]');
    const button = shadow(element).querySelector<HTMLButtonElement>('button.export[part="export-button"]')!;
    const { name, text } = await captureDownload(() => button.click());
    expect(name).to.equal('analytics-kpis.csv');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).to.match(
      /^Measure,This period \(\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}\),Previous period \(\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}\)$/,
    );
    expect(lines[0]).to.contain(now.from.slice(0, 10));
    const participation = lines.find((line) => line.startsWith('Participation (%)'))!.split(',');
    expect(Number(participation[1])).to.equal(Math.round(now.participationRate * 10_000) / 100);
    // No raw floats: every number has at most two decimals.
    for (const line of lines.slice(1)) for (const value of line.split(',').slice(1)) expect(value).to.match(/^-?\d+(\.\d{1,2})?$/);
  });

  it('shows the conversion value as money, one figure per currency, never added across currencies', async () => {
    const element = await analyticsWith(adminClient({ seed: twoCurrencies(new Date()) }).client);
    await find(element, '[part="kpis"]');
    expect(kpi(element, 'value-JPY')).to.equal('¥150,000');
    expect(kpi(element, 'value-USD')).to.equal('$19.75');
    // A currency of the period before only: nothing this period, all of it gone.
    expect(kpi(element, 'value-EUR')).to.equal('€0.00');
    expect(shadow(element).querySelector('[data-kpi="value-EUR"] .change')!.textContent!.trim()).to.equal('-100% on the period before');
    expect(shadow(element).querySelector('[data-kpi="value"]')).to.equal(null);
    const labels = findAll(element, '[data-kpi^="value"] dt').map((label) => label.textContent!.trim());
    expect(labels).to.deep.equal(['Conversion value (JPY)', 'Conversion value (USD)', 'Conversion value (EUR)']);
    await expect(element).to.be.accessible();
  });

  it('exports one conversion value row per currency, rounded to its minor units', async () => {
    const element = await analyticsWith(adminClient({ seed: twoCurrencies(new Date()) }).client);
    await find(element, '[part="kpis"]');
    const { text } = await captureDownload(() => shadow(element).querySelector<HTMLButtonElement>('button.export')!.click());
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines.filter((line) => line.startsWith('Conversion value'))).to.deep.equal([
      'Conversion value (JPY),150000,0',
      'Conversion value (USD),19.75,0',
      'Conversion value (EUR),0,10',
    ]);
  });

  it('names the conversion value per currency in Japanese, on screen and in the CSV', async () => {
    const element = await analyticsWith(adminClient({ seed: twoCurrencies(new Date()) }).client, 'ja');
    await find(element, '[part="kpis"]');
    expect(kpi(element, 'value-JPY')).to.equal(new Intl.NumberFormat('ja', { style: 'currency', currency: 'JPY' }).format(150_000.4));
    expect(kpi(element, 'value-JPY')).to.match(/^[¥￥]150,000$/);
    expect(shadow(element).querySelector('[data-kpi="value-USD"] dt')!.textContent!.trim()).to.equal('コンバージョン金額（USD）');
    const { text } = await captureDownload(() => shadow(element).querySelector<HTMLButtonElement>('button.export')!.click());
    expect(text).to.contain('\r\nコンバージョン金額（JPY）,150000,0\r\n').and.contain('\r\nコンバージョン金額（USD）,19.75,0\r\n');
    await expect(element).to.be.accessible();
  });

  it('ranks the top advocates and the top posts of the period, with their numbers, as text', async () => {
    const now = new Date();
    const seed = knownResults(now);
    const element = await analyticsWith(adminClient({ seed }).client);
    await find(element, '#topPosts-table');
    expect(tableText(element, 'topAdvocates')).to.deep.equal([
      ['Name', 'Team', 'Shares', 'Clicks'],
      ['Emily Clarke', 'マーケティング部', '3', '6'],
      ['高橋 健二', '開発部', '2', '8'],
    ]);
    expect(tableText(element, 'topPosts')).to.deep.equal([
      ['Title', 'Kind', 'Shares', 'Clicks', 'Conversions'],
      [seed.posts[1]!.title, 'Curated', '2', '7', '2'],
      [UNTRUSTED, 'Our own', '2', '6', '1'],
      [seed.posts[2]!.title, 'Curated', '1', '1', '0'],
    ]);
    expect(shadow(element).querySelector('img')).to.equal(null);
    expect(shadow(element).querySelector('#topPosts-table')!.getAttribute('aria-labelledby')).to.equal('topPosts-title');
    expect(shadow(element).querySelector('#topPosts-title')!.textContent).to.equal('Top posts');
    await expect(element).to.be.accessible();
  });

  it('exports the top advocates and the top posts to CSV', async () => {
    const element = await analyticsWith(adminClient({ seed: knownResults(new Date()) }).client);
    await find(element, '#topPosts-table');
    const advocates = await captureDownload(() =>
      shadow(element).querySelector<HTMLButtonElement>('button[aria-label="Export CSV: Top advocates"]')!.click(),
    );
    expect(advocates.name).to.equal('analytics-topAdvocates.csv');
    expect(advocates.text).to.equal('Name,Team,Shares,Clicks\r\nEmily Clarke,マーケティング部,3,6\r\n高橋 健二,開発部,2,8\r\n');
    const posts = await captureDownload(() =>
      shadow(element).querySelector<HTMLButtonElement>('button[aria-label="Export CSV: Top posts"]')!.click(),
    );
    expect(posts.name).to.equal('analytics-topPosts.csv');
    const lines = posts.text.trim().split('\r\n');
    expect(lines[0]).to.equal('Title,Kind,Shares,Clicks,Conversions');
    expect(lines[2]).to.equal(`"${UNTRUSTED.replace(/"/g, '""')}",Our own,2,6,1`);
    expect(lines).to.have.length(4);
  });

  it('draws shares and clicks day by day as panels with their own scales, dated and valued axes', async () => {
    const now = new Date();
    const { client, backend } = adminClient({ seed: fewSharesManyClicks(now) });
    const { byDay, from, to } = await backend.as('emp-haruka').admin.getAnalytics(windows('30', now).current);
    const sharesMax = Math.max(...byDay.map((row) => row.shares));
    const clicksMax = Math.max(...byDay.map((row) => row.clicks));
    expect(clicksMax).to.be.greaterThan(20 * sharesMax, 'the seed has far more clicks than shares');
    const element = await analyticsWith(client);
    const { svg } = await overTimeChart(element);
    expect(svg.getAttribute('role')).to.equal('img');
    const panels = [...svg.querySelectorAll('g.panel')];
    expect(panels.map((panel) => panel.querySelector('.panel-title')!.textContent)).to.deep.equal(['Shares', 'Clicks']);
    for (const [panel, max] of [
      [panels[0]!, sharesMax],
      [panels[1]!, clicksMax],
    ] as const) {
      // Each panel has its own y axis: its ticks run from 0 to at least its own maximum, no further than twice it.
      const values = [...panel.querySelectorAll('.y-tick')].map((tick) => Number(tick.textContent!.replace(/,/g, '')));
      expect(values[0]).to.equal(0);
      expect(values.at(-1))
        .to.be.at.least(max)
        .and.at.most(2 * max);
      expect(panel.querySelectorAll('.y-tick').length).to.be.at.least(2);
      expect(panel.querySelectorAll('line.grid').length).to.be.at.least(1);
      // …and its tallest bar fills a good part of its plot: a measure in single figures is not flattened.
      const gridLines = [...panel.querySelectorAll('line.grid, line.axis')].map((line) => Number(line.getAttribute('y1')));
      const plotHeight = Math.max(...gridLines) - Math.min(...gridLines);
      const tallest = Math.max(...[...panel.querySelectorAll('rect.bar')].map((bar) => Number(bar.getAttribute('height'))));
      expect(tallest / plotHeight).to.be.greaterThan(0.4);
      // One bar slot per day of the period, days without activity included.
      expect(panel.querySelectorAll('rect.bar')).to.have.length(everyDay(from, to).length);
    }
    const days = everyDay(from, to).map((day) => dayFormat('en').format(new Date(`${day}T00:00:00Z`)));
    const ticks = [...svg.querySelectorAll('.x-tick')].map((tick) => tick.textContent);
    expect(ticks.length).to.be.at.least(3);
    for (const tick of ticks) expect(days).to.include(tick);
    await expect(element).to.be.accessible();
  });

  it('reads out a day picked with the arrow keys, Home and End, or the pointer', async () => {
    const now = new Date();
    const { client, backend } = adminClient({ seed: fewSharesManyClicks(now) });
    const report = await backend.as('emp-haruka').admin.getAnalytics(windows('30', now).current);
    // Every day of the period, those without activity at 0.
    const byDay = everyDay(report.from, report.to).map(
      (key) => report.byDay.find((row) => row.key.slice(0, 10) === key) ?? { key, shares: 0, clicks: 0 },
    );
    expect(byDay.length).to.be.greaterThan(report.byDay.length);
    const said = (index: number) => {
      const row = byDay[index]!;
      const day = dayFormat('en').format(new Date(`${row.key.slice(0, 10)}T00:00:00Z`));
      return `${day}: Shares ${row.shares.toLocaleString('en')}, Clicks ${row.clicks.toLocaleString('en')}`;
    };
    const element = await analyticsWith(client);
    const { plot, svg, readout } = await overTimeChart(element);
    expect(readout.getAttribute('aria-live')).to.equal('polite');
    expect(plot.getAttribute('tabindex')).to.equal('0');
    expect(plot.getAttribute('aria-label')).to.equal('Shares and clicks over time');
    plot.focus();
    await waitUntil(() => readout.textContent === said(byDay.length - 1), 'focus did not read out the latest day');
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => readout.textContent === said(byDay.length - 2), 'ArrowLeft did not read out the day before');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => readout.textContent === said(0), 'Home did not read out the first day');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => readout.textContent === said(1), 'ArrowRight did not read out the next day');
    await sendKeys({ press: 'End' });
    await waitUntil(() => readout.textContent === said(byDay.length - 1), 'End did not read out the last day');
    // The busiest day for clicks, under the pointer.
    const busiest = byDay.findIndex((row) => row.clicks === Math.max(...byDay.map((day) => day.clicks)));
    const bar = svg.querySelectorAll('g.panel')[1]!.querySelectorAll('rect.bar')[busiest]!.getBoundingClientRect();
    svg.dispatchEvent(new PointerEvent('pointermove', { clientX: bar.left + bar.width / 2, clientY: bar.top + 2, bubbles: true }));
    await waitUntil(() => readout.textContent === said(busiest), 'the pointer did not read out the day under it');
    svg.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
    await waitUntil(() => readout.textContent === said(byDay.length - 1), 'leaving did not return to the picked day');
  });

  it('keeps every chart label legible and apart on a 390 px phone, the same size in every chart', async () => {
    const element = await analyticsWith(adminClient({ seed: fewSharesManyClicks(new Date()) }).client, 'en', 390);
    const { svg } = await overTimeChart(element);
    await waitUntil(() => Number(svg.getAttribute('width')) <= 390, 'the chart was not drawn at the phone width');
    expect(svg.getBoundingClientRect().width).to.be.at.most(390);
    const datesApart = () => {
      const dates = [...svg.querySelectorAll<SVGTextElement>('.x-tick')];
      expect(dates.length).to.be.at.least(3);
      const boxes = dates.map((text) => text.getBoundingClientRect());
      const frame = svg.getBoundingClientRect();
      boxes.forEach((box, index) => {
        expect(box.left).to.be.at.least(frame.left - 0.5);
        expect(box.right).to.be.at.most(frame.right + 0.5);
        for (const other of boxes.slice(index + 1)) expect(overlaps(box, other), 'two date labels overlap').to.equal(false);
      });
      return dates;
    };
    const dates = datesApart();
    const texts = findAll<SVGTextElement>(element, 'svg text');
    const mixLabels = findAll<SVGTextElement>(element, '.mix-chart text');
    expect(mixLabels.map((text) => text.textContent)).to.deep.equal(['Target', 'Shared']);
    const barLabel = shadow(element).querySelector<SVGTextElement>('.bars text.label')!;
    for (const text of texts) expect(drawnFontSize(text), `“${text.textContent}” is too small`).to.be.at.least(12);
    // “Target” and “Shared” are drawn the same size as the other charts' labels.
    for (const text of mixLabels) expect(drawnFontSize(text)).to.be.closeTo(drawnFontSize(barLabel), 0.01);
    expect(drawnFontSize(dates[0]!)).to.be.closeTo(drawnFontSize(barLabel), 0.01);
    // A year of days: month-aligned dates, still apart.
    element.range = '365';
    await waitUntil(() => svg.querySelectorAll('g.panel rect.bar').length > 2 * 300, 'the year was not drawn');
    datesApart();
  });

  it('follows the chosen period', async () => {
    const { client, backend } = adminClient();
    const week = await backend.as('emp-haruka').admin.getAnalytics(windows('7', new Date()).current);
    const element = await analyticsWith(client);
    await find(element, '[part="kpis"]');
    findAll<HTMLInputElement>(element, 'input[name="range"]')
      .find((input) => input.parentElement!.textContent!.trim() === 'Last 7 days')!
      .click();
    await waitUntil(() => kpi(element, 'shares') === week.shares.toLocaleString('en'), 'the 7-day figures never showed');
  });

  it('says when nothing was shared, and shows an error with a retry', async () => {
    const empty = await analyticsWith(adminClient({ seed: false }).client);
    await untilText(empty, 'No shares in this period yet.');
    expect(textOf(empty))
      .to.contain('Top advocates')
      .and.contain('Nobody shared in this period.')
      .and.contain('No post was shared or clicked in this period.');
    expect(shadow(empty).querySelector('#topAdvocates-table, #topPosts-table')).to.equal(null);
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
    expect(textOf(element))
      .to.contain('プログラムの成果')
      .and.contain('コンテンツ構成')
      .and.contain('過去30日間')
      .and.contain('シェア上位の社員')
      .and.contain('クリック上位の投稿');
    const { plot, svg, readout } = await overTimeChart(element);
    for (const tick of svg.querySelectorAll('.x-tick')) expect(tick.textContent).to.match(/^\d{1,2}月\d{1,2}日$/);
    plot.focus();
    await waitUntil(() => /^\d{1,2}月\d{1,2}日：シェア [\d,]+、クリック [\d,]+$/.test(readout.textContent!), 'no Japanese read-out');
    await expect(element).to.be.accessible();
  });
});

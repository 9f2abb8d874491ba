import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { StatsPoint } from '@advocacy-kit/core';
import type { AdvocacyMyStatsElement } from './my-stats.component.js';
import {
  expectDefaultHeadingLevel,
  find,
  findAll,
  mountFailing,
  retryRecovers,
  shadow,
  testClient,
  textOf,
  untilText,
} from '../../test/helpers.js';

async function statsWith(client: unknown, lang = 'en', width?: number): Promise<AdvocacyMyStatsElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-my-stats></advocacy-my-stats></advocacy-provider></div>`,
  );
  if (width) wrapper.style.width = `${width}px`;
  return wrapper.querySelector('advocacy-my-stats')!;
}

/** The month's stats, once the chart shows them. */
async function monthChart(stats: AdvocacyMyStatsElement, client: ReturnType<typeof testClient>['client']) {
  client.myStats.setPeriod('month');
  await waitUntil(() => client.myStats.store.get().data?.period === 'month');
  const series: StatsPoint[] = client.myStats.store.get().data!.series;
  await waitUntil(() => shadow(stats).querySelectorAll('svg rect.bar').length === series.length, 'the month was not drawn');
  const plot = await find(stats, '.time-chart-plot');
  return { series, plot, svg: plot.querySelector('svg')!, readout: shadow(stats).querySelector('.readout')! };
}

const dayFormat = (lang: string) => new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dateOf = (point: StatsPoint, lang = 'en') => dayFormat(lang).format(new Date(`${point.date.slice(0, 10)}T00:00:00Z`));

describe('<advocacy-my-stats>', () => {
  it('shows points, shares, unique clicks and conversions for the period', async () => {
    const { client, backend } = testClient();
    const expected = await backend.getMyStats(client.myStats.period.get());
    const stats = await statsWith(client);
    await find(stats, '[part="figure"]');
    const figures = findAll(stats, '[part="figure"]').map((f) => [f.querySelector('dt')!.textContent, f.querySelector('dd')!.textContent]);
    const n = (value: number) => new Intl.NumberFormat('en').format(value);
    expect(figures).to.deep.equal([
      ['Points', n(expected.points)],
      ['Shares', n(expected.shares)],
      ['Unique clicks', n(expected.clicks)],
      ['Conversions', n(expected.conversions)],
    ]);
    await expect(stats).to.be.accessible();
  });

  it('draws an accessible trend chart with a spoken summary and a table of every value', async () => {
    const { client } = testClient();
    const stats = await statsWith(client);
    client.myStats.setPeriod('month');
    await waitUntil(() => client.myStats.store.get().data?.period === 'month');
    const data = client.myStats.store.get().data!;
    const chart = await find(stats, 'svg[role="img"]');
    const total = data.series.reduce((sum, p) => sum + p.points, 0);
    expect(chart.getAttribute('aria-label')).to.contain(`${new Intl.NumberFormat('en').format(total)} in total`);
    expect(chart.querySelectorAll('rect')).to.have.length(data.series.length);
    const rows = findAll(stats, 'table tbody tr');
    expect(rows).to.have.length(data.series.length);
    await expect(stats).to.be.accessible();
  });

  it('keeps its screen-reader table from widening the page, wherever it sits', async () => {
    const { client } = testClient();
    const stats = await statsWith(client, 'ja');
    // 100 px from the window's right edge, the element's own content clipped to its box: only
    // what it positions outside its box (the hidden table) could still reach past the window.
    const wrapper = stats.parentElement!.parentElement!;
    wrapper.style.marginLeft = `${innerWidth - 100}px`;
    wrapper.style.overflow = 'clip';
    await monthChart(stats, client);
    const table = await find(stats, 'table');
    expect(findAll(stats, 'table tbody tr').length).to.be.above(20);
    expect(table.getBoundingClientRect().width, 'the table keeps its headings’ width').to.be.above(100);
    expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.equal(document.documentElement.clientWidth);
  });

  it('labels the chart with dates and points, scaled to the busiest day', async () => {
    const { client } = testClient();
    const stats = await statsWith(client);
    const { series, svg } = await monthChart(stats, client);
    const best = Math.max(...series.map((point) => point.points));
    const values = [...svg.querySelectorAll('.y-tick')].map((tick) => Number(tick.textContent!.replace(/,/g, '')));
    expect(values[0]).to.equal(0);
    expect(values.at(-1))
      .to.be.at.least(best)
      .and.at.most(2 * best);
    const days = series.map((point) => dateOf(point));
    const ticks = [...svg.querySelectorAll('.x-tick')].map((tick) => tick.textContent);
    expect(ticks.length).to.be.at.least(3);
    for (const tick of ticks) expect(days).to.include(tick);
    const heights = [...svg.querySelectorAll('rect.bar')].map((bar) => Number(bar.getAttribute('height')));
    const busiest = series.findIndex((point) => point.points === best);
    expect(Math.max(...heights)).to.equal(heights[busiest]);
    await expect(stats).to.be.accessible();
  });

  it('reads out a day picked with the arrow keys, Home and End, or the pointer', async () => {
    const { client } = testClient();
    const stats = await statsWith(client);
    const { series, plot, svg, readout } = await monthChart(stats, client);
    const n = (value: number) => value.toLocaleString('en');
    const said = (index: number) => {
      const point = series[index]!;
      return `${dateOf(point)}: Points ${n(point.points)}, Shares ${n(point.shares)}, Unique clicks ${n(point.clicks)}`;
    };
    expect(readout.getAttribute('aria-live')).to.equal('polite');
    plot.focus();
    await waitUntil(() => readout.textContent === said(series.length - 1), 'focus did not read out the latest day');
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => readout.textContent === said(series.length - 2), 'ArrowLeft did not read out the day before');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => readout.textContent === said(0), 'Home did not read out the first day');
    await sendKeys({ press: 'End' });
    await waitUntil(() => readout.textContent === said(series.length - 1), 'End did not read out the last day');
    const bar = svg.querySelectorAll('rect.bar')[3]!.getBoundingClientRect();
    svg.dispatchEvent(new PointerEvent('pointermove', { clientX: bar.left + bar.width / 2, clientY: bar.bottom - 1, bubbles: true }));
    await waitUntil(() => readout.textContent === said(3), 'the pointer did not read out the day under it');
  });

  it('draws weekly figures (a quarter) on a time axis, read out by week', async () => {
    const { client } = testClient();
    const stats = await statsWith(client, 'en', 390);
    client.myStats.setPeriod('quarter');
    await waitUntil(() => client.myStats.store.get().data?.period === 'quarter');
    const series: StatsPoint[] = client.myStats.store.get().data!.series;
    await waitUntil(() => shadow(stats).querySelectorAll('svg rect.bar').length === series.length, 'the quarter was not drawn');
    const plot = await find(stats, '.time-chart-plot');
    const svg = plot.querySelector('svg')!;
    const bars = [...svg.querySelectorAll('rect.bar')].map((bar) => bar.getBoundingClientRect());
    // A week's bar is wider than a day's would be, and the weeks run left to right without overlapping.
    expect(bars[0]!.width).to.be.greaterThan(((svg.getBoundingClientRect().width / 91) * 7) / 2);
    bars.slice(1).forEach((bar, index) => expect(bar.left).to.be.at.least(bars[index]!.right));
    const dates = [...svg.querySelectorAll('.x-tick')].map((tick) => tick.getBoundingClientRect());
    expect(dates.length).to.be.at.least(2);
    dates.slice(1).forEach((box, index) => expect(box.left).to.be.at.least(dates[index]!.right));
    plot.focus();
    await sendKeys({ press: 'Home' });
    const readout = shadow(stats).querySelector('.readout')!;
    await waitUntil(() => readout.textContent!.startsWith(`${dateOf(series[0]!)}: Points`), 'Home did not read out the first week');
  });

  it('keeps its labels legible and apart on a 390 px phone', async () => {
    const { client } = testClient();
    const stats = await statsWith(client, 'ja', 390);
    const { svg } = await monthChart(stats, client);
    await waitUntil(() => Number(svg.getAttribute('width')) <= 390, 'the chart was not drawn at the phone width');
    const texts = [...svg.querySelectorAll<SVGTextElement>('text')];
    for (const text of texts) {
      expect(parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM()!.a, `“${text.textContent}” is too small`).to.be.at.least(12);
    }
    const dates = [...svg.querySelectorAll<SVGTextElement>('.x-tick')];
    expect(dates.length).to.be.at.least(3);
    for (const date of dates) expect(date.textContent).to.match(/^\d{1,2}月\d{1,2}日$/);
    const boxes = dates.map((text) => text.getBoundingClientRect());
    boxes.forEach((box, index) => {
      for (const other of boxes.slice(index + 1))
        expect(box.right <= other.left || other.right <= box.left, 'two date labels overlap').to.equal(true);
    });
  });

  it('shows loading, and an error with a Retry that recovers', async () => {
    const loading = await statsWith(testClient({ latencyMs: 60_000 }).client);
    await untilText(loading, 'Loading…');
    await expect(loading).to.be.accessible();

    const { client, backend } = testClient();
    backend.fail('timeout');
    const { element: stats, detail, alert } = await mountFailing('advocacy-my-stats', client);
    expect(detail.source).to.equal('my-stats');
    expect(alert.textContent).to.contain('took too long');
    await expect(stats).to.be.accessible();
    backend.fail(null);
    await retryRecovers(stats, alert, '[part="figure"]');
  });

  it('speaks Japanese under lang="ja"', async () => {
    const stats = await statsWith(testClient().client, 'ja');
    await find(stats, '[part="figure"]');
    expect(textOf(stats)).to.contain('あなたの成果');
    expect(textOf(stats)).to.contain('ユニーククリック数');
    await expect(stats).to.be.accessible();
  });

  it('lets the host page set its heading level (heading-level), h2 by default', async () => {
    const { client } = testClient();
    // A host page with an h1 and a section h2 puts the component one level below.
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en"><h1>Intranet</h1><h2>My advocacy</h2><advocacy-provider .client=${client}><advocacy-my-stats heading-level="3"></advocacy-my-stats></advocacy-provider></div>`,
    );
    const element = wrapper.querySelector('advocacy-my-stats')!;
    const title = await find(element, '#title');
    expect(title.tagName).to.equal('H3');
    await find(element, '[part="figure"]');
    await expect(wrapper).to.be.accessible();
    await expectDefaultHeadingLevel(element);
  });
});

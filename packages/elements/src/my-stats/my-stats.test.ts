import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AdvocacyMyStatsElement } from './my-stats.component.js';
import { bars } from './trend-chart.js';
import {
  expectDefaultHeadingLevel,
  find,
  findAll,
  mountFailing,
  retryRecovers,
  testClient,
  textOf,
  untilText,
} from '../../test/helpers.js';

async function statsWith(client: unknown, lang = 'en'): Promise<AdvocacyMyStatsElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-my-stats></advocacy-my-stats></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-my-stats')!;
}

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

  it('scales bars to the busiest day', () => {
    const geometry = bars([
      { date: '2026-11-01', points: 0, shares: 0, clicks: 0 },
      { date: '2026-11-02', points: 10, shares: 1, clicks: 0 },
      { date: '2026-11-03', points: 5, shares: 0, clicks: 3 },
    ]);
    expect(geometry).to.have.length(3);
    expect(geometry[1]!.height).to.be.greaterThan(geometry[2]!.height);
    expect(geometry[2]!.height).to.be.closeTo(geometry[1]!.height / 2, 0.01);
    expect(geometry[0]!.height).to.equal(1);
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

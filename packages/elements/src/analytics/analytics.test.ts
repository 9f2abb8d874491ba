import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyAnalyticsElement } from './analytics.component.js';
import { compare, windows } from './periods.js';
import { demoSeed, type DemoSeed, type SeedShare } from '@advocacy-kit/core/memory';
import { adminClient, captureDownload, find, findAll, shadow, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function analyticsWith(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyAnalyticsElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-analytics></advocacy-analytics></advocacy-provider></div>`,
  );
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
  });
});

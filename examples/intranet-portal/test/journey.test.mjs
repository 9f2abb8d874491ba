// The employee's journey through the demo portal, in real Chromium, against the real reference
// server on a fresh seeded SQLite database.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { USER_AGENTS, openHarness, queuedEvents, recordBeacons, recordedBeacons, signIn, signOut, tokenOf } from './harness.mjs';

const POST_TITLE = 'オンコール当番を「罰ゲーム」にしないための5つの工夫';
const OTHER_TOPIC_TITLE = 'Kumo Observe 3.0 を公開しました：アラート疲れを減らす新しい相関分析';

let harness;
before(async () => {
  harness = await openHarness();
});
after(async () => {
  await harness?.close();
});

/** The number <advocacy-my-stats> shows under `label` (ポイント, シェア数, ユニーククリック数). */
function stat(page, label) {
  return page.locator('advocacy-my-stats [part="figure"]', { has: page.getByText(label, { exact: true }) }).locator('dd');
}
async function statValue(page, label) {
  return Number((await stat(page, label).innerText()).replace(/[^\d]/g, ''));
}

test('an employee signs in in Japanese, shares with a tracking link and earns points; the admin approves their suggestion and publishes a post; both reach the feed', async () => {
  const { context, stack } = harness;
  const page = await context.newPage();

  // Sign in as a seeded employee, in Japanese.
  await page.goto(`${stack.url}/`);
  await page.waitForURL(/\/signin\.html/);
  await signIn(page, stack.url, { name: '高橋 健二', language: 'ja' });
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
  await page.getByRole('heading', { level: 1, name: 'ようこそ' }).waitFor();
  await page.getByText('高橋 健二').first().waitFor();

  // The feed, in Japanese.
  const feed = page.getByRole('list', { name: 'シェアできる投稿' });
  await feed.getByRole('heading', { name: OTHER_TOPIC_TITLE }).waitFor();
  await page.getByRole('radio', { name: 'すべて' }).waitFor();

  // Filter by a topic: the product announcement leaves, the engineering article stays.
  await page.getByRole('radio', { name: 'エンジニアリング' }).check();
  await feed.getByRole('heading', { name: OTHER_TOPIC_TITLE }).waitFor({ state: 'detached' });
  await feed.getByRole('heading', { name: POST_TITLE }).waitFor();

  // Baseline of the employee's stats before sharing.
  await stat(page, 'ポイント').waitFor();
  const pointsBefore = await statValue(page, 'ポイント');
  const sharesBefore = await statValue(page, 'シェア数');
  const clicksBefore = await statValue(page, 'ユニーククリック数');

  // Open the share dialog, write a comment, share to LinkedIn.
  await page.getByRole('button', { name: `「${POST_TITLE}」をシェアする` }).click();
  const dialog = page.getByRole('dialog', { name: '投稿をシェアする' });
  await dialog.waitFor();
  await dialog.getByRole('radio', { name: 'LinkedIn' }).check();
  await dialog.getByRole('textbox', { name: 'コメント' }).fill('当番の負担を減らす工夫、うちのチームでも試しています。');
  await dialog.getByText('LinkedInではリンクのみを共有できます', { exact: false }).waitFor();
  const popupOpened = context.waitForEvent('page');
  await dialog.getByRole('button', { name: 'LinkedInでシェアする' }).click();
  const popup = await popupOpened;
  await popup.waitForURL(/linkedin\.com/);
  const intent = new URL(popup.url());
  const trackingUrl = intent.searchParams.get('url');
  assert.ok(trackingUrl, `the LinkedIn intent carries a url: ${intent}`);
  assert.match(trackingUrl, new RegExp(`^${stack.url}/r/[A-Za-z0-9_-]{11,}$`));
  await popup.close();

  await dialog.getByText('シェアありがとうございます！').waitFor();
  const earned = (await dialog.getByText(/ポイントを獲得しました/).count()) > 0 ? 10 : 0;
  await dialog.getByRole('button', { name: '完了' }).click();

  // Without a reload, my stats and my row on the leaderboard already count the share.
  const pointsShared = (pointsBefore + earned).toLocaleString('ja-JP');
  await stat(page, 'シェア数')
    .filter({ hasText: new RegExp(`^${(sharesBefore + 1).toLocaleString('ja-JP')}$`) })
    .waitFor();
  await stat(page, 'ポイント')
    .filter({ hasText: new RegExp(`^${pointsShared}$`) })
    .waitFor();
  await page
    .locator('advocacy-leaderboard li[aria-current="true"]')
    .filter({ hasText: `${pointsShared}ポイント` })
    .waitFor();

  // LinkedIn's crawler fetches the link for its preview: redirected, not counted.
  const bot = await fetch(trackingUrl, { redirect: 'manual', headers: { 'user-agent': USER_AGENTS.linkedInBot } });
  assert.ok([301, 302, 307, 308].includes(bot.status), `the crawler is redirected (got ${bot.status})`);
  // A click on it: 302 to the article with UTM parameters, counted. It comes from this machine,
  // the network the share was made from, so it is the sharer's own click: it earns no points.
  const visit = await fetch(trackingUrl, { redirect: 'manual', headers: { 'user-agent': USER_AGENTS.visitor } });
  assert.equal(visit.status, 302);
  const destination = new URL(visit.headers.get('location'));
  assert.equal(`${destination.origin}${destination.pathname}`, 'https://news.example.com/eng-magazine/ja/oncall-culture');
  assert.equal(destination.searchParams.get('utm_source'), 'linkedin');
  assert.ok(destination.searchParams.get('utm_medium'));
  assert.ok(destination.searchParams.get('utm_campaign'));

  // My stats and the leaderboard move: share points (if this post and network were new) and one
  // unique click, which earned nothing (the sharer's own).
  const expectedPoints = pointsBefore + earned;
  await waitFor(
    async () => {
      await page.reload();
      // The reload keeps the scroll position; the sidebar's components load as they come near the screen.
      await page.locator('advocacy-my-stats').scrollIntoViewIfNeeded();
      await stat(page, 'ポイント').waitFor();
      return (await statValue(page, 'ポイント')) === expectedPoints && (await statValue(page, 'ユニーククリック数')) === clicksBefore + 1;
    },
    `my stats show ${expectedPoints} points and ${clicksBefore + 1} unique clicks`,
  );
  // Both components show the same period by default; the leaderboard's row for me agrees.
  const myRow = page.locator('advocacy-leaderboard li[aria-current="true"]');
  await myRow.filter({ hasText: `${expectedPoints.toLocaleString('ja-JP')}ポイント` }).waitFor();

  // Suggest a link.
  const suggestedUrl = `https://news.example.com/sre/${Date.now()}-error-budgets`;
  const suggest = page.locator('advocacy-suggest');
  await suggest.scrollIntoViewIfNeeded();
  await suggest.getByRole('textbox', { name: 'リンク' }).fill(suggestedUrl);
  await suggest.getByRole('textbox', { name: '同僚にシェアしてほしい理由' }).fill('エラーバジェットの運用がよくまとまっている記事です。');
  await suggest.getByRole('button', { name: '提案を送信する' }).click();
  await suggest.getByText('ご提案ありがとうございます！').waitFor();

  // The program admin approves it.
  await signOut(page);
  await page.waitForURL(/\/signin\.html/);
  await signIn(page, stack.url, { name: '佐藤 遥', language: 'ja' });
  await page.getByRole('link', { name: 'アドボカシー管理' }).click();
  await page.getByRole('heading', { level: 1, name: 'アドボカシー管理' }).waitFor();
  // The queue names who suggested it; the analytics rank the employee among the top advocates.
  await page.locator('advocacy-suggestion-queue').getByText('提案者：高橋 健二').first().waitFor();
  const topAdvocates = page.locator('advocacy-analytics').getByRole('table', { name: 'シェア上位の社員' });
  await topAdvocates.getByRole('rowheader', { name: '高橋 健二' }).waitFor();
  // The content list shows the shared post's results as the server counts them, the share and
  // the visit above included.
  const adminToken = await tokenOf(page);
  const results = await fetch(`${stack.url}/api/v1/admin/posts?q=${encodeURIComponent(POST_TITLE)}`, {
    headers: { authorization: `Bearer ${adminToken}` },
  });
  const { metrics } = (await results.json()).items.find((post) => post.title === POST_TITLE);
  assert.ok(metrics.shares >= 1 && metrics.clicks >= 1, `the server counts the share and the visit: ${JSON.stringify(metrics)}`);
  const contentList = page.locator('advocacy-content-list');
  await contentList.getByRole('searchbox', { name: 'タイトル・概要・リンクを検索' }).fill('オンコール当番');
  const row = contentList.getByRole('row').filter({ has: page.getByRole('rowheader', { name: POST_TITLE }) });
  await row.waitFor();
  const numbers = await row.locator('td.number').allTextContents();
  assert.deepEqual(
    numbers.slice(0, 2).map((text) => Number(text.trim().replace(/,/g, ''))),
    [metrics.shares, metrics.clicks],
  );
  await contentList.getByRole('searchbox', { name: 'タイトル・概要・リンクを検索' }).fill('');
  // Approve opens the post editor in a dialog, prefilled from the suggestion.
  await page.getByRole('button', { name: `${suggestedUrl} を承認` }).click();
  const approval = page.getByRole('dialog');
  await approval.getByRole('textbox', { name: 'リンク' }).waitFor();
  await approval.getByRole('textbox', { name: 'タイトル' }).fill('エラーバジェットの運用');
  await approval.getByRole('button', { name: '公開する' }).click();
  await page.locator('advocacy-suggestion-queue').getByRole('status').getByText(`承認しました：${suggestedUrl}`).waitFor();
  await page.locator('advocacy-analytics [data-kpi="shares"] .value').waitFor();

  // The admin also publishes a post of their own.
  const publishedTitle = `年末のご挨拶 ${Date.now()}`;
  const editor = page.locator('#post-editor');
  await editor.getByRole('textbox', { name: 'タイトル' }).fill(publishedTitle);
  await editor.getByRole('textbox', { name: 'リンク' }).fill(`https://news.example.com/kumo/${Date.now()}-greetings`);
  await editor.getByRole('textbox', { name: '概要' }).fill('今年一年のご支援に感謝を込めて。');
  await editor.getByRole('checkbox', { name: 'エンジニアリング' }).check();
  await editor.getByRole('button', { name: '公開する' }).click();
  await editor.getByRole('status').getByText('投稿を公開しました。').waitFor();
  await page.locator('advocacy-content-list').getByRole('link', { name: publishedTitle }).waitFor();

  // The employee sees it in the feed.
  await signOut(page);
  await signIn(page, stack.url, { name: '高橋 健二', language: 'ja' });
  await page.locator(`advocacy-feed a[href="${suggestedUrl}"]`).waitFor();
  await page.getByRole('list', { name: 'シェアできる投稿' }).getByRole('heading', { name: publishedTitle }).waitFor();
  await page.close();
});

test('when the backend goes away, the feed offers Retry, and events queued before a reload reach the server exactly once when it is back', async () => {
  const { context, stack } = harness;
  const page = await context.newPage();
  await recordBeacons(page);
  await signIn(page, stack.url, { name: '中村 結衣', language: 'ja' });
  const feed = page.getByRole('list', { name: 'シェアできる投稿' });
  await feed.getByRole('heading', { name: OTHER_TOPIC_TITLE }).waitFor();
  const token = await tokenOf(page);

  // How many times the server acknowledged each event id the page sent (across reloads).
  const acknowledged = new Map();
  page.on('response', (response) => {
    const request = response.request();
    if (request.method() !== 'POST' || new URL(request.url()).pathname !== '/api/v1/events' || !response.ok()) return;
    for (const event of JSON.parse(request.postData()).events) acknowledged.set(event.id, (acknowledged.get(event.id) ?? 0) + 1);
  });

  await stack.server.stop();
  const outageStarted = new Date().toISOString();

  // While the backend is down the employee opens an article: the event waits in the queue.
  const articleOpened = context.waitForEvent('page');
  await feed.getByRole('link', { name: OTHER_TOPIC_TITLE }).click();
  await (await articleOpened).close();

  // Filtering by a topic now cannot load the feed: an error state with Retry.
  await page.getByRole('radio', { name: 'エンジニアリング' }).check();
  const feedError = page.locator('advocacy-feed').getByText('フィードを読み込めませんでした');
  const retry = page.locator('advocacy-feed').getByRole('button', { name: '再試行' });
  await feedError.waitFor();
  await retry.waitFor();

  const queued = await queuedEvents(page);
  assert.ok(
    queued.some((event) => event.type === 'post_open' && event.at >= outageStarted),
    'the article opening waits in the queue',
  );
  const queuedIds = queued.map((event) => event.id);

  // The employee reloads while the backend is still down. On pagehide the queue hands its events
  // to a beacon, which the browser takes and which goes nowhere: the events must stay queued.
  await page.reload();
  await feedError.waitFor();
  const taken = (await recordedBeacons(page)).filter((beacon) => beacon.taken).flatMap((beacon) => beacon.ids);
  assert.ok(
    queuedIds.every((id) => taken.includes(id)),
    'the browser took a beacon with the queued events',
  );
  const afterReload = (await queuedEvents(page)).map((event) => event.id);
  assert.deepEqual(
    queuedIds.filter((id) => !afterReload.includes(id)),
    [],
    'no queued event left the queue on the strength of a beacon',
  );

  // The backend comes back (same database, same port); Retry recovers the feed.
  const restarted = await stack.restartServer();
  await retry.click();
  await feed.getByRole('heading', { name: POST_TITLE }).waitFor();

  // The reloaded page delivers every event queued before the reload, each acknowledged once, and
  // its queue empties.
  await waitFor(async () => queuedIds.every((id) => acknowledged.has(id)), 'the events queued before the reload are delivered');
  assert.deepEqual(
    queuedIds.filter((id) => acknowledged.get(id) !== 1),
    [],
    'each queued event was acknowledged exactly once',
  );
  await waitFor(
    async () => (await queuedEvents(page)).every((event) => !queuedIds.includes(event.id)),
    'the delivered events leave the queue',
  );

  // And the server recorded each of them once: sending them again accepts none and finds every
  // one already recorded.
  const response = await fetch(`${restarted.url}/api/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events: queued }),
  });
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { accepted: 0, duplicates: queued.length });
  await page.close();
});

/** Polls `check` until it returns true (each call waits on real page or server state). */
async function waitFor(check, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  assert.fail(`timed out waiting until ${what}`);
}

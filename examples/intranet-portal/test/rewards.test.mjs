// Rewards (issue #17), in real Chromium against the real reference server on a fresh seeded
// SQLite database: the admin adds a reward, an employee with points requests it (the points are
// held), the admin approves and hands it over (spent), and the employee's balance and ledger say so
// while the points they earned — and their rank — stay.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openHarness, signIn, signOut, tokenOf } from './harness.mjs';

const EMPLOYEE = '高橋 健二';
const ADMIN = '佐藤 遥';

let harness;
before(async () => {
  harness = await openHarness();
});
after(async () => {
  await harness?.close();
});

const ja = (n) => n.toLocaleString('ja-JP');

async function api(baseUrl, token, path) {
  const response = await fetch(`${baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, `GET ${path}`);
  return response.json();
}

/** The number <advocacy-my-stats> shows under `label`. */
function stat(page, label) {
  return page.locator('advocacy-my-stats [part="figure"]', { has: page.getByText(label, { exact: true }) }).locator('dd');
}

test('an employee requests a reward with their points; the admin approves and hands it over; the balance and the ledger show it, the points earned stay', async () => {
  const { context, stack } = harness;
  const page = await context.newPage();
  const stamp = Date.now().toString(36);
  const rewardJa = `Kumo ステッカーセット ${stamp}`;
  const rewardEn = `Kumo sticker set ${stamp}`;

  // The employee's points before: enough to spend on something.
  await signIn(page, stack.url, { name: EMPLOYEE, language: 'ja' });
  const employeeToken = await tokenOf(page);
  const before = await api(stack.url, employeeToken, '/me/points/balance');
  assert.ok(before.balance >= 20, `the seeded employee has points to spend: ${JSON.stringify(before)}`);
  const cost = Math.min(300, before.balance - (before.balance % 10));
  await stat(page, 'ポイント').waitFor();
  const earnedShown = await stat(page, 'ポイント').innerText();
  await signOut(page);

  // The admin adds a reward to the catalogue, for everyone, three in stock.
  await signIn(page, stack.url, { name: ADMIN, language: 'ja' });
  await page.getByRole('link', { name: 'アドボカシー管理' }).click();
  const admin = page.locator('advocacy-rewards-admin');
  const form = admin.getByRole('form', { name: '新しいリワード' });
  await form.getByRole('textbox', { name: '名前（日本語）' }).fill(rewardJa);
  await form.getByRole('textbox', { name: '名前（英語）' }).fill(rewardEn);
  await form.getByRole('textbox', { name: '説明（日本語）' }).fill('ノートPCに貼れる、ロゴ入りのステッカーです。');
  await form.getByRole('spinbutton', { name: '必要ポイント' }).fill(String(cost));
  await form.getByRole('spinbutton', { name: '在庫' }).fill('3');
  await form.getByRole('button', { name: 'リワードを追加' }).click();
  await admin.getByRole('status').getByText(`「${rewardJa}」を保存しました。`).waitFor();
  await signOut(page);

  // The employee requests it: the points are held.
  await signIn(page, stack.url, { name: EMPLOYEE, language: 'ja' });
  const rewards = page.locator('advocacy-rewards');
  // Further down the sidebar, it loads as it comes near the screen.
  await rewards.scrollIntoViewIfNeeded();
  await rewards.getByText(`使えるポイント：${ja(before.balance)}`).waitFor();
  // The demo's own catalogue is there too.
  await rewards.getByRole('listitem', { name: 'Kumo ロゴ入りマグカップ', exact: true }).waitFor();
  await rewards.getByRole('listitem', { name: rewardJa }).getByText('残り 3 点').waitFor();
  await rewards.getByRole('button', { name: `申請する：${rewardJa}（${ja(cost)} ポイント）` }).click();
  await rewards.getByRole('status').getByText(`${rewardJa}を申請しました。`, { exact: false }).waitFor();
  await rewards.getByText(`使えるポイント：${ja(before.balance - cost)}`).waitFor();
  await rewards.getByText(`申請中のため保留：${ja(cost)} ポイント`).waitFor();
  const mine = rewards.getByRole('region', { name: 'あなたの申請' });
  await mine.getByRole('listitem').filter({ hasText: rewardJa }).filter({ hasText: '承認待ち' }).waitFor();
  await signOut(page);

  // The admin approves it, then hands it over.
  await signIn(page, stack.url, { name: ADMIN, language: 'ja' });
  await page.getByRole('link', { name: 'アドボカシー管理' }).click();
  await admin.getByText(`${EMPLOYEE}さんが「${rewardJa}」を申請`).waitFor();
  await admin.getByRole('button', { name: `承認：${EMPLOYEE}さんの「${rewardJa}」` }).click();
  await admin.getByRole('status').getByText(`「${rewardJa}」を承認しました。ポイントは消費されました。`).waitFor();
  await admin.getByRole('button', { name: `お渡し済みにする：${EMPLOYEE}さんの「${rewardJa}」` }).click();
  await admin.getByRole('status').getByText(`「${rewardJa}」をお渡し済みにしました。`).waitFor();
  await signOut(page);

  // The employee's balance is down by the cost, nothing is held, the request is handed over, and
  // the points they earned (my stats, the leaderboard) did not move.
  await signIn(page, stack.url, { name: EMPLOYEE, language: 'ja' });
  await rewards.scrollIntoViewIfNeeded();
  await rewards.getByText(`使えるポイント：${ja(before.balance - cost)}`).waitFor();
  assert.equal(await rewards.getByText(/申請中のため保留/).count(), 0, 'nothing is held any more');
  await mine.getByRole('listitem').filter({ hasText: rewardJa }).filter({ hasText: 'お渡し済み' }).waitFor();
  await stat(page, 'ポイント')
    .filter({ hasText: new RegExp(`^${earnedShown}$`) })
    .waitFor();

  const afterwards = await api(stack.url, employeeToken, '/me/points/balance');
  assert.deepEqual(afterwards, {
    balance: before.balance - cost,
    earned: before.earned,
    spent: before.spent + cost,
    held: before.held,
  });
  // The ledger holds the spend as one reward_hold row of −cost, and no release.
  const { items } = await api(stack.url, employeeToken, '/me/points?limit=100');
  const spending = items.filter((row) => row.reason === 'reward_hold' || row.reason === 'reward_release');
  assert.equal(spending.length, 1, `one hold, no release: ${JSON.stringify(spending)}`);
  assert.equal(spending[0].reason, 'reward_hold');
  assert.equal(spending[0].delta, -cost);
  await page.close();
});

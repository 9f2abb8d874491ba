import { createAdvocacyClient, type AdvocacyClient, type AdvocacyErrorCode } from '@advocacy-kit/core';
import { demoSeed, memoryBackend, type MemoryBackend, type MemoryBackendOptions } from '@advocacy-kit/core/memory';

/**
 * The demo company's post pictures, which Storybook serves from the intranet portal example
 * (`staticDirs` in .storybook/main.ts), relative to the page so a Storybook published under a
 * sub-path finds them too.
 */
export const demoImages = () => ({ imageBaseUrl: new URL('demo-images', document.baseURI).href });

/** A client over a fresh in-memory demo company, without touching the page's storage. */
export function demoClient(options: MemoryBackendOptions = {}): { client: AdvocacyClient; backend: MemoryBackend } {
  const backend = memoryBackend({ seed: demoSeed(new Date(), demoImages()), ...options });
  return { client: createAdvocacyClient({ backend, storage: null }), backend };
}

/** A client whose every call waits a minute: the loading state stays on screen. */
export const loadingClient = (): AdvocacyClient => demoClient({ latencyMs: 60_000 }).client;

/** A client over an empty program. */
export const emptyClient = (): AdvocacyClient => demoClient({ seed: false }).client;

/** A client whose every call fails with `code`. */
export function failingClient(code: AdvocacyErrorCode = 'network'): AdvocacyClient {
  const { client, backend } = demoClient();
  backend.fail(code);
  return client;
}

/** The demo company with long Japanese titles and summaries, to check wrapping and clamping. */
export function longJapaneseClient(): AdvocacyClient {
  const seed = demoSeed(new Date(), demoImages());
  for (const post of seed.posts) {
    post.title = `${post.title}：クラウド運用の現場で培った知見をもとに、障害対応の自動化と夜間呼び出しの削減に取り組んだ一年間の記録をまとめました`;
    post.summary =
      `${post.summary} 本記事では、導入前の課題、検証の進め方、社内の合意形成、そして導入後に見えてきた新たな課題までを、担当エンジニアへのインタビューを交えて詳しくご紹介します。`.repeat(
        2,
      );
  }
  return demoClient({ seed }).client;
}

/** The demo company signed in as its program admin (佐藤 遥, Asia/Tokyo). */
export const adminDemoClient = (options: MemoryBackendOptions = {}) => demoClient({ employeeId: 'emp-haruka', ...options });

/** The admin demo whose every call fails with `code`. */
export function failingAdminClient(code: AdvocacyErrorCode = 'network'): AdvocacyClient {
  const { client, backend } = adminDemoClient();
  backend.fail(code);
  return client;
}

/**
 * Adds a small rewards catalogue to a demo backend, gives its employees points and leaves a
 * request in each state, for the rewards stories.
 */
export async function seedRewards(backend: MemoryBackend): Promise<void> {
  const admin = backend.as('emp-haruka').admin;
  const hoodie = await admin.createReward!({
    name: { en: 'Team hoodie', ja: 'チームパーカー' },
    description: { en: 'Soft, warm, with the company logo.', ja: 'ロゴ入りの暖かいパーカー。' },
    cost: 300,
    stock: 12,
  });
  await admin.createReward!({
    name: { en: 'Coffee with the CEO', ja: 'CEO とのコーヒー' },
    description: { en: 'Thirty minutes, your questions.', ja: '30 分、なんでも質問できます。' },
    cost: 800,
    stock: 1,
  });
  await admin.createReward!({ name: { en: 'Charity donation (¥1,000)', ja: '寄付（1,000 円）' }, cost: 100 });
  for (const id of ['emp-kenji', 'emp-yui'])
    await admin.adjustPoints!({ employeeId: id, delta: 600, reason: 'Talk at the partner summit' });
  const pending = await backend.as('emp-yui').requestReward!(hoodie.id);
  const rejected = await backend.as('emp-kenji').requestReward!(hoodie.id);
  await admin.decideRewardRequest!(rejected.id, { decision: 'reject', reason: 'Sizes are restocked in June' });
  void pending;
}

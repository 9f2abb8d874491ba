import type { BlockedTerm, PolicyVersion } from '../backend/contract.js';

/** Kumo Systems' social-media policy (version 1, published before anyone accepted it), blocked terms and disclosures. */
export function demoPolicy(publishedAt: string): {
  policyVersions: PolicyVersion[];
  blockedTerms: BlockedTerm[];
  disclosures: Record<string, string>;
} {
  const texts = {
    en: [
      'When you share, you speak for yourself, not for Kumo Systems.',
      'Be honest and accurate. Never share confidential information: customers, numbers before they are public, or anything marked internal.',
      'Say that you work here: the disclosure #employee is added to every share for you.',
    ].join('\n\n'),
    ja: [
      'シェアするときは、クモシステムズの代表としてではなく、あなた自身として発信します。',
      '正確で誠実な情報を心がけてください。顧客情報、公表前の数字、社外秘と記された情報は共有しないでください。',
      '当社の社員であることを明らかにしましょう。すべてのシェアに #社員 が自動で付きます。',
    ].join('\n\n'),
  };
  return {
    policyVersions: [{ version: 1, status: 'published', texts, createdAt: publishedAt, updatedAt: publishedAt, publishedAt }],
    blockedTerms: [
      {
        id: 'term-guaranteed',
        locale: 'en',
        term: 'guaranteed returns',
        reason: 'Financial promises need legal review.',
        createdAt: publishedAt,
      },
      { id: 'term-roadmap', locale: 'en', term: 'confidential', reason: 'Never share confidential information.', createdAt: publishedAt },
      { id: 'term-ja-insider', locale: 'ja', term: '未公開', reason: '公表前の情報は共有できません。', createdAt: publishedAt },
      { id: 'term-ja-profit', locale: 'ja', term: '絶対儲かる', reason: '収益の約束は法務の確認が必要です。', createdAt: publishedAt },
    ],
    disclosures: { en: '#employee', ja: '#社員' },
  };
}

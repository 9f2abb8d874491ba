import type { AdvocacyErrorCode, Period } from '@advocacy-kit/core';

// Words that mean the same in every component. Anything one component says in its own way
// lives in that component's `*.strings.ts`, so one key never means two things.

export const en = {
  retry: 'Retry',
  close: 'Close',
  loading: 'Loading…',
  errors: {
    network: 'We couldn’t reach the server. Check your connection and try again.',
    timeout: 'The server took too long to answer. Try again.',
    unauthorized: 'Your session has ended. Sign in again to continue.',
    forbidden: 'You don’t have access to this.',
    not_found: 'This is no longer available.',
    validation: 'Some fields need your attention.',
    conflict: 'This changed in the meantime. Try again.',
    rate_limited: 'Too many requests in a short time. Wait a moment and try again.',
    server: 'Something went wrong on our side. Try again in a moment.',
    unknown: 'Something went wrong. Try again.',
  } satisfies Record<AdvocacyErrorCode | 'unknown', string>,
  periodLabel: 'Period',
  periods: { week: 'This week', month: 'This month', quarter: 'This quarter', all: 'All time' } satisfies Record<Period, string>,
};

export const ja: typeof en = {
  retry: '再試行',
  close: '閉じる',
  loading: '読み込み中…',
  errors: {
    network: 'サーバーに接続できませんでした。通信環境を確認して、もう一度お試しください。',
    timeout: 'サーバーの応答に時間がかかっています。もう一度お試しください。',
    unauthorized: 'セッションの有効期限が切れました。もう一度サインインしてください。',
    forbidden: 'この操作を行う権限がありません。',
    not_found: 'この項目は見つかりませんでした。',
    validation: '入力内容をご確認ください。',
    conflict: '他の操作で内容が変わりました。もう一度お試しください。',
    rate_limited: '短時間にリクエストが集中しています。少し待ってからお試しください。',
    server: 'サーバーで問題が発生しました。しばらくしてからお試しください。',
    unknown: '問題が発生しました。もう一度お試しください。',
  },
  periodLabel: '期間',
  periods: { week: '今週', month: '今月', quarter: '今四半期', all: '全期間' },
};

export type CommonStrings = typeof en;

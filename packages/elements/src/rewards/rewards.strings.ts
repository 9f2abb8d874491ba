import type { RewardRequestStatus } from '@advocacy-kit/core';

// `<advocacy-rewards>`'s words. English defines the keys; Japanese must match them.

export const en = {
  title: 'Rewards',
  balance: (points: string) => `${points} points to spend`,
  held: (points: string) => `${points} held for your pending requests`,
  cost: (points: string) => `${points} points`,
  left: (n: string) => `${n} left`,
  soldOut: 'Out of stock',
  request: 'Request',
  requestLabel: (name: string, points: string) => `Request ${name} for ${points} points`,
  requesting: 'Requesting…',
  shortBy: (points: string) => `You need ${points} more points.`,
  requested: (name: string) => `Requested ${name}. Its points are held until the program team decides.`,
  cancelled: (name: string) => `Cancelled your request for ${name}. Its points are back.`,
  empty: 'No rewards are available right now. Keep sharing — new rewards appear here.',
  errorTitle: 'We couldn’t load the rewards.',
  mineTitle: 'Your requests',
  mineEmpty: 'You haven’t requested anything yet.',
  statuses: {
    pending: 'Waiting for approval',
    approved: 'Approved',
    rejected: 'Not approved',
    cancelled: 'Cancelled',
    fulfilled: 'Handed over',
  } satisfies Record<RewardRequestStatus, string>,
  reason: (reason: string) => `Reason: ${reason}`,
  cancel: 'Cancel request',
  cancelLabel: (name: string) => `Cancel request: ${name}`,
  insufficient: 'You don’t have enough points for this reward.',
  outOfStock: 'Someone took the last one. It’s out of stock.',
};

export const ja: typeof en = {
  title: 'リワード',
  balance: (points) => `使えるポイント：${points}`,
  held: (points) => `申請中のため保留：${points} ポイント`,
  cost: (points) => `${points} ポイント`,
  left: (n) => `残り ${n} 点`,
  soldOut: '在庫切れ',
  request: '申請する',
  requestLabel: (name, points) => `申請する：${name}（${points} ポイント）`,
  requesting: '申請中…',
  shortBy: (points) => `あと ${points} ポイント必要です。`,
  requested: (name) => `${name}を申請しました。担当者が判断するまでポイントは保留されます。`,
  cancelled: (name) => `${name}の申請を取り消しました。ポイントは戻りました。`,
  empty: '現在申請できるリワードはありません。シェアを続けると、新しいリワードがここに表示されます。',
  errorTitle: 'リワードを読み込めませんでした。',
  mineTitle: 'あなたの申請',
  mineEmpty: 'まだ申請はありません。',
  statuses: {
    pending: '承認待ち',
    approved: '承認済み',
    rejected: '見送り',
    cancelled: '取り消し済み',
    fulfilled: 'お渡し済み',
  },
  reason: (reason) => `理由：${reason}`,
  cancel: '申請を取り消す',
  cancelLabel: (name) => `申請を取り消す：${name}`,
  insufficient: 'このリワードにはポイントが足りません。',
  outOfStock: '最後の 1 点が申請されました。在庫切れです。',
};

export type RewardsStrings = typeof en;

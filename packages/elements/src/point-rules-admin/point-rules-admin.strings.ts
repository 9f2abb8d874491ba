import type { PointRulesVersion } from '@advocacy-kit/core';
import type { PointsRules } from '@advocacy-kit/core/rules';
import { adminCommon as adminEn } from '../i18n/admin-en.js';
import { adminCommon as adminJa } from '../i18n/admin-ja.js';

// `<advocacy-point-rules-admin>`'s words. English defines the keys; Japanese must match them.
// Network names are the admin components' own (brands from core's table).

type Status = PointRulesVersion['status'];

export const en = {
  title: 'Point rules',
  intro:
    'Points each contribution earns, what a share to each network is worth and the daily click cap. A version applies from its effective time until the next one; the server’s configuration gives the defaults.',
  effectiveHeading: 'In effect now',
  effectiveSummary: (linkedin: string, copy: string, click: string, cap: string) =>
    `LinkedIn +${linkedin}, copied link +${copy}, each unique click +${click} (up to ${cap} a post a day).`,
  newHeading: 'New version',
  editHeading: 'Edit the scheduled version',
  pointsLegend: 'Points per contribution',
  pointLabels: {
    share: 'Share (first to a network)',
    click: 'Unique human click',
    clickDailyCapPerPost: 'Most click points per post and day',
    conversion: 'Conversion',
    suggestion: 'Approved suggestion',
  } satisfies Record<keyof PointsRules, string>,
  weightsLegend: 'Share weight per network',
  weightsHint:
    'A factor of the share points: 1 pays in full, 0.2 a fifth. Copied links, email and the device share sheet leave no public post, so they earn less by default. Clicks are not weighted.',
  networkNames: adminEn.networkNames,
  sharePoints: (points: string) => `= ${points} pts`,
  effectiveLabel: (zone: string) => `Effective from (${zone})`,
  effectiveHint: 'Leave empty to apply now. A later time schedules the version; you can edit or delete it until then.',
  noteLabel: 'Note (optional)',
  save: 'Save version',
  saveEdit: 'Save changes',
  cancelEdit: 'Cancel editing',
  saved: 'Version saved.',
  deleted: 'Scheduled version deleted.',
  failed: 'That did not work.',
  fieldError: (label: string, message: string) => `${label}: ${message}`,
  historyHeading: 'Versions',
  none: 'No versions yet: the defaults apply.',
  columns: { effective: 'Effective from', status: 'Status', changes: 'Changes', note: 'Note', by: 'By', actions: 'Actions' },
  statuses: { current: 'Current', scheduled: 'Scheduled', past: 'Past' } satisfies Record<Status, string>,
  defaultsOnly: 'Defaults',
  weight: (network: string, factor: string) => `${network} ×${factor}`,
  edit: 'Edit',
  editLabel: (when: string) => `Edit the version effective ${when}`,
  remove: 'Delete',
  removeLabel: (when: string) => `Delete the version effective ${when}`,
  errorTitle: 'We couldn’t load the point rules',
  unsupported: 'This backend has no point-rules administration.',
};

export type PointRulesAdminStrings = typeof en;

export const ja: PointRulesAdminStrings = {
  title: 'ポイントルール',
  intro:
    '貢献ごとのポイント、ネットワーク別のシェアの重み、1日のクリック上限を設定します。各バージョンは適用開始日時から次のバージョンまで有効です。既定値はサーバーの設定で決まります。',
  effectiveHeading: '現在のルール',
  effectiveSummary: (linkedin, copy, click, cap) =>
    `LinkedIn +${linkedin}、リンクのコピー +${copy}、ユニーククリック1件ごとに +${click}（1投稿1日 ${cap} まで）。`,
  newHeading: '新しいバージョン',
  editHeading: '予定中のバージョンを編集',
  pointsLegend: '貢献ごとのポイント',
  pointLabels: {
    share: 'シェア（ネットワークごとに初回）',
    click: '人によるユニーククリック',
    clickDailyCapPerPost: '1投稿1日あたりのクリックポイント上限',
    conversion: 'コンバージョン',
    suggestion: '承認された提案',
  },
  weightsLegend: 'ネットワーク別のシェアの重み',
  weightsHint:
    'シェアのポイントに掛ける係数です（1 は満額、0.2 は5分の1）。リンクのコピー、メール、端末の共有メニューは公開投稿が残らないため、既定では低くなっています。クリックには掛かりません。',
  networkNames: adminJa.networkNames,
  sharePoints: (points) => `＝ ${points} ポイント`,
  effectiveLabel: (zone) => `適用開始日時（${zone}）`,
  effectiveHint: '空欄ならすぐに適用します。先の日時なら予定として保存され、その日時までは編集・削除できます。',
  noteLabel: 'メモ（任意）',
  save: 'バージョンを保存',
  saveEdit: '変更を保存',
  cancelEdit: '編集をやめる',
  saved: 'バージョンを保存しました。',
  deleted: '予定中のバージョンを削除しました。',
  failed: 'うまくいきませんでした。',
  fieldError: (label, message) => `${label}：${message}`,
  historyHeading: 'バージョン',
  none: 'バージョンはまだありません。既定値が適用されています。',
  columns: { effective: '適用開始', status: '状態', changes: '変更内容', note: 'メモ', by: '作成者', actions: '操作' },
  statuses: { current: '適用中', scheduled: '予定', past: '過去' },
  defaultsOnly: '既定値',
  weight: (network, factor) => `${network} ×${factor}`,
  edit: '編集',
  editLabel: (when) => `${when} から適用のバージョンを編集`,
  remove: '削除',
  removeLabel: (when) => `${when} から適用のバージョンを削除`,
  errorTitle: 'ポイントルールを読み込めませんでした',
  unsupported: 'このバックエンドにはポイントルールの管理機能がありません。',
};

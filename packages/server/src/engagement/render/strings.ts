import type { EngagementMessage } from '../content.js';

/** The words of a digest or reminder in one language. Japanese is written, not translated word for word. */
export interface MessageStrings {
  digestSubject: string;
  nudgeSubject: string;
  greeting(name: string): string;
  newPosts: string;
  noNewPosts: string;
  points(lastSevenDays: number, total: number): string;
  rank(rank: number, participants: number): string;
  results(shares: number, clicks: number, conversions: number): string;
  nudge(days: number | null): string;
  open: string;
  footer(kind: EngagementMessage['kind']): string;
}

const en = new Intl.NumberFormat('en');
const ja = new Intl.NumberFormat('ja');
const plural = (n: number, one: string, other: string) => `${en.format(n)} ${n === 1 ? one : other}`;

export const STRINGS: Record<EngagementMessage['locale'], MessageStrings> = {
  en: {
    digestSubject: 'Your week in the advocacy program',
    nudgeSubject: 'A minute to share something?',
    greeting: (name) => `Good morning, ${name}`,
    newPosts: 'New to share this week',
    noNewPosts: 'No new posts this week.',
    points: (week, total) => `${plural(week, 'point', 'points')} in the last 7 days · ${plural(total, 'point', 'points')} in total`,
    rank: (rank, participants) => `You are #${en.format(rank)} of ${en.format(participants)} this week`,
    results: (shares, clicks, conversions) =>
      `Your last 7 days: ${plural(shares, 'share', 'shares')}, ${plural(clicks, 'click', 'clicks')}, ${plural(conversions, 'lead', 'leads')}`,
    nudge: (days) =>
      days === null
        ? 'You have not shared anything yet. Here is a good place to start:'
        : `It has been ${plural(days, 'day', 'days')} since your last share. These are worth passing on:`,
    open: 'Open',
    footer: (kind) =>
      kind === 'digest'
        ? 'You get this digest every Monday morning. You can turn it off in your advocacy preferences.'
        : 'You get these reminders when you have not shared for a while. You can turn them off in your advocacy preferences.',
  },
  ja: {
    digestSubject: '今週のアドボカシー通信',
    nudgeSubject: 'そろそろ、何かシェアしてみませんか？',
    greeting: (name) => `${name}さん、おはようございます`,
    newPosts: '今週の新着シェア候補',
    noNewPosts: '今週の新着記事はありません。',
    points: (week, total) => `過去7日間で ${ja.format(week)} ポイント（累計 ${ja.format(total)} ポイント）`,
    rank: (rank, participants) => `今週の順位は ${ja.format(participants)} 人中 ${ja.format(rank)} 位です`,
    results: (shares, clicks, conversions) =>
      `過去7日間の成果：シェア ${ja.format(shares)} 件、クリック ${ja.format(clicks)} 件、リード ${ja.format(conversions)} 件`,
    nudge: (days) =>
      days === null
        ? 'まだシェアした記事がありません。まずはこちらから始めてみませんか。'
        : `前回のシェアから ${ja.format(days)} 日が経ちました。こんな記事はいかがでしょう。`,
    open: '開く',
    footer: (kind) =>
      kind === 'digest'
        ? 'このダイジェストは毎週月曜日の朝にお届けしています。配信の停止はアドボカシーの設定から行えます。'
        : 'しばらくシェアがないときにお知らせしています。通知の停止はアドボカシーの設定から行えます。',
  },
};

/** The lines every renderer shows, in order, for one message. */
export function messageLines(message: EngagementMessage): {
  subject: string;
  greeting: string;
  summary: string[];
  postsHeading: string | null;
  empty: string | null;
  footer: string;
} {
  const t = STRINGS[message.locale];
  const summary =
    message.kind === 'digest'
      ? [
          t.points(message.points.lastSevenDays, message.points.total),
          ...(message.rank ? [t.rank(message.rank.rank, message.rank.participants)] : []),
          t.results(message.results.shares, message.results.clicks, message.results.conversions),
        ]
      : [t.nudge(message.daysSinceLastShare)];
  return {
    subject: message.kind === 'digest' ? t.digestSubject : t.nudgeSubject,
    greeting: t.greeting(message.employee.displayName),
    summary,
    postsHeading: message.kind === 'digest' && message.posts.length > 0 ? t.newPosts : null,
    empty: message.kind === 'digest' && message.posts.length === 0 ? t.noNewPosts : null,
    footer: t.footer(message.kind),
  };
}

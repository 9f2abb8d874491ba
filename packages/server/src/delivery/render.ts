import type { EngagementMessage } from '../engagement/content.js';
import { escapeHtml, renderEmail } from '../engagement/render/email.js';
import { httpUrl } from '../engagement/render/links.js';
import { renderSlack } from '../engagement/render/slack.js';
import { renderTeams } from '../engagement/render/teams.js';

type Locale = EngagementMessage['locale'];

/** The words delivery adds to messages, per language. */
export const DELIVERY_STRINGS: Record<
  Locale,
  {
    unsubscribe: string;
    unsubscribeNote(kind: 'digest' | 'nudge' | 'invitation'): string;
    invitationSubject: string;
    invitationGreeting(name: string): string;
    invitationBody: string;
    invitationOpen: string;
    testSubject: string;
    testBody: string;
    unsubscribedTitle: string;
    unsubscribedBody(scope: 'digest' | 'nudges' | 'all'): string;
    confirmTitle: string;
    confirmButton: string;
    invalidLink: string;
  }
> = {
  en: {
    unsubscribe: 'Unsubscribe',
    unsubscribeNote: (kind) =>
      kind === 'digest'
        ? 'Stop the weekly digest:'
        : kind === 'nudge'
          ? 'Stop these reminders:'
          : 'Stop program emails (digest and reminders):',
    invitationSubject: 'You are invited to the advocacy program',
    invitationGreeting: (name) => `Hello ${name},`,
    invitationBody:
      'You are invited to join our employee advocacy program: share company news with your network in one click, in your own words, and see what it earns. Accept or decline the invitation in the portal.',
    invitationOpen: 'Open the program',
    testSubject: 'Advocacy Kit test message',
    testBody: 'This is a test message from the delivery settings of Advocacy Kit. If you can read it, this channel works.',
    unsubscribedTitle: 'You are unsubscribed',
    unsubscribedBody: (scope) =>
      scope === 'digest'
        ? 'You will no longer get the weekly digest. You can turn it back on in your advocacy preferences.'
        : scope === 'nudges'
          ? 'You will no longer get reminders. You can turn them back on in your advocacy preferences.'
          : 'You will no longer get the weekly digest or reminders. You can turn them back on in your advocacy preferences.',
    confirmTitle: 'Unsubscribe?',
    confirmButton: 'Unsubscribe',
    invalidLink: 'This unsubscribe link is not valid.',
  },
  ja: {
    unsubscribe: '配信停止',
    unsubscribeNote: (kind) =>
      kind === 'digest'
        ? '週間ダイジェストの配信を停止する：'
        : kind === 'nudge'
          ? 'このお知らせの配信を停止する：'
          : 'プログラムからのメール（ダイジェストとお知らせ）を停止する：',
    invitationSubject: 'アドボカシープログラムへのご招待',
    invitationGreeting: (name) => `${name}さん`,
    invitationBody:
      '社員アドボカシープログラムにご招待します。会社のニュースをワンクリックで、ご自身の言葉を添えてシェアし、その成果を確認できます。招待への参加・辞退はポータルから行えます。',
    invitationOpen: 'プログラムを開く',
    testSubject: 'Advocacy Kit テストメッセージ',
    testBody: 'Advocacy Kit の配信設定から送信したテストメッセージです。このメッセージが読めれば、このチャネルは正しく動作しています。',
    unsubscribedTitle: '配信を停止しました',
    unsubscribedBody: (scope) =>
      scope === 'digest'
        ? '週間ダイジェストは今後届きません。アドボカシーの設定からいつでも再開できます。'
        : scope === 'nudges'
          ? 'お知らせは今後届きません。アドボカシーの設定からいつでも再開できます。'
          : '週間ダイジェストとお知らせは今後届きません。アドボカシーの設定からいつでも再開できます。',
    confirmTitle: '配信を停止しますか？',
    confirmButton: '配信を停止する',
    invalidLink: 'この配信停止リンクは無効です。',
  },
};

/** What an outbox row for email carries (the subject is its own column). */
export interface EmailPayload {
  locale: Locale;
  html: string;
  text: string;
  /** The one-click unsubscribe URL (List-Unsubscribe), or null for messages without one (tests). */
  unsubscribeUrl: string | null;
}

/** Adds the unsubscribe link (escaped) to both parts of an email. */
function withUnsubscribe(
  email: { html: string; text: string },
  locale: Locale,
  kind: 'digest' | 'nudge' | 'invitation',
  unsubscribeUrl: string,
): { html: string; text: string } {
  const t = DELIVERY_STRINGS[locale];
  const link = `<p style="font-size:12px;color:#666">${escapeHtml(t.unsubscribeNote(kind))} <a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(t.unsubscribe)}</a></p>`;
  return {
    html: email.html.replace('</body></html>', `${link}</body></html>`),
    text: `${email.text}\n\n${t.unsubscribeNote(kind)} ${unsubscribeUrl}`,
  };
}

/** A digest or reminder as an email, with its unsubscribe link. */
export function engagementEmail(message: EngagementMessage, unsubscribeUrl: string): { subject: string; payload: EmailPayload } {
  const email = renderEmail(message);
  return {
    subject: email.subject,
    payload: { locale: message.locale, ...withUnsubscribe(email, message.locale, message.kind, unsubscribeUrl), unsubscribeUrl },
  };
}

/** A digest or reminder for Teams and Slack (the engagement renderers). */
export const engagementChat = (message: EngagementMessage) => ({ teams: renderTeams(message), slack: renderSlack(message) });

export interface Invitation {
  locale: Locale;
  displayName: string;
  portalUrl: string | null;
}

/** A program invitation as an email: every value escaped in the HTML part. */
export function invitationEmail(invitation: Invitation, unsubscribeUrl: string): { subject: string; payload: EmailPayload } {
  const t = DELIVERY_STRINGS[invitation.locale];
  const portal = invitation.portalUrl === null ? null : httpUrl(invitation.portalUrl);
  const html = [
    `<!doctype html><html lang="${invitation.locale}"><head><meta charset="utf-8"><title>${escapeHtml(t.invitationSubject)}</title></head>`,
    "<body style=\"font-family:system-ui,-apple-system,'Segoe UI','Hiragino Sans','Yu Gothic',sans-serif;line-height:1.6;color:#1a1a1a\">",
    `<h1 style="font-size:20px">${escapeHtml(t.invitationSubject)}</h1>`,
    `<p>${escapeHtml(t.invitationGreeting(invitation.displayName))}</p>`,
    `<p>${escapeHtml(t.invitationBody)}</p>`,
    portal === null
      ? ''
      : `<p><a href="${escapeHtml(portal)}" style="color:#0b5cad;font-weight:600">${escapeHtml(t.invitationOpen)}</a></p>`,
    '</body></html>',
  ].join('');
  const text = [
    t.invitationGreeting(invitation.displayName),
    '',
    t.invitationBody,
    ...(portal === null ? [] : ['', `${t.invitationOpen}: ${portal}`]),
  ].join('\n');
  return {
    subject: t.invitationSubject,
    payload: {
      locale: invitation.locale,
      ...withUnsubscribe({ html, text }, invitation.locale, 'invitation', unsubscribeUrl),
      unsubscribeUrl,
    },
  };
}

const escapeSlack = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const plainTeams = (text: string) => text.replace(/\]\(/g, '] (');

/** A short message (an invitation or a test) for Teams (Adaptive Card) and Slack (blocks with a text fallback). */
export function simpleChat(locale: Locale, title: string, lines: string[], link: { url: string; label: string } | null) {
  const url = link === null ? null : httpUrl(link.url);
  const teams = {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          type: 'AdaptiveCard',
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          version: '1.5',
          lang: locale,
          body: [
            { type: 'TextBlock', text: plainTeams(title), weight: 'Bolder', size: 'Large', wrap: true },
            ...lines.map((line) => ({ type: 'TextBlock', text: plainTeams(line), wrap: true })),
          ],
          ...(url === null || link === null ? {} : { actions: [{ type: 'Action.OpenUrl', title: plainTeams(link.label), url }] }),
        },
      },
    ],
  };
  const slack = {
    text: escapeSlack(`${title} — ${lines[0] ?? ''}`),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: escapeSlack(title), emoji: false } },
      ...lines.map((line) => ({ type: 'section', text: { type: 'plain_text', text: escapeSlack(line), emoji: false } })),
      ...(url === null || link === null
        ? []
        : [
            {
              type: 'actions',
              elements: [{ type: 'button', text: { type: 'plain_text', text: escapeSlack(link.label), emoji: false }, url }],
            },
          ]),
    ],
  };
  return { teams, slack };
}

/** The test message an admin sends from the settings, in their language. */
export function testMessage(locale: Locale) {
  const t = DELIVERY_STRINGS[locale];
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(t.testSubject)}</title></head><body><p>${escapeHtml(t.testBody)}</p></body></html>`;
  return {
    subject: t.testSubject,
    email: { locale, html, text: t.testBody, unsubscribeUrl: null } satisfies EmailPayload,
    ...simpleChat(locale, t.testSubject, [t.testBody], null),
  };
}

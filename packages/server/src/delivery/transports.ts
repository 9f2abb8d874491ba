import { createTransport } from 'nodemailer';
import type { EffectiveDelivery } from './settings.js';

/** One email as the dispatcher hands it to a mailer. */
export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** `<outbox id@from domain>`: the same on every attempt, so receivers can drop a repeat. */
  messageId: string;
  headers: Record<string, string>;
}

/** A connection to the SMTP server for one dispatcher pass: sends the pass's emails, then closes. */
export interface MailSession {
  /** Sends one email; never throws. */
  send(mail: OutgoingMail): Promise<{ error: string | null; response: string }>;
  close(): void;
}

/** Opens a mail session with the current settings. */
export type Mailer = (settings: EffectiveDelivery) => MailSession;

/**
 * The real mailer: nodemailer over SMTP. A pass's emails share one connection (re-opened after an
 * error or every 100 messages) instead of a handshake and sign-in per email; each step is
 * bounded by `deadlineMs`.
 */
export function smtpMailer(deadlineMs: number): Mailer {
  return ({ settings, smtpPassword }) => {
    if (settings.smtpHost === null || settings.fromAddress === null) {
      return { send: async () => ({ error: 'Email is not configured.', response: '' }), close: () => {} };
    }
    const from = settings.fromAddress;
    const transport = createTransport({
      pool: true,
      maxConnections: 1,
      maxMessages: 100,
      host: settings.smtpHost,
      port: settings.smtpPort,
      secure: settings.smtpSecurity === 'tls',
      requireTLS: settings.smtpSecurity === 'starttls',
      ignoreTLS: settings.smtpSecurity === 'none',
      auth: settings.smtpUser === null ? undefined : { user: settings.smtpUser, pass: smtpPassword ?? '' },
      connectionTimeout: Math.min(deadlineMs, 10_000),
      greetingTimeout: Math.min(deadlineMs, 10_000),
      socketTimeout: deadlineMs,
    });
    return {
      async send(mail) {
        try {
          const info = await transport.sendMail({
            from,
            // An address object: the address is used as given, never parsed as a list.
            to: { name: '', address: mail.to },
            ...(settings.replyTo === null ? {} : { replyTo: settings.replyTo }),
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            messageId: mail.messageId,
            headers: mail.headers,
          });
          return { error: null, response: String(info.response ?? '').slice(0, 1024) };
        } catch (error) {
          return { error: error instanceof Error ? error.message : String(error), response: '' };
        }
      },
      close: () => transport.close(),
    };
  };
}

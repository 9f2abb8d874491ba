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

/** Sends one email with the current settings; never throws. */
export type Mailer = (settings: EffectiveDelivery, mail: OutgoingMail) => Promise<{ error: string | null; response: string }>;

/** The real mailer: nodemailer over SMTP, a connection per message, bounded by `deadlineMs`. */
export function smtpMailer(deadlineMs: number): Mailer {
  return async ({ settings, smtpPassword }, mail) => {
    if (settings.smtpHost === null || settings.fromAddress === null) return { error: 'Email is not configured.', response: '' };
    const transport = createTransport({
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
    try {
      const info = await transport.sendMail({
        from: settings.fromAddress,
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
    } finally {
      transport.close();
    }
  };
}

/**
 * Outgoing e-mail through SMTP (nodemailer), configured by SMTP_URL and MAIL_FROM. Without
 * SMTP_URL there is no mailer: reminders are kept as in-app notifications only.
 */
import nodemailer from 'nodemailer';
import { env } from './env.server';

export type OutgoingMail = {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** A stable Message-ID (without brackets), so a receiver can drop a repeated delivery. */
  messageId?: string;
  /** An https link that unsubscribes with one POST (RFC 8058): List-Unsubscribe and List-Unsubscribe-Post. */
  unsubscribeUrl?: string;
};

export type Mailer = {
  from: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

export type SmtpStatus = { configured: boolean; server: string | null; from: string | null };

/** A mailer for an smtp:// or smtps:// URL (credentials in the URL, as nodemailer reads them). */
export function createMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  } as nodemailer.TransportOptions & { url: string });
  return {
    from,
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId ? `<${mail.messageId}>` : undefined,
        headers: {
          // RFC 3834: tells mail servers and autoresponders this is automatic mail.
          'Auto-Submitted': 'auto-generated',
          'X-Auto-Response-Suppress': 'All',
          // RFC 2369 and RFC 8058: the mail client's "unsubscribe" button posts to the link, no login needed.
          ...(mail.unsubscribeUrl
            ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
            : {}),
        },
      });
    },
    close() {
      transport.close();
    },
  };
}

/** The mailer configured by the environment, or null when SMTP_URL is not set. */
export function mailerFromEnv(): Mailer | null {
  return env.SMTP_URL && env.MAIL_FROM ? createMailer(env.SMTP_URL, env.MAIL_FROM) : null;
}

/** What the admin page may show: the server without user name or password. */
export function smtpStatus(): SmtpStatus {
  if (!env.SMTP_URL) return { configured: false, server: null, from: null };
  return { configured: true, server: describeSmtpUrl(env.SMTP_URL), from: env.MAIL_FROM ?? null };
}

export function describeSmtpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '(invalid SMTP_URL)';
  }
}

import nodemailer, { type Transporter } from 'nodemailer';
import type { JobLogger } from '../../platform/jobs/scheduler.ts';

export type MailMessage = { to: string; subject: string; text: string };

/** Sends notification e-mail; without SMTP configured every send is a no-op (logged at debug). */
export type Mailer = {
  readonly enabled: boolean;
  /** The transport's answer (e.g. the JSON of the message with `jsonTransport`), null when disabled. */
  send(message: MailMessage): Promise<unknown>;
  close(): void;
};

export type MailerOptions = {
  /** `smtp://user:pass@host:587` or `smtps://…`; null turns e-mail off. */
  smtpUrl: string | null;
  from: string;
  log: JobLogger;
  /** A ready transport instead of `smtpUrl` (tests: nodemailer's `jsonTransport` / `streamTransport`). */
  transport?: Transporter;
};

export function createMailer(opts: MailerOptions): Mailer {
  const transport = opts.transport ?? (opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null);
  if (!transport) {
    return {
      enabled: false,
      async send(message) {
        opts.log.debug(
          { subject: message.subject },
          'SMTP not configured (GONGKAI_SMTP_URL): e-mail not sent',
        );
        return null;
      },
      close() {},
    };
  }
  return {
    enabled: true,
    send: (message) =>
      transport.sendMail({ from: opts.from, to: message.to, subject: message.subject, text: message.text }),
    close: () => transport.close(),
  };
}

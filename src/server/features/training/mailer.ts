import type { Transporter } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Training emails. Optional: without SMTP_URL nothing is sent and every booking page still says it all. */
export interface Mailer {
  readonly enabled: boolean;
  /** Sends after the change is committed; a failure is logged, never shown to the person or rolled back. */
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string | undefined, from: string, onError: (error: unknown) => void): Mailer {
  if (!smtpUrl) return { enabled: false, send: async () => {}, close: () => {} };
  // nodemailer is loaded with the first mail, not at start: most processes never send one.
  let transport: Promise<Transporter> | undefined;
  return {
    enabled: true,
    async send(mail) {
      try {
        transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl));
        await (await transport).sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      } catch (error) {
        // SMTP errors can quote the recipient's address; the log gets the kind of failure only.
        const code =
          (error as { code?: unknown; responseCode?: unknown }).code ?? (error as { responseCode?: unknown }).responseCode ?? 'unknown';
        onError(new Error(`training mail not sent (${String(code).slice(0, 40)})`));
      }
    },
    close: () => {
      void transport?.then(
        (t) => t.close(),
        () => {},
      );
    },
  };
}

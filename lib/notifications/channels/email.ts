// E-mail for digests and alerts (issue 19): nodemailer over the SMTP server of `SMTP_URL`
// (`smtp://user:pass@host:587`, STARTTLS when offered; `smtps://` for TLS from the start), from `SMTP_FROM`.
// Unset: no e-mail is sent, and Settings says so. Every message carries its unsubscribe link, also as the
// List-Unsubscribe header (one click in the mail app: RFC 8058).
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}

/** The sender for `smtpUrl`, or null when none is configured. */
export function createEmailSender(smtpUrl: string | undefined, from: string | undefined, appUrl: string): EmailSender | null {
  if (!smtpUrl) return null;
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  const sender = from ?? `Chariow dashboard <dashboard@${new URL(appUrl).hostname}>`;
  return {
    async send(m) {
      await transport.sendMail({
        from: sender,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        headers: { "List-Unsubscribe": `<${m.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      });
    },
  };
}

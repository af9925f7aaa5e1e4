// E-mail over the district's SMTP server (issue 16), with nodemailer. TLS modes: `tls` (implicit
// TLS, usually port 465), `starttls` (upgrade required, usually 587), `none` (plain, e.g. a relay
// on the bureau's own network).
import nodemailer from 'nodemailer';
import { ChannelError } from './http';

export interface SmtpConfig {
  host: string;
  port: number;
  tls: 'none' | 'starttls' | 'tls';
  user: string | null;
  password: string | null;
  from: string;
}

export async function sendEmail(cfg: SmtpConfig, to: string, mail: { subject: string; text: string; html: string }): Promise<void> {
  const transport = nodemailer.createTransport({
    host: cfg.host,
    port: cfg.port,
    secure: cfg.tls === 'tls',
    requireTLS: cfg.tls === 'starttls',
    ignoreTLS: cfg.tls === 'none',
    auth: cfg.user ? { user: cfg.user, pass: cfg.password ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({ from: cfg.from, to, subject: mail.subject, text: mail.text, html: mail.html });
  } catch (e) {
    const err = e as { code?: string; responseCode?: number; message?: string };
    throw new ChannelError(`SMTP ${err.code ?? ''}${err.responseCode ? ` ${err.responseCode}` : ''}: ${(err.message ?? '').split('\n')[0]}`.trim());
  } finally {
    transport.close();
  }
}

// Local stand-ins for the outside world of the reminders (issue 16): an SMTP sink (smtp-server)
// and an HTTP receiver for the group robots that verifies DingTalk's signature as DingTalk does
// (HMAC-SHA256 of "timestamp\nsecret" keyed by the secret, base64; the timestamp within an hour).
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Mail {
  from: string;
  to: string[];
  subject: string;
  raw: string;
}

/** `=?UTF-8?B?…?=` / `=?UTF-8?Q?…?=` encoded words of a header, decoded. */
export function decodeHeader(v: string): string {
  return v.replace(/\s*=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

export async function startSmtpSink(): Promise<{ port: number; mails: Mail[]; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
        const subject = decodeHeader(/^Subject: (.*)$/im.exec(head)?.[1] ?? '');
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), subject, raw });
        done();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export interface RobotPost {
  path: string;
  signatureValid: boolean;
  body: { msgtype?: string; markdown?: { title?: string; text?: string; content?: string } };
}

export async function startRobotReceiver(dingTalkSecret: string): Promise<{ port: number; posts: RobotPost[]; close: () => Promise<void> }> {
  const posts: RobotPost[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://receiver');
      const ts = Number(u.searchParams.get('timestamp'));
      const expected = crypto.createHmac('sha256', dingTalkSecret).update(`${ts}\n${dingTalkSecret}`, 'utf8').digest('base64');
      const signatureValid = u.searchParams.get('sign') === expected && Math.abs(Date.now() - ts) < 3600_000;
      let body: RobotPost['body'] = {};
      try {
        body = JSON.parse(raw) as RobotPost['body'];
      } catch {
        /* counted as received, answered as an error below */
      }
      posts.push({ path: u.pathname, signatureValid, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(signatureValid ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { port, posts, close: () => new Promise<void>((r) => server.close(() => r())) };
}

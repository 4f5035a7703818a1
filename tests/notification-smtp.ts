/**
 * A real SMTP server on loopback (smtp-server, port 0) for the e-mail tests, and just enough
 * MIME to read what nodemailer sends.
 */
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export type Received = { rcpt: string[]; from: string; subject: string; text: string; html: string; headers: string };

/** Just enough MIME to read what nodemailer sends: headers, encoded words, multipart/alternative, QP and base64. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)+/g, (run) => {
      const bytes: Buffer[] = [];
      for (const [, , enc, data] of run.matchAll(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g)) {
        bytes.push(enc!.toUpperCase() === 'B' ? Buffer.from(data!, 'base64') : qpBytes(data!.replaceAll('_', ' ')));
      }
      return Buffer.concat(bytes).toString('utf8');
    });
}
function qpBytes(text: string): Buffer {
  const clean = text.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < clean.length; i += 1) {
    if (clean[i] === '=' && /^[0-9A-F]{2}$/i.test(clean.slice(i + 1, i + 3))) {
      out.push(parseInt(clean.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(...Buffer.from(clean[i]!, 'utf8'));
  }
  return Buffer.from(out);
}
function splitHeaders(raw: string): [Record<string, string>, string] {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return [headers, raw.slice(at + 4)];
}
function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return qpBytes(body).toString('utf8');
  return body;
}
function parseMessage(raw: string, rcpt: string[]): Received {
  const [headers, body] = splitHeaders(raw);
  const parts: Record<string, string> = {};
  const boundary = /boundary="?([^";]+)"?/.exec(headers['content-type'] ?? '')?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1, -1)) {
      const [h, b] = splitHeaders(chunk.replace(/^\r\n/, ''));
      parts[(h['content-type'] ?? '').split(';')[0]!] = decodeBody(h, b.replace(/\r\n$/, ''));
    }
  } else parts[(headers['content-type'] ?? 'text/plain').split(';')[0]!] = decodeBody(headers, body);
  return {
    rcpt,
    from: decodeWords(headers.from ?? ''),
    subject: decodeWords(headers.subject ?? ''),
    text: (parts['text/plain'] ?? '').replaceAll('\r\n', '\n'),
    html: parts['text/html'] ?? '',
    headers: Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\n'),
  };
}

export class TestSmtp {
  received: Received[] = [];
  /** Set to make the server refuse every recipient with a temporary error. */
  rejecting = false;
  port = 0;
  private server: SMTPServer | null = null;

  async start(port = 0): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (_address, _session, callback) => {
        if (!this.rejecting) return callback();
        const error = new Error('Mailbox temporarily unavailable') as Error & { responseCode: number };
        error.responseCode = 451;
        callback(error);
      },
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.received.push(parseMessage(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address)));
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  take(): Received[] {
    const all = this.received;
    this.received = [];
    return all;
  }
}

import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps every message; `failNext(n)` rejects the next n messages. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private failures = 0;
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.failures > 0) {
            this.failures--;
            const error = new Error('451 temporary local problem') as Error & { responseCode: number };
            error.responseCode = 451;
            callback(error);
            return;
          }
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
  }

  failNext(n: number): void {
    this.failures = n;
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The decoded body of the MIME part with this content type (base64 or quoted-printable). */
export function mimePart(raw: string, contentType: RegExp): { headers: string; body: string } | null {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  for (const part of parts) {
    const [headers, ...rest] = part.split(/\r?\n\r?\n/);
    if (!contentType.test(headers)) continue;
    const body = rest.join('\r\n\r\n').replace(/\r?\n--[^\r\n]*--\s*$/, '');
    if (/Content-Transfer-Encoding:\s*base64/i.test(headers)) return { headers, body: Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') };
    if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(headers)) {
      const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
      return { headers, body: Buffer.from(bytes, 'latin1').toString('utf8') };
    }
    return { headers, body };
  }
  return null;
}

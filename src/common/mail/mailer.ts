import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
/** What the mailer needs of the configuration. */
export interface MailSettings {
  smtpUrl: string | null;
  mailFrom: string;
  dataDir: string;
}

export type MailMessage = Mail.Options;

/**
 * Sends e-mail over SMTP (`SMTP_URL`), or in the embedded default writes each message as an
 * `.eml` file to `DATA_DIR/outbox/`, where a newcomer can open it.
 */
export class Mailer {
  private constructor(
    private readonly transport: Transporter,
    private readonly outboxDir: string | null,
    readonly from: string,
  ) {}

  static fromConfig(config: MailSettings): Mailer {
    if (config.smtpUrl) return new Mailer(nodemailer.createTransport(config.smtpUrl), null, config.mailFrom);
    const outboxDir = join(config.dataDir, 'outbox');
    mkdirSync(outboxDir, { recursive: true });
    return new Mailer(nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' }), outboxDir, config.mailFrom);
  }

  /** Sends one message; `fileName` names the `.eml` file in embedded mode (make it unique per message). */
  async send(message: MailMessage, fileName: string): Promise<void> {
    const info = (await this.transport.sendMail({ from: this.from, ...message })) as { message?: Buffer };
    if (this.outboxDir && info.message) {
      await writeFile(join(this.outboxDir, fileName.replace(/[^A-Za-z0-9._-]/g, '_') + '.eml'), info.message);
    }
  }
}

import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { decodeCursor, limitOf, Page, pageOf } from '../common/pagination/pagination';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { OutboxMailDto, OutboxQuery } from './mail.dto';
import { MailRepository, type MailMessage } from './mail.repository';

export type { MailMessage } from './mail.repository';

/**
 * Mail goes out through the SMTP server of SMTP_URL. Without one (the embedded default) it is kept
 * in the outbox, which admins read in the dashboard, so a newcomer sees what would have been sent.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly transport: Transporter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: MailRepository,
  ) {
    this.transport = config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null;
  }

  /** Sends the message (or keeps it); a refusal by the server throws, so the job that sends it retries. */
  async send(message: MailMessage): Promise<void> {
    if (!this.transport) {
      await this.repository.keep(message);
      return;
    }
    await this.transport.sendMail({
      from: this.config.mail.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: { 'Content-Language': message.language },
    });
  }

  async outbox(query: OutboxQuery): Promise<Page<OutboxMailDto>> {
    const rows = await this.repository.outbox(
      query.recipient ?? null,
      decodeCursor(query.cursor, 2),
      limitOf(query),
    );
    return pageOf(
      rows,
      query,
      (row) => [row.created_at.toISOString(), row.id],
      (row) => ({
        id: row.id,
        to: row.recipient,
        language: row.language,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        createdAt: row.created_at.toISOString(),
      }),
    );
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}

import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Language } from '@hstf/domain';
import nodemailer, { type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { decodeCursor, limitOf, Page, pageOf } from '../common/pagination/pagination';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { OutboxMailDto, OutboxQuery } from './mail.dto';

export interface MailMessage {
  to: string;
  language: Language;
  subject: string;
  text: string;
  html: string;
}

interface OutboxRow {
  id: string;
  recipient: string;
  language: Language;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: Date;
}

/**
 * Mail goes out through the SMTP server of SMTP_URL. Without one (the embedded default) it is kept
 * in the outbox, which admins read in the dashboard, so a newcomer sees what would have been sent.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly transport: Transporter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.transport = config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null;
  }

  /** Sends the message (or keeps it); a refusal by the server throws, so the job that sends it retries. */
  async send(message: MailMessage): Promise<void> {
    if (!this.transport) {
      await this.dataSource.query(
        `INSERT INTO mail_outbox (recipient, language, subject, text_body, html_body) VALUES ($1, $2, $3, $4, $5)`,
        [message.to, message.language, message.subject, message.text, message.html],
      );
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
    const cursor = decodeCursor(query.cursor, 2);
    const params: unknown[] = [query.recipient ?? null];
    let keyset = '';
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      keyset = `AND (created_at, id) < ($2::timestamptz, $3::uuid)`;
    }
    params.push(limitOf(query) + 1);
    const rows: OutboxRow[] = await this.dataSource.query(
      `SELECT id, recipient, language, subject, text_body, html_body, created_at FROM mail_outbox
       WHERE ($1::text IS NULL OR recipient = lower($1)) ${keyset}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
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

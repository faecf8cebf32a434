import type { Language } from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';

/** A message as written, in the recipient's language. */
export interface MailMessage {
  to: string;
  language: Language;
  subject: string;
  text: string;
  html: string;
}

export interface OutboxRow {
  id: string;
  recipient: string;
  language: Language;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: Date;
}

/** The SQL of the outbox; MailService decides whether a message goes there or out by SMTP. */
@Injectable()
export class MailRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async keep(message: MailMessage): Promise<void> {
    await preparedQuery(
      this.dataSource,
      `INSERT INTO mail_outbox (recipient, language, subject, text_body, html_body) VALUES ($1, $2, $3, $4, $5)`,
      [message.to, message.language, message.subject, message.text, message.html],
    );
  }

  /** Newest first, one more row than `limit` after the cursor (created_at, id), for the next page. */
  outbox(recipient: string | null, cursor: (string | number)[] | null, limit: number): Promise<OutboxRow[]> {
    const params: unknown[] = [recipient];
    let keyset = '';
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      keyset = `AND (created_at, id) < ($2::timestamptz, $3::uuid)`;
    }
    params.push(limit + 1);
    return preparedQuery<OutboxRow>(
      this.dataSource,
      `SELECT id, recipient, language, subject, text_body, html_body, created_at FROM mail_outbox
       WHERE ($1::text IS NULL OR recipient = lower($1)) ${keyset}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  }
}

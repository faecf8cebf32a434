import type { Language } from '@hstf/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import type { LinkPurpose } from './account-link-messages';

export interface LinkRecipient {
  id: string;
  email: string;
  name: string;
  language: Language;
}

/** The SQL of one-time account links; AccountLinksService decides. */
@Injectable()
export class AccountLinksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The active account with this id or this address. */
  async recipient(userId: string | null, email: string | null): Promise<LinkRecipient | undefined> {
    const [user] = await preparedQuery<LinkRecipient>(
      this.dataSource,
      `SELECT id, email, name, language FROM users WHERE active AND (id = $1 OR email = $2)`,
      [userId, email],
    );
    return user;
  }

  async insertToken(userId: string, purpose: LinkPurpose, tokenHash: Buffer, hours: number): Promise<void> {
    await preparedQuery(
      this.dataSource,
      `INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
      [userId, purpose, tokenHash, hours],
    );
  }

  /** The unused, unexpired link of an active account, locked until the transaction ends. */
  async lockUsableToken(
    manager: EntityManager,
    tokenHash: Buffer,
  ): Promise<{ id: string; user_id: string } | undefined> {
    const [link] = await preparedQuery<{ id: string; user_id: string }>(
      manager,
      `SELECT t.id, t.user_id FROM account_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now() AND u.active
       FOR UPDATE OF t`,
      [tokenHash],
    );
    return link;
  }

  /** Every unused link of the account stops working. */
  async useAllTokens(manager: EntityManager, userId: string): Promise<void> {
    await preparedQuery(
      manager,
      `UPDATE account_tokens SET used_at = now(), version = version + 1 WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
  }
}

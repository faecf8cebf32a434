import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  accessTokenProblems,
  ACCESS_TOKENS_PER_HOUR,
  describeAccessTokenProblem,
  isAccessToken,
} from '@hstf/domain';
import { AuditService } from '../audit';
import { limitOf, Page, pageOf, PageQuery } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { RequestContext, SessionUser } from '../common/request-context/request-context';
import { hashAccessToken, newAccessTokenSecret } from './access-token-secret';
import { AccessTokenDto, CreateAccessTokenRequest, CreatedAccessTokenDto } from './access-tokens.dto';
import { AccessTokenRow, AccessTokensRepository } from './access-tokens.repository';

// last_used_at is written at most this often per token, not on every request.
const TOUCH_INTERVAL_SECONDS = 60;

function toDto(row: AccessTokenRow): AccessTokenDto {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    expiresOn: row.expires_on,
    expired: row.expired,
  };
}

/**
 * Personal access tokens: created by a signed-in user for their scripts, acting as that user with
 * that user's role, listed without their secrets, and revoked by them. The secret is answered once.
 */
@Injectable()
export class AccessTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AccessTokensRepository,
    private readonly audit: AuditService,
  ) {}

  /** Whether a bearer token is a personal access token rather than a session. */
  isAccessToken(token: string): boolean {
    return isAccessToken(token);
  }

  /** The user a live token acts as: not revoked, not expired, its user still active. */
  async resolve(token: string): Promise<SessionUser | null> {
    const row = await this.repository.liveToken(hashAccessToken(token), TOUCH_INTERVAL_SECONDS);
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      donorId: row.donor_id,
      sessionId: '',
      accessTokenId: row.token_id,
    };
  }

  async create(ctx: RequestContext, request: CreateAccessTokenRequest): Promise<CreatedAccessTokenDto> {
    const actor = ctx.actor;
    // A leaked token must not be able to mint tokens that outlive its revocation.
    if (actor.accessTokenId)
      throw Problem.forbidden('A personal access token cannot create tokens: sign in to create one.');
    const secret = newAccessTokenSecret();
    return this.dataSource.transaction(async (manager) => {
      const counts = await this.repository.lockAndCount(manager, actor.id);
      if (counts.last_hour >= ACCESS_TOKENS_PER_HOUR) {
        const seconds = Math.max(1, counts.retry_after_seconds);
        throw new Problem(
          HttpStatus.TOO_MANY_REQUESTS,
          'too-many-access-tokens',
          'Too many access tokens created',
          `At most ${ACCESS_TOKENS_PER_HOUR} access tokens may be created in an hour. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
          { retryAfterSeconds: seconds },
        );
      }
      const problems = accessTokenProblems({
        expiresOn: request.expiresOn ?? null,
        today: new Date().toISOString().slice(0, 10),
        live: counts.live,
      });
      if (problems.length > 0)
        throw Problem.validation(
          problems.map((problem) => ({
            field: problem.code === 'access_token_live_limit' ? 'name' : 'expiresOn',
            message: describeAccessTokenProblem(problem),
          })),
        );
      const row = await this.repository.insert(manager, {
        userId: actor.id,
        name: request.name,
        tokenHash: hashAccessToken(secret),
        expiresOn: request.expiresOn ?? null,
      });
      const token = toDto(row);
      await this.audit.recordCreation(manager, ctx, 'access_token', token);
      return { ...token, token: secret };
    });
  }

  list(ctx: RequestContext, query: PageQuery): Promise<Page<AccessTokenDto>> {
    return this.page(ctx.actor.id, query);
  }

  /** Revokes one of the caller's own tokens; anyone else's, or one already revoked, is 404. */
  async revoke(ctx: RequestContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.repository.lockOwn(manager, ctx.actor.id, id);
      if (!row) throw Problem.notFound('The access token');
      const revokedAt = await this.repository.revoke(manager, id);
      const before = toDto(row);
      await this.audit.record(manager, ctx, {
        action: 'revoke',
        entity: 'access_token',
        entityId: id,
        before,
        after: { ...before, revokedAt: revokedAt.toISOString() },
      });
    });
  }

  private async page(userId: string, query: PageQuery): Promise<Page<AccessTokenDto>> {
    const rows = await this.repository.list(userId, query.cursor, limitOf(query));
    return pageOf(rows, query, (row) => [row.created_at_key, row.id], toDto);
  }
}

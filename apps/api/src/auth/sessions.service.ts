import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SessionUser } from '../common/request-context/request-context';
import { AuthRepository } from './auth.repository';
import { hashSessionToken, newSessionToken } from './session-token';

// last_seen_at is written at most this often per session, not on every request.
const TOUCH_INTERVAL_SECONDS = 60;

@Injectable()
export class SessionsService {
  constructor(
    private readonly repository: AuthRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(
    userId: string,
    client: { ip: string | null; userAgent: string | null },
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = newSessionToken();
    const expiresAt = await this.repository.openSession(
      hashSessionToken(token),
      userId,
      this.config.sessionTtlHours,
      client,
    );
    return { token, expiresAt };
  }

  /** The user behind a live session: not revoked, not expired, not idle too long, still active. */
  async resolve(token: string): Promise<SessionUser | null> {
    const row = await this.repository.liveSession(
      hashSessionToken(token),
      this.config.sessionIdleMinutes,
      TOUCH_INTERVAL_SECONDS,
    );
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      donorId: row.donor_id,
      sessionId: row.session_id,
    };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.repository.revokeSession(sessionId);
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { isLanguage, type Language } from '@hstf/domain';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LoginLimiterService } from '../auth';
import { Problem } from '../common/problem-details/problem';
import { RequestContext } from '../common/request-context/request-context';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { JobsService, QUEUES } from '../jobs';
import { escapeHtml, htmlMail, MailService } from '../mail';
import { UserDto, UsersService } from '../users';
import { LINK_MESSAGES, type LinkPurpose } from './account-link-messages';
import { InviteUserRequest } from './account-links.dto';
import { AccountLinksRepository } from './account-links.repository';

/** How long a link works: long enough for an invitation to be read after a weekend, short for a reset. */
const LIFETIME_HOURS: Record<LinkPurpose, number> = { invite: 72, reset: 1 };

const hashOf = (token: string) => createHash('sha256').update(token).digest();
const fill = (template: string, facts: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => facts[name] ?? whole);

interface LinkJob {
  purpose: LinkPurpose;
  userId?: string;
  email?: string;
  language?: Language;
}

/**
 * One-time links by mail: an admin invites a user, who chooses their own password; anyone may ask
 * for a reset link for an address. Links are mailed by a job, so asking answers the same, in the
 * same time, whether or not the address has an account. A token is 256 random bits, kept only as
 * its SHA-256, used once, and expires.
 */
@Injectable()
export class AccountLinksService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: AccountLinksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly jobs: JobsService,
    private readonly mail: MailService,
    private readonly limiter: LoginLimiterService,
  ) {}

  onModuleInit(): void {
    this.jobs.handle(QUEUES.accountMail.name, (data) => this.mailLink(data as unknown as LinkJob));
  }

  async invite(ctx: RequestContext, request: InviteUserRequest): Promise<UserDto> {
    const { language, ...account } = request;
    // Nobody knows this password: the user chooses theirs from the link.
    const user = await this.users.create(ctx, {
      ...account,
      password: randomBytes(32).toString('base64url'),
    });
    await this.jobs.send(QUEUES.accountMail.name, {
      purpose: 'invite',
      userId: user.id,
      language: language ?? 'en',
    });
    return user;
  }

  /** Counted (and refused past the limits) before anything is looked up: the same for any address. */
  async requestReset(email: string, ip: string | null): Promise<void> {
    await this.limiter.beginPasswordReset(email, ip);
    await this.jobs.send(QUEUES.accountMail.name, { purpose: 'reset', email });
  }

  /** The job: a new token for an active account, and the mail with its link. */
  async mailLink(job: LinkJob): Promise<void> {
    const user = await this.links.recipient(job.userId ?? null, job.email ?? null);
    if (!user) return;
    const language = job.purpose === 'invite' && isLanguage(job.language) ? job.language : user.language;
    const token = randomBytes(32).toString('base64url');
    const hours = LIFETIME_HOURS[job.purpose];
    await this.links.insertToken(user.id, job.purpose, hashOf(token), hours);
    const words = LINK_MESSAGES[language];
    const link = `${this.config.mail.appUrl}/set-password?token=${token}`;
    const facts = { name: user.name, hours: String(hours) };
    const said = words[job.purpose];
    const lines = [fill(said.body, facts), fill(said.expires, facts), said.ignore];
    await this.mail.send({
      to: user.email,
      language,
      subject: said.subject,
      text: [lines[0], `${said.action}: ${link}`, lines[1], lines[2], '--', words.footer].join('\n\n'),
      html: htmlMail(
        language,
        said.subject,
        `<p>${escapeHtml(lines[0]!)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(said.action)}</a></p>` +
          `<p>${escapeHtml(lines[1]!)}</p><p>${escapeHtml(lines[2]!)}</p>`,
        words.footer,
      ),
    });
  }

  /**
   * Sets the password of the link's account, once: the token stays locked while the password is
   * checked and saved, so two uses at once cannot both pass; a refused password leaves it usable.
   * Every other link of the account stops working and its sessions end (UsersService).
   */
  async setPassword(requestId: string, token: string, password: string): Promise<void> {
    const refused = () =>
      Problem.validation([
        { field: 'token', message: 'is not valid: it was used, has expired or was never given out' },
      ]);
    await this.dataSource.transaction(async (manager) => {
      const link = await this.links.lockUsableToken(manager, hashOf(token));
      if (!link) throw refused();
      const user = await this.users.get(link.user_id);
      // The change is the account holder's own, as the audit log records it.
      const ctx = new RequestContext(
        requestId,
        {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          donorId: user.donorId,
          sessionId: '',
        },
        null,
      );
      await this.users.update(ctx, user.id, user.version, { password });
      await this.links.useAllTokens(manager, link.user_id);
    });
  }
}

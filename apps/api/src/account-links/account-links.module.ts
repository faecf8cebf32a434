import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { MailModule } from '../mail';
import { UsersModule } from '../users';
import { AccountLinksController } from './account-links.controller';
import { AccountLinksRepository } from './account-links.repository';
import { AccountLinksService } from './account-links.service';

/** Invitations and password resets by one-time links mailed to the account's address. */
@Module({
  imports: [UsersModule, MailModule, AuthModule],
  controllers: [AccountLinksController],
  providers: [AccountLinksService, AccountLinksRepository],
})
export class AccountLinksModule {}

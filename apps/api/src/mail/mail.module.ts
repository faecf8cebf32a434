import { Module } from '@nestjs/common';
import { MailController } from './mail.controller';
import { MailRepository } from './mail.repository';
import { MailService } from './mail.service';

/** Outgoing mail: SMTP when configured, the outbox otherwise. */
@Module({ controllers: [MailController], providers: [MailService, MailRepository], exports: [MailService] })
export class MailModule {}

import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReadRoute } from '../common/routes/route.decorators';
import { OutboxPage, OutboxQuery } from './mail.dto';
import { MailService } from './mail.service';

@ApiTags('mail')
@Controller('v1/mail')
export class MailController {
  constructor(private readonly mail: MailService) {}

  @ReadRoute(OutboxPage, {
    path: 'outbox',
    summary: 'The mail kept instead of sent while no SMTP server is configured, newest first',
    roles: ['admin'],
  })
  outbox(@Query() query: OutboxQuery): Promise<OutboxPage> {
    return this.mail.outbox(query);
  }
}

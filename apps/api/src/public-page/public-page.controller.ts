import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/access/access.decorators';
import { sendJsonText } from '../common/json/json-text';
import { PublicFund } from './public-page.dto';
import { PublicPageService } from './public-page.service';

@ApiTags('public')
@Controller('v1/public')
export class PublicPageController {
  constructor(private readonly page: PublicPageService) {}

  @Get('fund')
  @Public()
  @ApiOperation({
    summary:
      "The Fund's public page (no sign-in): its figures overall, by year and by donor, and its approved projects",
  })
  @ApiOkResponse({ type: PublicFund })
  async fund(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return sendJsonText(reply, await this.page.fund());
  }
}

import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '../common/access/access.decorators';
import { sendJsonText } from '../common/json/json-text';
import { DashboardOverviewDto } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@Controller('v1/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** The Fund at a glance; the portfolio is public to donors, contributions are totals per donor. */
  @Get('overview')
  @ApiOperation({
    summary: 'The Fund at a glance: ledger, pipeline, countries, money by year, regions, dimensions',
  })
  @Authenticated('admin', 'staff', 'donor')
  @ApiOkResponse({ type: DashboardOverviewDto })
  async overview(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return sendJsonText(reply, await this.dashboard.overview());
  }
}

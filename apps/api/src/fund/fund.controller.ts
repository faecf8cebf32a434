import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated } from '../common/access/access.decorators';
import { sendJsonText } from '../common/json/json-text';
import { FundLedger } from './fund.dto';
import { FundService } from './fund.service';

@ApiTags('fund')
@Controller('v1/fund')
export class FundController {
  constructor(private readonly fund: FundService) {}

  @Get('ledger')
  @Authenticated('admin', 'staff', 'donor')
  @ApiOperation({
    summary: "The Fund's ledger: received, committed, transferred, available; overall and by year",
    description:
      'received = Σ USD amounts of received contributions; committed = Σ approved budgets of projects ' +
      'in stage approved, active, completed or closed (soft-deleted projects excluded); transferred = ' +
      'Σ transfers; available = received − committed. By year: received by the year the contribution ' +
      'was received (receivedOn), committed by the year of the project start date (startDate), ' +
      'transferred by the year of the transfer (transferredOn). All amounts are USD decimal strings ' +
      'summed in SQL.',
  })
  @ApiOkResponse({ type: FundLedger })
  async ledger(@Res({ passthrough: true }) response: Response): Promise<string> {
    return sendJsonText(response, await this.fund.ledger());
  }
}

import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
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
    summary: "The Fund's ledger: received, committed, transferred, released, available; overall and by year",
    description:
      "received = Σ receipts − Σ their reversals (USD at each receipt's rate) of contributions not cancelled; committed = Σ approved budgets of projects " +
      'in stage approved, active, completed or closed (soft-deleted projects excluded); transferred = ' +
      'Σ transfers − Σ their reversals; released = Σ untransferred balances of completed and closed ' +
      'projects + Σ refunds − Σ their reversals; available = received − committed + released. By year, ' +
      "on the calendar of decisions: received by each receipt's date, committed by the approval decision date " +
      '(else startDate), released balances by the completion decision date (else endDate), money ' +
      'entries by their date. Amounts are USD decimal strings summed in SQL with the definitions of ' +
      'libs/domain (fundLedger).',
  })
  @ApiOkResponse({ type: FundLedger })
  async ledger(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return sendJsonText(reply, await this.fund.ledger());
  }
}

import { Body, Controller, Query, Req, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { exportAllPages } from '../common/export/all-pages';
import { ExportablePageQuery, ExportableListResponse, isFileExport } from '../common/export/export-format';
import { DONOR_RECEIPT_EXPORT_COLUMNS } from './receipt-export';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { CreateRoute, ReadRoute, UuidParam } from '../common/routes/route.decorators';
import {
  CreateReceiptRequest,
  DonorReceiptPage,
  DonorTracingDto,
  PledgeStatementDto,
  ReceiptDto,
  ReverseReceiptRequest,
} from './receipts.dto';
import { ReceiptsService } from './receipts.service';

@ApiTags('receipts')
@Controller('v1')
export class ReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  @ReadRoute(PledgeStatementDto, {
    path: 'contributions/:id/receipts',
    summary: "A pledge's receipts and reversals, what is outstanding and the exchange gain or loss",
    roles: ['admin', 'staff', 'donor'],
  })
  @ApiNotFoundResponse({ description: "No such contribution (or another donor's)" })
  statement(@Ctx() ctx: RequestContext, @UuidParam() id: string): Promise<PledgeStatementDto> {
    return this.receipts.statement(ctx, id);
  }

  @CreateRoute(ReceiptDto, {
    path: 'contributions/:id/receipts',
    summary: 'Record money received against a pledge, at its own date, amount and rate, earmarked or not',
    roles: ['admin', 'staff'],
  })
  @ApiBadRequestResponse({ description: 'Invalid fields, or an earmark naming nothing known' })
  @ApiNotFoundResponse({ description: 'No such contribution' })
  @ApiUnprocessableEntityResponse({
    description:
      'Cancelled pledge, more than is outstanding, dated before the pledge or after today, a USD rate other than 1',
  })
  record(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @Body() body: CreateReceiptRequest,
  ): Promise<ReceiptDto> {
    return this.receipts.record(ctx, id, body);
  }

  @CreateRoute(ReceiptDto, {
    path: 'contributions/:id/receipts/:receiptId/reversal',
    summary: 'Reverse a receipt recorded in error: a reversal entry naming it; both stay on record',
    roles: ['admin', 'staff'],
  })
  @ApiNotFoundResponse({ description: 'No such contribution or receipt' })
  @ApiUnprocessableEntityResponse({
    description:
      "Already reversed, a reversal, dated before the receipt or after today, or the Fund's available balance would go below zero (code received_reduction_exceeds_available)",
  })
  reverse(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @UuidParam('receiptId') receiptId: string,
    @Body() body: ReverseReceiptRequest,
  ): Promise<ReceiptDto> {
    return this.receipts.reverse(ctx, id, receiptId, body);
  }

  @ExportableListResponse(DonorReceiptPage)
  @ReadRoute(DonorReceiptPage, {
    path: 'donors/:id/receipts',
    summary:
      "The donor's receipts and reversals: dates, amounts, currencies, rates, USD, exchange gain or loss, earmarks",
    roles: ['admin', 'staff', 'donor'],
  })
  @ApiNotFoundResponse({ description: 'No such donor (or, for a donor user, another donor)' })
  async donorReceipts(
    @Ctx() ctx: RequestContext,
    @UuidParam() id: string,
    @Query() query: ExportablePageQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DonorReceiptPage | StreamableFile> {
    if (isFileExport(query)) {
      return exportAllPages(request, reply, {
        name: 'receipts',
        format: query.format,
        columns: DONOR_RECEIPT_EXPORT_COLUMNS,
        page: (cursor, limit) => this.receipts.donorReceipts(ctx, id, { ...query, cursor, limit }),
      });
    }
    return this.receipts.donorReceipts(ctx, id, query);
  }

  @ReadRoute(DonorTracingDto, {
    path: 'donors/:id/tracing',
    summary: "Where the donor's money went: per project, earmarked exactly, unearmarked pro rata",
    roles: ['admin', 'staff', 'donor'],
  })
  @ApiNotFoundResponse({ description: 'No such donor (or, for a donor user, another donor)' })
  tracing(@Ctx() ctx: RequestContext, @UuidParam() id: string): Promise<DonorTracingDto> {
    return this.receipts.tracing(ctx, id);
  }
}

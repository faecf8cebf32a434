import {
  Body,
  Controller,
  Delete,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated } from '../common/access/access.decorators';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import {
  CreateTransferRequest,
  ReverseTransferRequest,
  TransferDto,
  TransferPage,
  TransferQuery,
} from './transfers.dto';
import { TransfersService } from './transfers.service';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { exportAllPages } from '../common/export/all-pages';
import { ExportableListResponse, isFileExport } from '../common/export/export-format';
import { TRANSFER_EXPORT_COLUMNS } from './transfer-export';

@ApiTags('transfers')
@Controller('v1/transfers')
export class TransfersController {
  constructor(private readonly transfers: TransfersService) {}

  @Get()
  @Authenticated('admin', 'staff', 'donor')
  @ApiOperation({
    summary: 'Money entries with organizations (transfers, refunds, reversals), ordered by date',
  })
  @ExportableListResponse(TransferPage)
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: TransferQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TransferPage | StreamableFile> {
    if (isFileExport(query)) {
      return exportAllPages(request, reply, {
        name: 'transfers',
        format: query.format,
        columns: TRANSFER_EXPORT_COLUMNS,
        page: (cursor, limit) => this.transfers.list(ctx, { ...query, cursor, limit }),
      });
    }
    return this.transfers.list(ctx, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One money entry' })
  @Authenticated('admin', 'staff', 'donor')
  @ApiOkResponse({ type: TransferDto })
  @ApiNotFoundResponse({ description: 'No such transfer' })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<TransferDto> {
    return this.transfers.get(ctx, id);
  }

  @Post()
  @Authenticated('admin', 'staff')
  @ApiOperation({
    summary: 'Record a transfer to a participating organization of a project, or a refund from it',
    description:
      'A transfer goes to an approved or active project, is numbered by tranche, and is capped per ' +
      'organization at its share of the approved budget and in total at the approved budget; it is ' +
      'refused while paragraph 6 of resolution 66/290 does not hold for the project on its date, ' +
      'unless overrideJustification says why it must go ahead. A refund (kind refund) is money an ' +
      'organization returns to the Fund: at most what it was sent and has not returned; it is released ' +
      'back to the available balance. Refusals are 422 with the rule code and its facts.',
  })
  @ApiCreatedResponse({ type: TransferDto })
  @ApiBadRequestResponse({
    description: 'Invalid fields, an unknown project, or a non-participating organization',
  })
  @ApiUnprocessableEntityResponse({
    description:
      "Refused by a money rule: the project's stage (project-not-fundable), the approved budget " +
      "(over-budget), the organization's share (over-share), paragraph 6 on the date " +
      '(paragraph-6-not-met, naming the countries), or a refund beyond what was sent (refund-refused)',
  })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateTransferRequest): Promise<TransferDto> {
    return this.transfers.create(ctx, body);
  }

  @Post(':id/reversal')
  @Authenticated('admin', 'staff')
  @ApiOperation({
    summary: 'Reverse a transfer or a refund recorded in error',
    description:
      'Records a reversal entry naming the entry it reverses, for the same amount, project and ' +
      'organization; both stay in the ledger. An entry is reversed once; a reversal is not reversed. ' +
      'Reversing a refund takes the money back out of the available balance and is refused when that ' +
      'would go below zero.',
  })
  @ApiCreatedResponse({ type: TransferDto })
  @ApiNotFoundResponse({ description: 'No such entry' })
  @ApiUnprocessableEntityResponse({
    description: 'Already reversed, a reversal, dated before it, or over-committing',
  })
  reverse(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReverseTransferRequest,
  ): Promise<TransferDto> {
    return this.transfers.reverse(ctx, id, body);
  }

  @Delete(':id')
  @Authenticated('admin')
  @ApiOperation({
    summary: 'Money entries are never deleted',
    description: 'Always refused (422, code money_entries_append_only): reverse the entry instead.',
  })
  @ApiNotFoundResponse({ description: 'No such entry' })
  @ApiUnprocessableEntityResponse({
    description: "Entries are append-only: facts.reversalRoute is the entry's reversal route",
  })
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<never> {
    return this.transfers.remove(id);
  }
}

import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated } from '../common/access/access.decorators';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import {
  ContributionDto,
  ContributionPage,
  ContributionQuery,
  ContributionTotals,
  ContributionTotalsQuery,
  CreateContributionRequest,
  UpdateContributionRequest,
} from './contributions.dto';
import { ContributionsService } from './contributions.service';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { exportAllPages } from '../common/export/all-pages';
import { ExportableListResponse, isFileExport } from '../common/export/export-format';
import { CONTRIBUTION_EXPORT_COLUMNS } from './contribution-export';

const OVER_COMMITTED =
  "The change lowers what the Fund has received by more than its available balance (received − committed + released): code 'received_reduction_exceeds_available' with the facts; nothing is written";

const VALIDATION =
  'Invalid fields: money as decimal strings with at most 2 decimals, greater than zero; an ISO 4217 ' +
  'currency; usdAmount = amount × exchangeRate rounded to the cent (rate 1 for USD); receivedOn set ' +
  'exactly when received, on or after pledgedOn';

@ApiTags('contributions')
@Controller('v1/contributions')
export class ContributionsController {
  constructor(private readonly contributions: ContributionsService) {}

  @Get()
  @Authenticated('admin', 'staff', 'donor')
  @ApiOperation({
    summary: 'Contributions, ordered by pledge date',
    description: "A donor user gets its own donor's contributions only; the others' are in /totals.",
  })
  @ExportableListResponse(ContributionPage)
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: ContributionQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ContributionPage | StreamableFile> {
    if (isFileExport(query)) {
      return exportAllPages(request, reply, {
        name: 'contributions',
        format: query.format,
        columns: CONTRIBUTION_EXPORT_COLUMNS,
        page: (cursor, limit) => this.contributions.list(ctx, { ...query, cursor, limit }),
      });
    }
    return this.contributions.list(ctx, query);
  }

  @Get('totals')
  @Authenticated('admin', 'staff', 'donor')
  @ApiOperation({
    summary: 'USD totals per donor and year, for every donor',
    description:
      'pledgedUsd: pledges made in the year (by pledgedOn) and not cancelled, at their rates; receivedUsd: ' +
      "their receipts dated in the year less reversals, at each receipt's rate (a pledge paid in part " +
      'counts only what arrived); outstandingUsd: what is left to pay on the pledges made in the year, at ' +
      'their rates. Computed in SQL with the definitions of libs/domain (donorYears).',
  })
  @ApiOkResponse({ type: ContributionTotals })
  async totals(@Query() query: ContributionTotalsQuery): Promise<ContributionTotals> {
    return { items: await this.contributions.totals(query) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One contribution' })
  @Authenticated('admin', 'staff', 'donor')
  @ApiOkResponse({ type: ContributionDto })
  @ApiNotFoundResponse({ description: "No such contribution, or another donor's (for a donor user)" })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<ContributionDto> {
    return this.contributions.get(ctx, id);
  }

  @Post()
  @ApiOperation({ summary: 'Record a pledge or a receipt from a donor' })
  @Authenticated('admin', 'staff')
  @ApiCreatedResponse({ type: ContributionDto })
  @ApiBadRequestResponse({ description: VALIDATION })
  @ApiBody({
    type: CreateContributionRequest,
    examples: {
      pledge: {
        summary: 'A pledge in euros, at the rate of the pledge',
        value: {
          donorId: '3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b',
          pledgedOn: '2026-03-31',
          receivedOn: null,
          amount: '1000000.00',
          currency: 'EUR',
          usdAmount: '1085000.00',
          exchangeRate: '1.085',
          status: 'pledged',
          earmarking: null,
          reference: 'UNTFHS/2026/EU-01',
        },
      },
      receipt: {
        summary: 'A receipt in US dollars',
        value: {
          donorId: '3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b',
          pledgedOn: '2026-03-31',
          receivedOn: '2026-05-15',
          amount: '500000.00',
          currency: 'USD',
          usdAmount: '500000.00',
          exchangeRate: '1',
          status: 'received',
          earmarking: 'Sahel projects',
          reference: 'UNTFHS/2026/JPN-01',
        },
      },
    },
  })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateContributionRequest): Promise<ContributionDto> {
    return this.contributions.create(ctx, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a contribution (its receipt, status or earmarking)' })
  @Authenticated('admin', 'staff')
  @ApiOkResponse({ type: ContributionDto })
  @ApiBadRequestResponse({
    description: `${VALIDATION}; checked on the record as it would be after the change`,
  })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: OVER_COMMITTED })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateContributionRequest,
  ): Promise<ContributionDto> {
    return this.contributions.update(ctx, id, version, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a contribution recorded in error' })
  @Authenticated('admin', 'staff')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'Stale version' })
  @ApiUnprocessableEntityResponse({ description: OVER_COMMITTED })
  remove(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.contributions.remove(ctx, id, version);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated } from '../auth/access.decorators';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { CreateTransferRequest, TransferDto, TransferPage, TransferQuery } from './transfers.dto';
import { TransfersService } from './transfers.service';

@ApiTags('transfers')
@Controller('v1/transfers')
export class TransfersController {
  constructor(private readonly transfers: TransfersService) {}

  @Get()
  @Authenticated('admin', 'staff', 'donor')
  @ApiOperation({ summary: 'Transfers out of the Fund, ordered by date' })
  @ApiOkResponse({ type: TransferPage })
  list(@Query() query: TransferQuery): Promise<TransferPage> {
    return this.transfers.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One transfer' })
  @Authenticated('admin', 'staff', 'donor')
  @ApiOkResponse({ type: TransferDto })
  @ApiNotFoundResponse({ description: 'No such transfer' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<TransferDto> {
    return this.transfers.get(id);
  }

  @Post()
  @Authenticated('admin', 'staff')
  @ApiOperation({
    summary: 'Record a transfer to a participating organization of a project',
    description:
      'The tranche number is the next one for the project. The project must be approved, active or ' +
      'completed, and its transfers may never exceed its approved budget.',
  })
  @ApiCreatedResponse({ type: TransferDto })
  @ApiBadRequestResponse({
    description: 'Invalid fields, an unknown project, or a non-participating organization',
  })
  @ApiUnprocessableEntityResponse({
    description: 'The project is not in a fundable stage, or the transfer exceeds what remains of its budget',
  })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateTransferRequest): Promise<TransferDto> {
    return this.transfers.create(ctx, body);
  }

  @Delete(':id')
  @Authenticated('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a transfer recorded in error (admin only)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'Stale version' })
  remove(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.transfers.remove(ctx, id, version);
  }
}

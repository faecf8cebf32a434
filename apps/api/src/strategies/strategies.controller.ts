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
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_ROLES, Authenticated } from '../auth/access.decorators';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import {
  CreateNationalStrategyRequest,
  NationalStrategyDto,
  NationalStrategyPage,
  NationalStrategyQuery,
  UpdateNationalStrategyRequest,
} from './strategies.dto';
import { StrategiesService } from './strategies.service';

@ApiTags('national-strategies')
@Controller('v1/national-strategies')
export class NationalStrategiesController {
  constructor(private readonly strategies: StrategiesService) {}

  @Get()
  @ApiOperation({ summary: 'National strategies and priorities, by country' })
  @Authenticated(...ALL_ROLES)
  @ApiOkResponse({ type: NationalStrategyPage })
  list(@Query() query: NationalStrategyQuery): Promise<NationalStrategyPage> {
    return this.strategies.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One national strategy' })
  @Authenticated(...ALL_ROLES)
  @ApiOkResponse({ type: NationalStrategyDto })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<NationalStrategyDto> {
    return this.strategies.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Add a national strategy' })
  @Authenticated('admin', 'staff')
  @ApiCreatedResponse({ type: NationalStrategyDto })
  create(
    @Ctx() ctx: RequestContext,
    @Body() body: CreateNationalStrategyRequest,
  ): Promise<NationalStrategyDto> {
    return this.strategies.create(ctx, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a national strategy' })
  @Authenticated('admin', 'staff')
  @ApiOkResponse({ type: NationalStrategyDto })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateNationalStrategyRequest,
  ): Promise<NationalStrategyDto> {
    return this.strategies.update(ctx, id, version, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a national strategy no alignment refers to' })
  @Authenticated('admin', 'staff')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted; refused with 409 while project alignments refer to it' })
  remove(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.strategies.remove(ctx, id, version);
  }
}

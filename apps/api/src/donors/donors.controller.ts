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
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated } from '../auth/access.decorators';
import { ExpectedVersion } from '../common/concurrency/expected-version';
import { Ctx, RequestContext } from '../common/request-context/request-context';
import { CreateDonorRequest, DonorDto, DonorPage, DonorQuery, UpdateDonorRequest } from './donors.dto';
import { DonorsService } from './donors.service';

@ApiTags('donors')
@Controller('v1/donors')
export class DonorsController {
  constructor(private readonly donors: DonorsService) {}

  @Get()
  @Authenticated('admin', 'staff', 'donor')
  @ApiOperation({ summary: "The Fund's donors (public information: donor users read them all)" })
  @ApiOkResponse({ type: DonorPage })
  list(@Query() query: DonorQuery): Promise<DonorPage> {
    return this.donors.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One donor' })
  @Authenticated('admin', 'staff', 'donor')
  @ApiOkResponse({ type: DonorDto })
  @ApiNotFoundResponse({ description: 'No such donor' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<DonorDto> {
    return this.donors.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Add a donor' })
  @Authenticated('admin', 'staff')
  @ApiCreatedResponse({ type: DonorDto })
  @ApiBadRequestResponse({
    description: 'Invalid fields; a Member State needs countryIso3, other kinds none',
  })
  @ApiConflictResponse({ description: 'A donor with this name exists' })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateDonorRequest): Promise<DonorDto> {
    return this.donors.create(ctx, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a donor' })
  @Authenticated('admin', 'staff')
  @ApiOkResponse({ type: DonorDto })
  @ApiConflictResponse({ description: 'Stale version, or the name is taken' })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
    @Body() body: UpdateDonorRequest,
  ): Promise<DonorDto> {
    return this.donors.update(ctx, id, version, body);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a donor that has no contributions and no users' })
  @Authenticated('admin', 'staff')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'Stale version, or the donor has contributions or user accounts' })
  remove(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @ExpectedVersion() version: number,
  ): Promise<void> {
    return this.donors.remove(ctx, id, version);
  }
}

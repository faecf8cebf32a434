import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, Authenticated } from '../auth/access.decorators';
import { CountriesService } from './countries.service';
import { CountryDto, CountryPage, CountryQuery, Iso3Param } from './countries.dto';

@ApiTags('countries')
@Controller('v1/countries')
export class CountriesController {
  constructor(private readonly countries: CountriesService) {}

  @Get()
  @ApiOperation({ summary: 'Countries (ISO 3166-1) with their UN region and LDC, LLDC and SIDS flags' })
  @Authenticated(...ALL_ROLES)
  @ApiOkResponse({ type: CountryPage })
  list(@Query() query: CountryQuery): Promise<CountryPage> {
    return this.countries.list(query);
  }

  @Get(':iso3')
  @ApiOperation({ summary: 'One country, by its ISO 3166-1 alpha-3 code' })
  @Authenticated(...ALL_ROLES)
  @ApiParam({ name: 'iso3', type: String, example: 'JPN', description: 'ISO 3166-1 alpha-3 code' })
  @ApiOkResponse({ type: CountryDto })
  get(@Param() params: Iso3Param): Promise<CountryDto> {
    return this.countries.get(params.iso3);
  }
}

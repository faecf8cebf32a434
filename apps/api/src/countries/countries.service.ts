import { Injectable } from '@nestjs/common';
import { limitOf, Page, toPage } from '../common/pagination/pagination';
import { Problem } from '../common/problem-details/problem';
import { CountryDto, CountryQuery } from './countries.dto';
import { CountriesRepository } from './countries.repository';

@Injectable()
export class CountriesService {
  constructor(private readonly countries: CountriesRepository) {}

  async list(query: CountryQuery): Promise<Page<CountryDto>> {
    const limit = limitOf(query);
    const rows = await this.countries.list(query, limit);
    return toPage(rows, limit, (row) => [row.name, row.iso3]);
  }

  async get(iso3: string): Promise<CountryDto> {
    const row = await this.countries.get(iso3.toUpperCase());
    if (!row) throw Problem.notFound(`The country ${iso3.toUpperCase()}`);
    return row;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor } from '../common/pagination/pagination';
import { preparedQuery } from '../database/prepared-query';
import type { CountryDto, CountryQuery } from './countries.dto';

const COLUMNS = `iso3, iso2, numeric, name, region, region_code AS "regionCode", subregion,
  subregion_code AS "subregionCode", intermediate_region AS "intermediateRegion", ldc, lldc, sids`;

/** The SQL of the country reference list, read in the API's shape; CountriesService decides. */
@Injectable()
export class CountriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One more row than `limit`, for the next page's cursor. */
  list(query: CountryQuery, limit: number): Promise<CountryDto[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (query.region) {
      const p = param(query.region);
      where.push(`(region_code = ${p} OR lower(region) = lower(${p}))`);
    }
    if (query.subregion) {
      const p = param(query.subregion);
      where.push(`(subregion_code = ${p} OR lower(subregion) = lower(${p}) OR intermediate_region_code = ${p}
                   OR lower(intermediate_region) = lower(${p}))`);
    }
    for (const flag of ['ldc', 'lldc', 'sids'] as const) {
      if (query[flag] !== undefined) where.push(`${flag} = ${param(query[flag])}`);
    }
    if (query.q) {
      const p = param(query.q);
      where.push(`(name ILIKE '%' || ${p} || '%' OR iso3 = upper(${p}) OR iso2 = upper(${p}))`);
    }
    const cursor = decodeCursor(query.cursor, 2);
    if (cursor) where.push(`(name, iso3) > (${param(cursor[0])}, ${param(cursor[1])})`);
    return preparedQuery<CountryDto>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM countries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY name, iso3 LIMIT ${param(limit + 1)}`,
      params,
    );
  }

  async get(iso3: string): Promise<CountryDto | undefined> {
    const [row] = await preparedQuery<CountryDto>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM countries WHERE iso3 = $1`,
      [iso3],
    );
    return row;
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { buildCountryRows } from '../../countries/reference/country-rows';

export class LoadCountries1763870000001 implements MigrationInterface {
  name = 'LoadCountries1763870000001';

  async up(q: QueryRunner): Promise<void> {
    const rows = await buildCountryRows();
    // One statement: the rows travel as a JSON array and PostgreSQL unpacks them.
    await q.query(
      `INSERT INTO countries (iso3, iso2, numeric, name, region_code, region, subregion_code, subregion,
                              intermediate_region_code, intermediate_region, ldc, lldc, sids)
       SELECT iso3, iso2, numeric, name, "regionCode", region, "subregionCode", subregion,
              "intermediateRegionCode", "intermediateRegion", ldc, lldc, sids
       FROM jsonb_to_recordset($1::jsonb) AS r(
         iso3 text, iso2 text, numeric text, name text, "regionCode" text, region text,
         "subregionCode" text, subregion text, "intermediateRegionCode" text,
         "intermediateRegion" text, ldc boolean, lldc boolean, sids boolean)`,
      [JSON.stringify(rows)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM countries`);
  }
}

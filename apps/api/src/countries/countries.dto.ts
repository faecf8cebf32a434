import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NextCursor, PageQuery } from '../common/pagination/pagination';

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : value;

export class CountryDto {
  @ApiProperty({ example: 'JPN' }) iso3: string;
  @ApiProperty({ example: 'JP' }) iso2: string;
  @ApiProperty({ example: '392' }) numeric: string;
  @ApiProperty({ example: 'Japan' }) name: string;
  @ApiProperty({ example: 'Asia', nullable: true, type: String }) region: string | null;
  @ApiProperty({ example: '142', nullable: true, type: String }) regionCode: string | null;
  @ApiProperty({ example: 'Eastern Asia', nullable: true, type: String }) subregion: string | null;
  @ApiProperty({ example: '030', nullable: true, type: String }) subregionCode: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) intermediateRegion: string | null;
  @ApiProperty({ description: 'Least Developed Country' }) ldc: boolean;
  @ApiProperty({ description: 'Land-locked Developing Country' }) lldc: boolean;
  @ApiProperty({ description: 'Small Island Developing State' }) sids: boolean;
}

export class CountryPage {
  @ApiProperty({ type: [CountryDto] }) items: CountryDto[];
  @NextCursor() nextCursor: string | null;
}

export class CountryQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'M49 region name or code', example: 'Asia' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({ description: 'M49 sub-region name or code', example: 'Eastern Asia' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subregion?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  ldc?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  lldc?: boolean;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  sids?: boolean;

  @ApiPropertyOptional({ description: 'Part of the name, or a code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class Iso3Param {
  @Matches(/^[A-Za-z]{3}$/, { message: 'must be an ISO 3166-1 alpha-3 code' })
  iso3: string;
}

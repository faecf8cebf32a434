import { ApiProperty } from '@nestjs/swagger';

export class LedgerFiguresDto {
  @ApiProperty({ example: '182000000.00' }) received: string;
  @ApiProperty({ example: '77000000.00' }) committed: string;
  @ApiProperty({ example: '60000000.00' }) transferred: string;
  @ApiProperty({
    example: '250000.00',
    description: 'Untransferred balances of completed and closed projects, plus refunds',
  })
  released: string;
  @ApiProperty({ example: '105250000.00', description: 'received − committed + released' })
  available: string;
}

export class StageFiguresDto {
  @ApiProperty({ example: 'under_review' }) stage: string;
  @ApiProperty() projects: number;
  @ApiProperty({ example: '5400000.00' }) requested: string;
  @ApiProperty({ example: '0.00' }) approved: string;
}

export class CountryFiguresDto {
  @ApiProperty({ example: 'KEN' }) iso3: string;
  @ApiProperty({ example: '404', description: 'ISO numeric, the key of world-atlas features' })
  numeric: string;
  @ApiProperty() name: string;
  @ApiProperty() projects: number;
  @ApiProperty({
    description: 'Approved USD of committed projects, split evenly among their recipient countries',
  })
  approved: string;
  @ApiProperty() sids: boolean;
}

export class DonorYearDto {
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ format: 'uuid' }) donorId: string;
  @ApiProperty({ example: 'Japan' }) donor: string;
  @ApiProperty({
    example: 'JPN',
    nullable: true,
    type: String,
    description: "A Member State donor: its country (alpha-3), so it can be named in the reader's language",
  })
  donorCountryIso3: string | null;
  @ApiProperty({
    description:
      "Σ receipts − Σ reversals dated in the year, USD at each receipt's rate (pledges not cancelled)",
    example: '4000000.00',
  })
  received: string;
  @ApiProperty({ description: 'Pledged USD (not cancelled) by pledge year', example: '5000000.00' })
  pledged: string;
  @ApiProperty({
    description: "Left to pay on the year's pledges (not cancelled), at each pledge's rate",
    example: '1000000.00',
  })
  outstanding: string;
}

export class YearFiguresDto {
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ example: 12 }) projects: number;
  @ApiProperty({ example: '11500000.00' }) approved: string;
}

export class BreakdownDto {
  @ApiProperty({ description: 'Region name or dimension', example: 'Africa' }) key: string;
  @ApiProperty({ example: 31 }) projects: number;
  @ApiProperty({ example: '28750000.00' }) approved: string;
}

export class DashboardOverviewDto {
  @ApiProperty({ type: LedgerFiguresDto }) ledger: LedgerFiguresDto;
  @ApiProperty({ type: [StageFiguresDto] }) pipeline: StageFiguresDto[];
  @ApiProperty({ type: [CountryFiguresDto] }) countries: CountryFiguresDto[];
  @ApiProperty({ type: [DonorYearDto] }) contributionsByYear: DonorYearDto[];
  @ApiProperty({
    type: [YearFiguresDto],
    description:
      "By the year of the approval decision (the start year where none is recorded): the ledger's calendar",
  })
  approvalsByYear: YearFiguresDto[];
  @ApiProperty({ type: [BreakdownDto], description: 'Projects that reached approval, by M49 region' })
  byRegion: BreakdownDto[];
  @ApiProperty({
    type: [BreakdownDto],
    description: 'Projects that reached approval, by human-security dimension',
  })
  byDimension: BreakdownDto[];
  @ApiProperty({ format: 'date-time', example: '2026-03-31T08:15:00.000Z' }) generatedAt: string;
}

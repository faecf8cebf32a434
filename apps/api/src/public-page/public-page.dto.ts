import { ApiProperty } from '@nestjs/swagger';
import { ProjectTitleTranslations } from '../common/translations/translations.dto';

/**
 * What anyone may read about the Fund without signing in. Its own DTO, so nothing reaches the public
 * page by being added to a staff screen's answer: no consent record, no review, no reviewer, no
 * proposal before approval, no contribution line (donors appear as their received totals only).
 */
export class PublicFigures {
  @ApiProperty({ example: '32600000.00', description: 'Σ USD of received contributions' })
  received: string;
  @ApiProperty({
    example: '30000000.00',
    description: 'Σ approved budgets of projects that reached approval',
  })
  committed: string;
  @ApiProperty({ example: '12000000.00', description: 'Σ transfers to organizations minus their reversals' })
  transferred: string;
}

export class PublicYear extends PublicFigures {
  @ApiProperty({ type: 'integer', example: 2024 }) year: number;
}

export class PublicDonor {
  @ApiProperty({ example: 'Japan' }) name: string;
  @ApiProperty({
    example: 'JPN',
    nullable: true,
    type: String,
    description: "A Member State: its country (alpha-3), so it can be named in the reader's language",
  })
  countryIso3: string | null;
  @ApiProperty({ example: '1000000.00', description: 'Σ USD of its received contributions' })
  received: string;
}

export class PublicCountry {
  @ApiProperty({ example: 'KEN' }) iso3: string;
  @ApiProperty({ example: 'KE' }) iso2: string;
  @ApiProperty({ example: '404', description: 'ISO 3166-1 numeric, by which the map finds the country' })
  numeric: string;
  @ApiProperty({ example: 'Kenya' }) name: string;
  @ApiProperty({ type: 'integer', description: 'Approved projects with this recipient country' })
  projects: number;
  @ApiProperty({
    example: '150000.00',
    description: 'Σ approved budgets of those projects, a project in several countries in equal shares',
  })
  approved: string;
}

export class PublicPrinciples {
  @ApiProperty({
    nullable: true,
    type: Number,
    description: "The panel's mean score (0–4) of the latest round",
    example: 3.25,
  })
  people_centred: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 3 }) comprehensive: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 3.5 }) context_specific: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 2.75 }) prevention_oriented: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 3 }) protection_empowerment: number | null;
}

export class PublicProject {
  @ApiProperty({ example: 'HS-2026-0004' }) code: string;
  @ApiProperty({ example: 'Community resilience to drought in the Karamoja cluster' }) title: string;
  @ApiProperty({ type: ProjectTitleTranslations, description: 'The title in other languages, by language' })
  titleTranslations: ProjectTitleTranslations;
  @ApiProperty({ enum: ['approved', 'active', 'suspended', 'completed', 'closed'] }) stage: string;
  @ApiProperty({ type: [String], example: ['KEN', 'UGA'] }) countries: string[];
  @ApiProperty({ nullable: true, type: String, example: '1000000.00' }) approvedBudget: string | null;
  @ApiProperty({ type: PublicPrinciples }) principles: PublicPrinciples;
}

export class PublicFund {
  @ApiProperty({ type: PublicFigures }) overall: PublicFigures;
  @ApiProperty({ type: [PublicYear], description: 'Oldest first' }) byYear: PublicYear[];
  @ApiProperty({ type: [PublicDonor], description: 'Largest first' }) byDonor: PublicDonor[];
  @ApiProperty({ type: [PublicCountry], description: 'By name' }) byCountry: PublicCountry[];
  @ApiProperty({ type: 'integer', description: 'Approved projects in all', example: 214 })
  projectCount: number;
  @ApiProperty({
    type: [PublicProject],
    description: 'The 100 most recent approved projects by code; every one is in the IATI file',
  })
  projects: PublicProject[];
}

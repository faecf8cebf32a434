import { ApiProperty } from '@nestjs/swagger';

export class LedgerFigures {
  @ApiProperty({
    example: '32600000.00',
    description:
      "Σ receipts − Σ their reversals, in USD at each receipt's rate, of contributions not cancelled",
  })
  received: string;
  @ApiProperty({
    example: '30000000.00',
    description: 'Σ approved budgets of projects that reached approval (approved, active, completed, closed)',
  })
  committed: string;
  @ApiProperty({
    example: '12000000.00',
    description: 'Σ transfers to organizations minus Σ their reversals',
  })
  transferred: string;
  @ApiProperty({
    example: '250000.00',
    description:
      'Σ untransferred balances of completed and closed projects (back to the Fund), plus refunds ' +
      'from organizations minus their reversals',
  })
  released: string;
  @ApiProperty({
    example: '2850000.00',
    description: 'received − committed + released; never negative overall, by construction',
  })
  available: string;
}

export class LedgerYear extends LedgerFigures {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 2007,
    description: 'Null collects figures with no date: a commitment with neither decision nor start date',
  })
  year: number | null;
}

export class FundLedger {
  @ApiProperty({ type: LedgerFigures }) overall: LedgerFigures;
  @ApiProperty({
    type: [LedgerYear],
    description:
      'One entry per year with any figure, oldest first: received by the year of each receipt; committed ' +
      'by the year the approval was decided (the start date where no decision is recorded), as in the ' +
      "overview's approvals by year; transferred, refunds and reversals by their date; an untransferred " +
      'balance released by the year the completion was decided (the end date where none is recorded); ' +
      "available is that year's received − committed + released.",
  })
  byYear: LedgerYear[];
}

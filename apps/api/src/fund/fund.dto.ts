import { ApiProperty } from '@nestjs/swagger';

export class LedgerFigures {
  @ApiProperty({ example: '32600000.00', description: 'Σ usdAmount of received contributions' })
  received: string;
  @ApiProperty({
    example: '30000000.00',
    description: 'Σ approved budgets of projects that reached approval (approved, active, completed, closed)',
  })
  committed: string;
  @ApiProperty({ example: '12000000.00', description: 'Σ transfers to organizations' }) transferred: string;
  @ApiProperty({ example: '2600000.00', description: 'received − committed; negative when over-committed' })
  available: string;
}

export class LedgerYear extends LedgerFigures {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 2007,
    description: 'Null collects committed budgets of projects that have no start date',
  })
  year: number | null;
}

export class FundLedger {
  @ApiProperty({ type: LedgerFigures }) overall: LedgerFigures;
  @ApiProperty({
    type: [LedgerYear],
    description:
      'One entry per year with any figure, oldest first: received by the year of receivedOn, committed ' +
      'by the year of the project start date, transferred by the year of transferredOn; available is ' +
      "that year's received − committed.",
  })
  byYear: LedgerYear[];
}

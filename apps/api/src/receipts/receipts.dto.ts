import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EARMARK_KINDS, type EarmarkKind, RECEIPT_KINDS, type ReceiptKind } from '@hstf/domain';
import { type DecimalShape, IsMoney } from '../common/money/money.decorators';
import { IsCalendarDate } from '../common/validation/calendar-date';
import { Optional } from '../common/validation/optional';
import { OptionalText, RequiredText } from '../common/validation/text';
import { NextCursor } from '../common/pagination/pagination';

/** numeric(18,8): up to 10 digits before the point, 8 after (as a contribution's rate). */
const EXCHANGE_RATE: DecimalShape = { integerDigits: 10, decimals: 8, example: '0.00712500' };

/** A receipt and its reversal name each other, in the staff's and the donor's view alike. */
const REVERSES = {
  format: 'uuid',
  nullable: true,
  type: String,
  description: 'A reversal: the receipt it reverses',
} as const;
const REVERSED_BY = {
  format: 'uuid',
  nullable: true,
  type: String,
  description: 'A receipt: its reversal, if any',
} as const;

const EARMARK_DESCRIPTION =
  'none; window (I or II); dimension (a human-security dimension); country (ISO 3166-1 alpha-3); project (its id)';

export class ReceiptDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) contributionId: string;
  @ApiProperty({ format: 'uuid' }) donorId: string;
  @ApiProperty({ enum: RECEIPT_KINDS, description: 'A receipt, or the reversal of one recorded in error' })
  kind: ReceiptKind;
  @ApiProperty({ format: 'date', example: '2024-05-02' }) receivedOn: string;
  @ApiProperty({ example: '250000000.00', description: "In the pledge's currency, always positive" })
  amount: string;
  @ApiProperty({ example: 'JPY' }) currency: string;
  @ApiProperty({ example: '0.00700000', description: 'US dollars per unit, on the receipt date' })
  exchangeRate: string;
  @ApiProperty({ example: '1750000.00', description: 'amount × exchangeRate, rounded to the cent (half up)' })
  usdAmount: string;
  @ApiProperty({
    example: '-31250.00',
    description:
      "usdAmount − amount at the pledge's rate: the Fund's exchange gain (positive) or loss (negative); the opposite for a reversal",
  })
  exchangeDifference: string;
  @ApiProperty(REVERSES) reverses: string | null;
  @ApiProperty(REVERSED_BY) reversedBy: string | null;
  @ApiProperty({ enum: EARMARK_KINDS, description: EARMARK_DESCRIPTION }) earmarkKind: EarmarkKind;
  @ApiProperty({ nullable: true, type: String, example: 'PER' }) earmarkTarget: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() illustrative: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PledgeStatementDto {
  @ApiProperty({ format: 'uuid' }) contributionId: string;
  @ApiProperty({ example: 'JPY' }) currency: string;
  @ApiProperty({ example: '500000000.00', description: 'The pledge, in its currency' }) pledgedAmount: string;
  @ApiProperty({ example: '0.00712500', description: "The pledge's rate" }) pledgeRate: string;
  @ApiProperty({ example: '3562500.00', description: 'The pledge at its rate' }) pledgedUsd: string;
  @ApiProperty({ example: '250000000.00', description: 'Σ receipts − Σ reversals, in the currency' })
  receivedAmount: string;
  @ApiProperty({
    example: '1750000.00',
    description: "The same in USD at each receipt's rate: what the Fund's ledger counts (0 once cancelled)",
  })
  receivedUsd: string;
  @ApiProperty({ example: '250000000.00', description: 'Still to be paid, in the currency' })
  outstanding: string;
  @ApiProperty({ example: '1781250.00', description: "The outstanding amount at the pledge's rate" })
  outstandingUsd: string;
  @ApiProperty({
    example: '-31250.00',
    description: "The Fund's exchange gain (+) or loss (−) on this pledge",
  })
  exchangeDifference: string;
  @ApiProperty({ type: [ReceiptDto], description: 'Oldest first' }) items: ReceiptDto[];
}

export class CreateReceiptRequest {
  @IsCalendarDate({ example: '2024-05-02', moneyEvent: true })
  receivedOn: string;

  @IsMoney({ max: null, description: "In the pledge's currency, at most what is outstanding" })
  amount: string;

  @IsMoney({ shape: EXCHANGE_RATE, description: 'US dollars per unit on the receipt date (1 for USD)' })
  exchangeRate: string;

  @ApiPropertyOptional({ enum: EARMARK_KINDS, description: EARMARK_DESCRIPTION, default: 'none' })
  @Optional()
  @IsIn(EARMARK_KINDS, { message: `must be one of ${EARMARK_KINDS.join(', ')}` })
  earmarkKind?: EarmarkKind;

  @OptionalText({
    max: 100,
    nullable: true,
    example: 'PER',
    description: 'What the earmark names; null for none',
  })
  earmarkTarget?: string | null;

  @OptionalText({ max: 2000, nullable: true })
  note?: string | null;
}

export class ReverseReceiptRequest {
  @IsCalendarDate({ example: '2024-05-09', moneyEvent: true })
  reversedOn: string;

  @RequiredText({ max: 2000, example: 'Recorded twice; the bank statement shows one payment.' })
  reason: string;
}

export class TracedProjectDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'HS-2015-0042' }) projectCode: string;
  @ApiProperty() projectTitle: string;
  @ApiProperty({ example: '100000.00', description: "Earmarked receipts drawn on by the project's approval" })
  earmarked: string;
  @ApiProperty({ example: '12345.67', description: 'The share of the unearmarked pool at the decision' })
  proRata: string;
  @ApiProperty({ example: '112345.67', description: 'earmarked + proRata: what the money paid for' })
  total: string;
  @ApiProperty({
    example: '2345.67',
    description:
      "Its share of the project's balance released at completion or closure, in the proportion its money funded the project",
  })
  released: string;
  @ApiProperty({
    example: '1000.00',
    description:
      "Its share of the refunds from the project's organizations (net of reversed refunds), in the same proportion",
  })
  refunded: string;
  @ApiProperty({
    example: '109000.00',
    description: 'total − released − refunded: what its money paid for in the end',
  })
  net: string;
}

export class DonorTracingDto {
  @ApiProperty({ format: 'uuid' }) donorId: string;
  @ApiProperty({ example: 'Japan' }) donorName: string;
  @ApiProperty({ description: 'How the amounts are traced, in words' }) method: string;
  @ApiProperty({
    example: '3562500.00',
    description: 'Σ its receipts − Σ reversals in USD, pledges not cancelled',
  })
  paid: string;
  @ApiProperty({
    example: '1000000.00',
    description: 'Paid, or returned to the Fund, and not yet drawn on by an approval',
  })
  unallocated: string;
  @ApiProperty({ example: '3345.67', description: 'Σ released + refunded: what came back from its projects' })
  returned: string;
  @ApiProperty({ type: [TracedProjectDto], description: 'paid = Σ net + unallocated' })
  projects: TracedProjectDto[];
}

export class DonorReceiptDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) contributionId: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'JPN-2025-07',
    description: "The pledge's reference",
  })
  reference: string | null;
  @ApiProperty({
    enum: ['pledged', 'received', 'cancelled'],
    description: "The pledge's status: a cancelled pledge's receipts count for nothing",
  })
  pledgeStatus: string;
  @ApiProperty({ enum: RECEIPT_KINDS, description: 'A receipt, or the reversal of one recorded in error' })
  kind: ReceiptKind;
  @ApiProperty({ format: 'date', example: '2025-05-02' }) receivedOn: string;
  @ApiProperty({ example: '250000000.00', description: "In the pledge's currency, always positive" })
  amount: string;
  @ApiProperty({ example: 'JPY' }) currency: string;
  @ApiProperty({ example: '0.00700000', description: "The receipt's rate: US dollars per unit" })
  exchangeRate: string;
  @ApiProperty({ example: '0.00712500', description: "The pledge's rate" }) pledgeRate: string;
  @ApiProperty({ example: '1750000.00', description: "amount at the receipt's rate, always positive" })
  usdAmount: string;
  @ApiProperty({
    example: '-31250.00',
    description:
      "usdAmount − amount at the pledge's rate: the Fund's exchange gain (+) or loss (−); the opposite for a reversal",
  })
  exchangeDifference: string;
  @ApiProperty(REVERSES) reverses: string | null;
  @ApiProperty(REVERSED_BY) reversedBy: string | null;
  @ApiProperty({ enum: EARMARK_KINDS, description: EARMARK_DESCRIPTION }) earmarkKind: EarmarkKind;
  @ApiProperty({ nullable: true, type: String, example: 'PER' }) earmarkTarget: string | null;
}

export class DonorReceiptPage {
  @ApiProperty({ type: [DonorReceiptDto], description: 'Oldest first, as recorded within a day' })
  items: DonorReceiptDto[];
  @NextCursor() nextCursor: string | null;
}

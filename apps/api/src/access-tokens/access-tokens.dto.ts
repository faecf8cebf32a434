import { ApiProperty } from '@nestjs/swagger';
import { ACCESS_TOKEN_MAX_DAYS, ACCESS_TOKEN_NAME_MAX_LENGTH } from '@hstf/domain';
import { NextCursor } from '../common/pagination/pagination';
import { IsOptionalCalendarDate } from '../common/validation/calendar-date';
import { RequiredText } from '../common/validation/text';

export class CreateAccessTokenRequest {
  @RequiredText({
    max: ACCESS_TOKEN_NAME_MAX_LENGTH,
    example: 'Quarterly donor report script',
    description: 'What the token is for, so it can be recognised in the list and revoked',
  })
  name: string;

  @IsOptionalCalendarDate({
    nullable: true,
    example: '2027-03-31',
    description: `The last day (UTC) the token works, today at the earliest and within ${ACCESS_TOKEN_MAX_DAYS} days; none or null for a token that works until revoked`,
  })
  expiresOn?: string | null;
}

/** A token as its owner lists it: never its secret. */
export class AccessTokenDto {
  @ApiProperty({ format: 'uuid', example: '0b7e5b52-3c1f-4d8e-9a55-5d1f0c7e2a91' }) id: string;
  @ApiProperty({ example: 'Quarterly donor report script' }) name: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-06T09:30:00.000Z' }) createdAt: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    example: '2026-12-06T10:02:00.000Z',
    description: 'When a request last used it (to the minute); null if never',
  })
  lastUsedAt: string | null;
  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    example: '2027-03-31',
    description: 'The last day (UTC) it works; null: until revoked',
  })
  expiresOn: string | null;
  @ApiProperty({ example: false, description: 'Its last day has passed: it no longer works' })
  expired: boolean;
}

export class CreatedAccessTokenDto extends AccessTokenDto {
  @ApiProperty({
    example: 'hstf_pat_q7Vh0kYw3n2RZb1mX9sLc4TfJd8uPaE6oGiN5yKzW0A',
    description:
      'The secret, for `Authorization: Bearer`: answered this once and never again (only its SHA-256 is kept)',
  })
  token: string;
}

export class AccessTokenPage {
  @ApiProperty({ type: [AccessTokenDto] }) items: AccessTokenDto[];
  @NextCursor() nextCursor: string | null;
}

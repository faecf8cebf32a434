import { STAGES } from '@hstf/domain';
import type { Stage } from '@hstf/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ExportablePageQuery } from '../common/export/export-format';
import { IsOptionalCalendarDate } from '../common/validation/calendar-date';
import { NextCursor } from '../common/pagination/pagination';

export const ALERT_CODES = [
  'funded_consent_withdrawn',
  'funded_consent_expired',
  'funded_consent_expiring',
  'funded_consent_invalid',
  'consent_request_overdue',
] as const;

export class AlertQuery extends ExportablePageQuery {
  @IsOptionalCalendarDate({ description: 'The day to raise the alerts on (default: today, UTC)' })
  on?: string;
}

/** A consent that needs attention: on a funded project, or awaited too long by a proposal. */
export class ConsentAlertDto {
  @ApiProperty({ enum: ALERT_CODES }) code: (typeof ALERT_CODES)[number];
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'HS-2024-0002' }) projectCode: string;
  @ApiProperty() projectTitle: string;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty({ example: 'KEN' }) country: string;
  @ApiProperty({ example: 'Kenya' }) countryName: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The consent record concerned; null when no record explains it (funded_consent_invalid)',
  })
  recordId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) facts: Record<string, unknown>;
  @ApiProperty({ example: 'KEN withdrew its consent on 2025-03-02 to a project that is active.' })
  message: string;
  @ApiProperty({
    enum: ['suspended'],
    nullable: true,
    type: String,
    description:
      'The decision the product proposes: `suspended` when paragraph 6 no longer holds for an approved or ' +
      'active project (its consent was withdrawn, has expired or is not valid); null for a warning',
  })
  proposedDecision: 'suspended' | null;
}

export class AlertPage {
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ type: [ConsentAlertDto] }) items: ConsentAlertDto[];
  @NextCursor() nextCursor: string | null;
}

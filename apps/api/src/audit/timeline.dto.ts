import { ApiProperty } from '@nestjs/swagger';
import { NextCursor } from '../common/pagination/pagination';
import { AUDITED_ACTIONS, AUDITED_ENTITY_NAMES } from './audit-visibility';

/** One event of a project's story: an audited change of the project or of a record of it. */
export class TimelineEventDto {
  @ApiProperty({ format: 'uuid', description: 'The audit entry' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ enum: AUDITED_ACTIONS, example: 'transition' })
  action: string;
  @ApiProperty({
    enum: AUDITED_ENTITY_NAMES,
    example: 'consent_record',
    description: 'What changed',
  })
  entity: string;
  @ApiProperty() entityId: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Who made the change (staff and admin only; null for donors and for changes by the system)',
  })
  actorName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Staff and admin only' })
  actorEmail: string | null;
  @ApiProperty({
    type: [String],
    description: 'The fields whose value differs between before and after, as the reader may see them',
  })
  changed: string[];
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true })
  before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true })
  after: Record<string, unknown> | null;
}

export class TimelinePage {
  @ApiProperty({ type: [TimelineEventDto] }) items: TimelineEventDto[];
  @NextCursor() nextCursor: string | null;
}

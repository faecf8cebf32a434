import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { NextCursor, PageQuery } from '../common/pagination/pagination';

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export class JobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'notifications-mail' }) queue: string;
  @ApiProperty({
    enum: JOB_STATES,
    description: 'created: waiting; retry: waiting to be tried again; active: running',
  })
  state: JobState;
  @ApiProperty({ description: 'Attempts that failed so far' }) retryCount: number;
  @ApiProperty({ description: 'Retries allowed before the job shows as failed' }) retryLimit: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', description: 'Not run before this time (the next retry)' })
  startAfter: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why a failed job failed' }) error: string | null;
}

export class JobPage {
  @ApiProperty({ type: [JobDto] }) items: JobDto[];
  @NextCursor() nextCursor: string | null;
}

export class JobQuery extends PageQuery {
  @ApiPropertyOptional({ enum: JOB_STATES })
  @IsOptional()
  @IsIn(JOB_STATES)
  state?: JobState;

  @ApiPropertyOptional({ description: 'Only the jobs of this queue' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  queue?: string;
}

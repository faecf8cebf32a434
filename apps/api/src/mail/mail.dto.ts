import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, MaxLength } from 'class-validator';
import { LANGUAGES, type Language } from '@hstf/domain';
import { NextCursor, PageQuery } from '../common/pagination/pagination';

export class OutboxMailDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'amina.diallo@un.org' }) to: string;
  @ApiProperty({ enum: LANGUAGES }) language: Language;
  @ApiProperty({ example: 'Set your password for HSTF Portfolio' }) subject: string;
  @ApiProperty({ description: 'The plain-text part' }) text: string;
  @ApiProperty({ description: 'The HTML part' }) html: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class OutboxPage {
  @ApiProperty({ type: [OutboxMailDto] }) items: OutboxMailDto[];
  @NextCursor() nextCursor: string | null;
}

export class OutboxQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the mail to this address' })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  recipient?: string;
}

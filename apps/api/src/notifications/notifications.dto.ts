import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import {
  DELIVERY_MODES,
  LANGUAGES,
  NOTIFICATION_KINDS,
  type DeliveryMode,
  type Language,
  type NotificationKind,
} from '@hstf/domain';
import { NextCursor, PageQuery } from '../common/pagination/pagination';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty({ description: "In the recipient's language" }) title: string;
  @ApiProperty({ description: "In the recipient's language" }) body: string;
  @ApiProperty({ description: 'The record it is about, as a path of the dashboard', example: '/reviews/…' })
  link: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) projectId: string | null;
  @ApiProperty() read: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @NextCursor() nextCursor: string | null;
  @ApiProperty({ description: 'Unread notifications in all' }) unread: number;
}

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the unread ones' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class UnreadCountDto {
  @ApiProperty({ example: 4 }) unread: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'How many were marked read', example: 3 }) marked: number;
}

export class PreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS)
  kind: NotificationKind;

  @ApiProperty({
    enum: DELIVERY_MODES,
    description: 'immediate: a mail at once; digest: in the daily mail',
    example: 'digest',
  })
  @IsIn(DELIVERY_MODES)
  mode: DeliveryMode;
}

export class NotificationSettingsDto {
  @ApiProperty({ enum: LANGUAGES, description: 'The language of the mail and notifications', example: 'fr' })
  language: Language;
  @ApiProperty({ type: [PreferenceDto], description: 'One per kind the user can receive' })
  preferences: PreferenceDto[];
}

export class UpdateNotificationSettingsRequest {
  @ApiPropertyOptional({ enum: LANGUAGES, example: 'fr' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ type: [PreferenceDto], description: 'The kinds to change; the others stay' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => PreferenceDto)
  preferences?: PreferenceDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES, type Role } from '@hstf/domain';
import { OptionalText, RequiredText } from '../common/validation/text';
import { Optional } from '../common/validation/optional';
import { VersionRead } from '../common/concurrency/expected-version';
import { NextCursor, PageQuery } from '../common/pagination/pagination';

const lowerTrimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'amina.diallo@un.org' }) email: string;
  @ApiProperty({ example: 'Amina Diallo' }) name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) donorId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastSignInAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class UserPage {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
  @NextCursor() nextCursor: string | null;
}

export class UserQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Part of the name or email' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CreateUserRequest {
  @ApiProperty({ example: 'officer@un.org' })
  @Transform(lowerTrimmed)
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @RequiredText({ max: 200, tooShort: 'is required', example: 'Amina Diallo' })
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Required for donor users',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  donorId?: string | null;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, format: 'password' })
  @IsString()
  password: string;
}

export class UpdateUserRequest {
  @VersionRead()
  version?: number;

  @OptionalText({ max: 200, tooShort: 'is required', example: 'Amina Diallo' })
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @Optional()
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @Optional({ nullable: true })
  @IsUUID('all', { message: 'must be a UUID' })
  donorId?: string | null;

  @ApiPropertyOptional({ description: 'Deactivating a user ends all their sessions' })
  @Optional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    minLength: PASSWORD_MIN_LENGTH,
    format: 'password',
    description: 'Ends all their sessions',
  })
  @Optional()
  @IsString()
  password?: string;
}

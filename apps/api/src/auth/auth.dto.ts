import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { UserDto } from '../users';

export class LoginRequest {
  @ApiProperty({ example: 'staff@example.org' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'demo-password', format: 'password' })
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(256)
  password: string;
}

export class SessionResponse {
  @ApiProperty({ description: 'Opaque session token for Authorization: Bearer (the web uses the cookie)' })
  token: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ type: UserDto })
  user: UserDto;
}

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
  @ApiProperty({
    description: 'Opaque session token for Authorization: Bearer (the web uses the cookie)',
    example: 'q7Vh0kYw3n2RZb1mX9sLc4TfJd8uPaE6oGiN5yKzW0A',
  })
  token: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-31T18:00:00.000Z' })
  expiresAt: string;

  @ApiProperty({ type: UserDto })
  user: UserDto;
}

import { ApiProperty, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';
import { LANGUAGES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type Language } from '@hstf/domain';
import { IsIn, IsOptional } from 'class-validator';
import { CreateUserRequest } from '../users';

/** A new user, who sets their own password from the link mailed to them. */
export class InviteUserRequest extends OmitType(CreateUserRequest, ['password'] as const) {
  @ApiProperty({
    enum: LANGUAGES,
    required: false,
    description: 'The language of the invitation (default en)',
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class PasswordResetRequest {
  @ApiProperty({ example: 'officer@un.org' })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  )
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;
}

export class PasswordResetAccepted {
  @ApiProperty({
    description: 'The same whether or not an account has this address: a link is mailed only if one does',
    example: 'If an account has this address, a link to reset its password is on its way.',
  })
  message: string;
}

export class SetPasswordRequest {
  @ApiProperty({
    description: 'The token of the link mailed',
    example: 'Zx4Qm9Tb2Lk7Wc1Rn8Hs5Yd3Jf6Gp0Va2Eu9Io4Ky1B',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'is not a token this system gave out' })
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, format: 'password' })
  @IsString()
  password: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsOptionalCalendarDate } from '../common/validation/calendar-date';
import { STATEMENT_LANGUAGES, type StatementLanguage } from './statement-words';

export class StatementLanguageQuery {
  @ApiPropertyOptional({
    enum: STATEMENT_LANGUAGES,
    description: "The statement's language (the dashboard sends the reader's); without it, Accept-Language",
  })
  @IsOptional()
  @IsIn(STATEMENT_LANGUAGES, { message: `must be one of ${STATEMENT_LANGUAGES.join(', ')}` })
  lang?: StatementLanguage;
}

export class DonorStatementQuery extends StatementLanguageQuery {
  @IsOptionalCalendarDate({
    description: 'First day of the period; the 1st of January of `to`’s year by default',
  })
  from?: string;

  @IsOptionalCalendarDate({ description: 'Last day of the period (inclusive); today by default' })
  to?: string;
}

import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance';
import { StatementsController } from './statements.controller';
import { StatementsRepository } from './statements.repository';
import { StatementsService } from './statements.service';

/** Printable statements (PDF) read from the records as they stand; they write nothing. */
@Module({
  imports: [ComplianceModule],
  controllers: [StatementsController],
  providers: [StatementsService, StatementsRepository],
})
export class StatementsModule {}

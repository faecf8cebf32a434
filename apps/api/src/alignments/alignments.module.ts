import { Module } from '@nestjs/common';
import { AlignmentsController } from './alignments.controller';
import { AlignmentsRepository } from './alignments.repository';
import { AlignmentsService } from './alignments.service';

/** A project's alignments with the national strategies of its recipient countries (paragraph 6). */
@Module({
  controllers: [AlignmentsController],
  providers: [AlignmentsService, AlignmentsRepository],
  exports: [AlignmentsService],
})
export class AlignmentsModule {}

import { Module } from '@nestjs/common';
import { AlignmentsController } from './alignments.controller';
import { AlignmentsService } from './alignments.service';
import { NationalStrategiesController } from './strategies.controller';
import { StrategiesRepository } from './strategies.repository';
import { StrategiesService } from './strategies.service';

/** National strategies, and the project alignments that refer to them. */
@Module({
  controllers: [NationalStrategiesController, AlignmentsController],
  providers: [StrategiesService, StrategiesRepository, AlignmentsService],
  exports: [StrategiesService, AlignmentsService],
})
export class StrategiesModule {}

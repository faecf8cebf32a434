import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports';
import { ResultsController } from './results.controller';
import { ResultsRepository } from './results.repository';
import { ResultsService } from './results.service';

/** Outcomes, outputs and indicators of each project, what its reports record, and people reached. */
@Module({
  imports: [ReportsModule],
  controllers: [ResultsController],
  providers: [ResultsRepository, ResultsService],
})
export class ResultsModule {}

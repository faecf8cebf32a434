import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects';
import { ExportJobsController } from './export-jobs.controller';
import { ExportJobsService } from './export-jobs.service';
import { ExportJobsRepository } from './export-jobs.repository';

@Module({
  imports: [ProjectsModule],
  controllers: [ExportJobsController],
  providers: [ExportJobsService, ExportJobsRepository],
})
export class ExportJobsModule {}

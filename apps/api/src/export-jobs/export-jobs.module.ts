import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects';
import { ExportJobsController } from './export-jobs.controller';
import { ExportJobsService } from './export-jobs.service';

@Module({
  imports: [ProjectsModule],
  controllers: [ExportJobsController],
  providers: [ExportJobsService],
})
export class ExportJobsModule {}

export { JobsModule } from './jobs.module';
export { JobsService } from './jobs.service';
export type { JobHandler } from './jobs.service';
export { QUEUES } from './reference/job-queues';

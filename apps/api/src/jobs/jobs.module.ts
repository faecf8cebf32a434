import { Global, Module } from '@nestjs/common';
import { JobsController } from './jobs.controller';
import { JobsRepository } from './jobs.repository';
import { JobsService } from './jobs.service';

/** Background jobs in PostgreSQL (pg-boss); global, so any feature can send or work a queue. */
@Global()
@Module({ controllers: [JobsController], providers: [JobsService, JobsRepository], exports: [JobsService] })
export class JobsModule {}

import { Module } from '@nestjs/common';
import { ContributionsController } from './contributions.controller';
import { ContributionsRepository } from './contributions.repository';
import { ContributionsService } from './contributions.service';

@Module({
  controllers: [ContributionsController],
  providers: [ContributionsService, ContributionsRepository],
})
export class ContributionsModule {}
